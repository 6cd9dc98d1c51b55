/**
 * The outbox: every e-mail the app sends or would send, readable in the admin. The outbox mailer
 * only writes here (sent_at stays NULL); the SMTP mailer writes here too and sets sent_at on
 * delivery or last_error on failure. For the lead to add as the next migration.
 */
export default `
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 320),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  body_text text NOT NULL,
  body_html text,
  kind text NOT NULL CHECK (kind ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
  order_id uuid NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text NULL
);
CREATE INDEX outbox_order_idx ON outbox (order_id) WHERE order_id IS NOT NULL;
`;
