/**
 * One checkout, one payment: a `checkouts` row groups the orders (one per workshop) placed together
 * and carries the one payment for all of them — its Stripe Checkout Session, or its bank transfer
 * with a kode unik. Orders that existed before get a checkout of their own (numbered as the order,
 * keeping the session they were paid through), so every order has exactly one checkout.
 *
 * `order_effects` is the outbox of side effects (e-mails, Stripe session expiry, refunds): written
 * in the same transaction as the state change that causes it, unique per (order or checkout, kind),
 * delivered by a worker with retries. Order events record who did what.
 */
export default `
CREATE SEQUENCE checkout_number_seq;

CREATE TABLE checkouts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  lang text NOT NULL CHECK (lang IN ('id', 'en')),
  buyer_name text NOT NULL,
  buyer_email text NOT NULL,
  buyer_phone text NOT NULL,
  payment_method text NOT NULL CHECK (payment_method IN ('stripe', 'bank_transfer')),
  -- awaiting: the one payment is still expected; paid: it arrived; closed: it never will (expired, cancelled).
  payment_status text NOT NULL DEFAULT 'awaiting' CHECK (payment_status IN ('awaiting', 'paid', 'closed')),
  goods_idr integer NOT NULL CHECK (goods_idr >= 0),
  shipping_idr integer NOT NULL CHECK (shipping_idr >= 0),
  -- Bank transfer: a small amount (1–999) added to the total so the transfer can be matched on the statement.
  unique_code_idr integer NOT NULL DEFAULT 0 CHECK (unique_code_idr BETWEEN 0 AND 999),
  total_idr integer NOT NULL CHECK (total_idr = goods_idr + shipping_idr + unique_code_idr),
  stripe_session_id text UNIQUE,
  payment_url text,
  payment_intent_id text,
  expires_at timestamptz NOT NULL,
  paid_at timestamptz,
  paid_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checkouts_intent_idx ON checkouts (payment_intent_id);
-- Two open bank transfers never ask for the same amount: that is what makes the kode unik match.
CREATE UNIQUE INDEX checkouts_open_transfer_amount_idx ON checkouts (total_idr)
  WHERE payment_method = 'bank_transfer' AND payment_status = 'awaiting' AND unique_code_idr > 0;

INSERT INTO checkouts (id, number, lang, buyer_name, buyer_email, buyer_phone, payment_method, payment_status,
  goods_idr, shipping_idr, unique_code_idr, total_idr, stripe_session_id, payment_url, payment_intent_id, expires_at, paid_at, created_at)
SELECT gen_random_uuid(), o.number, o.lang, o.buyer_name, o.buyer_email, o.buyer_phone, o.payment_method,
  CASE WHEN o.status = 'awaiting_payment' THEN 'awaiting' WHEN o.paid_at IS NOT NULL THEN 'paid' ELSE 'closed' END,
  o.subtotal_idr, o.shipping_idr, 0, o.total_idr,
  CASE WHEN o.payment_method = 'stripe' THEN o.payment_reference END, o.payment_url, o.payment_intent_id,
  o.hold_expires_at, o.paid_at, o.created_at
FROM orders o;

UPDATE orders o SET checkout_id = c.id FROM checkouts c WHERE c.number = o.number;

ALTER TABLE orders ADD CONSTRAINT orders_checkout_fk FOREIGN KEY (checkout_id) REFERENCES checkouts (id);
CREATE INDEX orders_checkout_idx ON orders (checkout_id);

ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
  CHECK (status IN ('awaiting_payment', 'paid', 'shipped', 'delivered', 'cancelled', 'expired', 'refunded', 'needs_refund'));
ALTER TABLE orders ADD COLUMN refund_method text CHECK (refund_method IN ('stripe', 'bank'));
ALTER TABLE orders ADD COLUMN refunded_at timestamptz;

ALTER TABLE order_events ADD COLUMN actor text;

CREATE TABLE order_effects (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
  order_id uuid REFERENCES orders (id),
  checkout_id uuid REFERENCES checkouts (id),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz,
  CHECK ((order_id IS NULL) <> (checkout_id IS NULL))
);
CREATE UNIQUE INDEX order_effects_order_kind_idx ON order_effects (order_id, kind) WHERE order_id IS NOT NULL;
CREATE UNIQUE INDEX order_effects_checkout_kind_idx ON order_effects (checkout_id, kind) WHERE checkout_id IS NOT NULL;
CREATE INDEX order_effects_due_idx ON order_effects (next_attempt_at) WHERE status = 'pending';
`;
