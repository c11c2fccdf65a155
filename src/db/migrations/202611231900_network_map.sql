-- Network map: organisations' addresses, contacts, territories and membership of the network
-- (UNAR protocol), referral links between nodes, help desks as services of an organisation,
-- and the history of changes to all of them.

-- The searchable form of a name: lower case, accents and repeated spaces removed, so "Forlì"
-- is found as "forli". One definition, used by generated columns and by queries alike.
CREATE FUNCTION search_text(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN btrim(regexp_replace(
    translate(lower(value),
      'àáâäãåāăąèéêëēėęěìíîïīįòóôöõøōùúûüūůçćčñńšśžźżýÿđł',
      'aaaaaaaaaeeeeeeeeiiiiiiooooooouuuuuucccnnsszzzyydl'),
    '\s+', ' ', 'g'));

ALTER TABLE organisations
  ADD COLUMN search_name text GENERATED ALWAYS AS (search_text(name)) STORED,
  ADD COLUMN address text,
  ADD COLUMN postal_code text CHECK (postal_code ~ '^[0-9]{5}$'),
  ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  ADD COLUMN email text,
  ADD COLUMN phone text,
  ADD COLUMN network_joined_on date,
  ADD COLUMN network_left_on date,
  ADD COLUMN unar_protocol_signed_on date,
  ADD COLUMN unar_protocol_reference text,
  ADD CONSTRAINT organisations_coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL)),
  ADD CONSTRAINT organisations_membership_period CHECK (
    network_left_on IS NULL OR (network_joined_on IS NOT NULL AND network_left_on >= network_joined_on));

CREATE INDEX organisations_search_name ON organisations (search_name text_pattern_ops);
-- Existing members joined when they were recorded.
UPDATE organisations SET network_joined_on = created_at::date WHERE network_role IS NOT NULL;

-- Bodies that cover several municipalities (a union of municipalities, a region, a consortium).
CREATE TABLE organisation_territories (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  municipality_code text NOT NULL REFERENCES municipalities (istat_code),
  PRIMARY KEY (organisation_id, municipality_code)
);
CREATE INDEX organisation_territories_municipality ON organisation_territories (municipality_code);

-- Who refers to whom: used later to route cases between nodes.
CREATE TABLE referral_links (
  from_organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  to_organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (from_organisation_id, to_organisation_id),
  CHECK (from_organisation_id <> to_organisation_id)
);

-- Help desks ("sportelli"): services an organisation offers to the public.
CREATE TABLE help_desks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  search_name text GENERATED ALWAYS AS (search_text(name)) STORED,
  description text,
  municipality_code text NOT NULL REFERENCES municipalities (istat_code),
  address text,
  postal_code text CHECK (postal_code ~ '^[0-9]{5}$'),
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  phone text,
  email text,
  website text,
  online_url text,
  -- Codes from the help-desk vocabularies in src/core/help-desk.ts.
  channels text[] NOT NULL CHECK (cardinality(channels) > 0),
  services text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  accessibility text[] NOT NULL DEFAULT '{}',
  access_mode text NOT NULL CHECK (access_mode IN ('appointment', 'walk_in', 'both')),
  -- Weekly schedule, exceptions and holidays (see src/core/opening-hours.ts).
  opening_hours jsonb NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT help_desks_coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE UNIQUE INDEX help_desks_name ON help_desks (organisation_id, search_name);
CREATE INDEX help_desks_search_name ON help_desks (search_name text_pattern_ops);

-- The municipalities a desk is competent for (reports from there are routed to it).
CREATE TABLE help_desk_municipalities (
  help_desk_id uuid NOT NULL REFERENCES help_desks (id) ON DELETE CASCADE,
  municipality_code text NOT NULL REFERENCES municipalities (istat_code),
  PRIMARY KEY (help_desk_id, municipality_code)
);
CREATE INDEX help_desk_municipalities_municipality ON help_desk_municipalities (municipality_code);

-- What changed, when and by whom, shown to coordinators beside each record (the audit log
-- holds the same events for auditors).
CREATE TABLE network_history (
  id bigserial PRIMARY KEY,
  entity_type text NOT NULL CHECK (entity_type IN ('organisation', 'help_desk')),
  entity_id uuid NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid REFERENCES users (id),
  change_kind text NOT NULL CHECK (change_kind IN ('created', 'updated', 'imported', 'status_changed')),
  changes jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX network_history_entity ON network_history (entity_type, entity_id, id);
