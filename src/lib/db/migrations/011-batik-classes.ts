/**
 * Batik classes (kelas membatik): dated sessions of a place, whose seats are stock booked through the
 * same cart, checkout and one payment as pieces (decision 015).
 *
 * - `class_sessions`: one dated class of a place (`place_id` = the place's id in `visit_places`, migration
 *   009: the slug it had in content/sentra), its start with the
 *   place's time zone, duration, language, whole-rupiah price, seats and seats left (the stock), what is
 *   included (Indonesian required, English optional), and whether it is scheduled or cancelled.
 * - `cart_seats`: a cart line that is a session (pieces stay in `cart_items`).
 * - `order_seats`: the seats an order booked, price and title kept as they were when booked.
 * - An order is a workshop's (`artisan_id`) or a place's (`place_id`), never both; so is a ledger line:
 *   what a class earns is owed to the place that teaches it.
 * - `outbox.attachments`: an e-mail may carry files (the booking's .ics).
 */
export default `
CREATE TABLE class_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_id text NOT NULL REFERENCES visit_places (id),
  place_name text NOT NULL CHECK (length(place_name) BETWEEN 2 AND 160),
  title_id text NOT NULL CHECK (length(title_id) BETWEEN 3 AND 160),
  title_en text NOT NULL DEFAULT '' CHECK (length(title_en) <= 160),
  starts_at timestamptz NOT NULL,
  time_zone text NOT NULL CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 30 AND 720),
  language text NOT NULL CHECK (language IN ('id', 'en', 'id-en')),
  price_idr integer NOT NULL CHECK (price_idr BETWEEN 1000 AND 100000000),
  seats integer NOT NULL CHECK (seats BETWEEN 1 AND 200),
  seats_left integer NOT NULL CHECK (seats_left >= 0 AND seats_left <= seats),
  includes_id text NOT NULL CHECK (length(includes_id) BETWEEN 3 AND 1000),
  includes_en text NOT NULL DEFAULT '' CHECK (length(includes_en) <= 1000),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  is_sample boolean NOT NULL DEFAULT false,
  cancelled_at timestamptz,
  cancelled_by text,
  cancel_reason text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX class_sessions_place_idx ON class_sessions (place_id, starts_at);
CREATE INDEX class_sessions_upcoming_idx ON class_sessions (starts_at) WHERE status = 'scheduled';

CREATE TABLE cart_seats (
  cart_id uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 20),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, session_id)
);

ALTER TABLE orders ALTER COLUMN artisan_id DROP NOT NULL;
ALTER TABLE orders ADD COLUMN place_id text;
ALTER TABLE orders ADD COLUMN place_name text;
ALTER TABLE orders ADD CONSTRAINT orders_seller_check CHECK ((artisan_id IS NULL) <> (place_id IS NULL));
CREATE INDEX orders_place_idx ON orders (place_id, created_at DESC) WHERE place_id IS NOT NULL;

CREATE TABLE order_seats (
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES class_sessions (id),
  title_id text NOT NULL,
  title_en text NOT NULL,
  unit_price_idr integer NOT NULL CHECK (unit_price_idr > 0),
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, session_id)
);
CREATE INDEX order_seats_session_idx ON order_seats (session_id);

ALTER TABLE ledger_entries ALTER COLUMN artisan_id DROP NOT NULL;
ALTER TABLE ledger_entries ADD COLUMN place_id text;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_owner_check CHECK ((artisan_id IS NULL) <> (place_id IS NULL));

ALTER TABLE outbox ADD COLUMN attachments jsonb;
`;
