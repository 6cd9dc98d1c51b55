/**
 * A server-wide secret that signs order-status links, so any e-mail (paid, shipped, delivered) can carry
 * the buyer's link without storing it: every server sharing the database signs with the same key. The
 * LINK_SECRET setting, when given, takes its place. Status tokens already sent in "placed" e-mails are
 * no longer kept in the outbox once that e-mail has gone out.
 */
export default `
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value text NOT NULL CHECK (length(value) >= 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
UPDATE order_effects SET payload = payload - 'links' WHERE kind = 'mail.placed.buyer' AND status = 'done';
`;
