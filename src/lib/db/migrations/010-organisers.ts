/**
 * Organiser accounts (issue #15): regional tourism offices and batik cooperatives. An organiser is
 * tied to exactly one scope — a region (a tourism office; a region id from content/regions) or a
 * place (a cooperative or sentra; the place's id, its slug) — and may be `trusted` by a curator, in
 * which case what it saves is published at once instead of waiting as a draft. An account with role
 * `organiser` points at its organiser as an artisan's account points at its workshop. The place id
 * carries no foreign key here (the places table is migration 009's; a later migration may add one).
 */
export default `
CREATE TABLE organisers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 160),
  scope_kind text NOT NULL CHECK (scope_kind IN ('region', 'place')),
  scope_id text NOT NULL CHECK (scope_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(scope_id) <= 80),
  trusted boolean NOT NULL DEFAULT false,
  is_sample boolean NOT NULL DEFAULT false,
  invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisers_scope_idx ON organisers (scope_kind, scope_id);

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('artisan', 'curator', 'organiser'));
ALTER TABLE users ADD COLUMN organiser_id uuid REFERENCES organisers (id);
ALTER TABLE users ADD CONSTRAINT users_organiser_check CHECK ((role = 'organiser') = (organiser_id IS NOT NULL));
ALTER TABLE users ADD CONSTRAINT users_organiser_not_artisan CHECK (role <> 'organiser' OR artisan_id IS NULL);
CREATE INDEX users_organiser_idx ON users (organiser_id);
`;
