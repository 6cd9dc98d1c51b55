/** Artisans, their products and product images. Money is integer rupiah. */
export default `
CREATE TABLE artisans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  workshop text NOT NULL CHECK (length(workshop) BETWEEN 1 AND 160),
  region text NOT NULL,
  place text NOT NULL,
  bio_id text NOT NULL DEFAULT '',
  bio_en text NOT NULL DEFAULT '',
  certifications jsonb NOT NULL DEFAULT '[]'::jsonb,
  whatsapp text CHECK (whatsapp ~ '^\\+?[0-9]{8,15}$'),
  email text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'suspended')),
  payout_bank text,
  payout_account_name text,
  payout_account_number text,
  stripe_account_id text,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX artisans_region_idx ON artisans (region);

CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  artisan_id uuid NOT NULL REFERENCES artisans (id) ON DELETE RESTRICT,
  title_id text NOT NULL CHECK (length(title_id) BETWEEN 1 AND 160),
  title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 160),
  description_id text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  motifs text[] NOT NULL DEFAULT '{}',
  technique text NOT NULL,
  dye text NOT NULL CHECK (dye IN ('natural', 'synthetic', 'mixed')),
  fabric text NOT NULL,
  category text NOT NULL,
  length_cm integer CHECK (length_cm > 0),
  width_cm integer CHECK (width_cm > 0),
  weight_grams integer NOT NULL CHECK (weight_grams > 0),
  price_idr integer NOT NULL CHECK (price_idr > 0),
  stock integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
  one_of_a_kind boolean NOT NULL DEFAULT false,
  lead_time_days integer CHECK (lead_time_days >= 0),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'archived')),
  colors text[] NOT NULL DEFAULT '{}',
  hidden boolean NOT NULL DEFAULT false,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  CHECK (NOT one_of_a_kind OR stock <= 1)
);
CREATE INDEX products_artisan_idx ON products (artisan_id);
CREATE INDEX products_status_idx ON products (status, published_at DESC);
CREATE INDEX products_motifs_idx ON products USING gin (motifs);

CREATE TABLE product_images (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  image_key text NOT NULL,
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  placeholder text NOT NULL,
  dominant_colors text[] NOT NULL DEFAULT '{}',
  variants jsonb NOT NULL,
  alt_id text NOT NULL DEFAULT '',
  alt_en text NOT NULL DEFAULT '',
  UNIQUE (product_id, position)
);
`;
