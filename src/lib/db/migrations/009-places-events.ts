/**
 * Places to visit (sentra, museums, workshops, galleries) and events, moved from `content/` into the
 * database (issue #15): tourism offices and cooperatives edit them, curators publish.
 *
 * Each row keeps its id (the slug it had as a YAML file), its region, the published version and at
 * most one pending draft, each a JSON record validated by src/lib/visit/schemas.ts on the way in and
 * out, with who wrote it and when. A row that was never published has `published IS NULL` and is not
 * public; publishing copies the draft over the published record and clears the draft.
 * `region` is the region's id in content/regions (editorial, in git, so no foreign key); an event's
 * is NULL for a national event (Hari Batik Nasional).
 */
export default `
CREATE TABLE visit_places (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 80),
  region text NOT NULL CHECK (region ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  published jsonb,
  published_at timestamptz,
  published_by uuid REFERENCES users (id) ON DELETE SET NULL,
  draft jsonb,
  draft_at timestamptz,
  draft_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (published IS NOT NULL OR draft IS NOT NULL),
  CHECK ((published IS NULL) = (published_at IS NULL)),
  CHECK ((draft IS NULL) = (draft_at IS NULL))
);
CREATE INDEX visit_places_region_idx ON visit_places (region);

CREATE TABLE visit_events (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 80),
  region text CHECK (region ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  place_id text REFERENCES visit_places (id),
  published jsonb,
  published_at timestamptz,
  published_by uuid REFERENCES users (id) ON DELETE SET NULL,
  draft jsonb,
  draft_at timestamptz,
  draft_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (published IS NOT NULL OR draft IS NOT NULL),
  CHECK ((published IS NULL) = (published_at IS NULL)),
  CHECK ((draft IS NULL) = (draft_at IS NULL))
);
CREATE INDEX visit_events_region_idx ON visit_events (region);
CREATE INDEX visit_events_place_idx ON visit_events (place_id);
`;
