/**
 * Carts, orders (one per artisan per checkout), their items and timeline, the ledger of what each
 * artisan is owed, processed Stripe events, and the mail outbox. Money is integer rupiah.
 */
export default `
CREATE TABLE carts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cart_items (
  cart_id uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, product_id)
);

CREATE SEQUENCE order_number_seq;

CREATE TABLE orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  token_hash text NOT NULL,
  checkout_id uuid NOT NULL,
  artisan_id uuid NOT NULL REFERENCES artisans (id),
  lang text NOT NULL CHECK (lang IN ('id', 'en')),
  status text NOT NULL DEFAULT 'awaiting_payment'
    CHECK (status IN ('awaiting_payment', 'paid', 'shipped', 'delivered', 'cancelled', 'expired', 'refunded')),
  payment_method text NOT NULL CHECK (payment_method IN ('stripe', 'bank_transfer')),
  -- connect: Stripe pays the artisan directly (destination charge); platform: we owe them (ledger).
  payout_mode text NOT NULL DEFAULT 'platform' CHECK (payout_mode IN ('platform', 'connect')),
  payment_reference text,
  payment_url text,
  payment_intent_id text,
  buyer_name text NOT NULL,
  buyer_email text NOT NULL,
  buyer_phone text NOT NULL,
  address jsonb NOT NULL,
  courier text NOT NULL,
  shipping_zone text NOT NULL,
  subtotal_idr integer NOT NULL CHECK (subtotal_idr >= 0),
  shipping_idr integer NOT NULL CHECK (shipping_idr >= 0),
  total_idr integer NOT NULL CHECK (total_idr = subtotal_idr + shipping_idr),
  commission_idr integer NOT NULL DEFAULT 0 CHECK (commission_idr >= 0),
  lead_time_days integer,
  stock_held boolean NOT NULL DEFAULT true,
  hold_expires_at timestamptz NOT NULL,
  tracking_number text,
  paid_at timestamptz,
  shipped_at timestamptz,
  delivered_at timestamptz,
  closed_at timestamptz,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_artisan_idx ON orders (artisan_id, created_at DESC);
CREATE INDEX orders_hold_idx ON orders (hold_expires_at) WHERE status = 'awaiting_payment';
CREATE UNIQUE INDEX orders_payment_reference_idx ON orders (payment_reference) WHERE payment_reference IS NOT NULL;
CREATE INDEX orders_payment_intent_idx ON orders (payment_intent_id);

CREATE TABLE order_items (
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id),
  title_id text NOT NULL,
  title_en text NOT NULL,
  unit_price_idr integer NOT NULL CHECK (unit_price_idr > 0),
  quantity integer NOT NULL CHECK (quantity > 0),
  weight_grams integer NOT NULL,
  made_to_order boolean NOT NULL DEFAULT false,
  PRIMARY KEY (order_id, product_id)
);

CREATE TABLE order_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  status text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_events_order_idx ON order_events (order_id, id);

CREATE TABLE ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  artisan_id uuid NOT NULL REFERENCES artisans (id),
  order_id uuid REFERENCES orders (id),
  kind text NOT NULL CHECK (kind IN ('owed', 'commission', 'refund', 'payout')),
  amount_idr integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ledger_order_kind_idx ON ledger_entries (order_id, kind) WHERE order_id IS NOT NULL;

CREATE TABLE stripe_events (
  id text PRIMARY KEY,
  type text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 320),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  body_text text NOT NULL,
  body_html text,
  kind text NOT NULL CHECK (kind ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
  -- No foreign key: the outbox is a log that outlives what it mentions.
  order_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text
);
CREATE INDEX outbox_order_idx ON outbox (order_id) WHERE order_id IS NOT NULL;
`;
