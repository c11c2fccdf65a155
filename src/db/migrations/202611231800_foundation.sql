-- Foundation: reference territory, organisations, accounts, memberships, sessions, audit log.

CREATE TABLE municipalities (
  istat_code text PRIMARY KEY CHECK (istat_code ~ '^[0-9]{6}$'),
  name text NOT NULL,
  -- Lower-case, accents removed: "Cascina" is found when typed "cascina", "Forlì" as "forli".
  search_name text NOT NULL,
  province_code text NOT NULL,
  province_name text NOT NULL,
  province_acronym text NOT NULL,
  region_code text NOT NULL,
  region_name text NOT NULL,
  cadastral_code text NOT NULL,
  population integer NOT NULL CHECK (population >= 0),
  population_year integer NOT NULL
);
CREATE INDEX municipalities_search_name ON municipalities (search_name text_pattern_ops);
CREATE INDEX municipalities_region ON municipalities (region_code);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  kind text NOT NULL CHECK (kind IN (
    'municipality', 'union_of_municipalities', 'region', 'association', 'help_desk',
    'university', 'health_social_consortium', 'equality_body', 'other_public_body')),
  municipality_code text REFERENCES municipalities (istat_code),
  description text,
  website text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  network_role text CHECK (network_role IN ('lead_partner', 'partner', 'node', 'antenna', 'associate')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name ON organisations (lower(name));

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  preferred_language text NOT NULL DEFAULT 'it' CHECK (preferred_language IN ('it', 'en')),
  -- TOTP secret, envelope-encrypted (see src/core/envelope.ts); NULL until enrolled.
  totp_secret_encrypted text,
  totp_enabled_at timestamptz,
  disabled_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  role text NOT NULL CHECK (role IN (
    'operator', 'legal_expert', 'node_coordinator', 'network_admin', 'analyst', 'auditor')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, organisation_id, role)
);
CREATE INDEX memberships_organisation ON memberships (organisation_id);

-- Server-side sessions. Only a keyed hash of the session id is stored, so a read of this table
-- does not hand out live sessions.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- A password was checked but the second factor is still due.
  pending_second_factor boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed sign-in counters, per account and per address. Keys are keyed hashes (HMAC) of the
-- e-mail typed or of the client address, so neither is stored, and an e-mail that has no account
-- is throttled exactly like one that has (no way to learn which accounts exist).
CREATE TABLE login_throttles (
  key_hash text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);

-- Append-only, hash-chained audit log. Each row's hash covers its content and the previous
-- row's hash, so altering or deleting a row breaks every later link (`osservatorio audit verify`).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  target_type text,
  target_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  previous_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, id);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, id);
CREATE INDEX audit_log_action ON audit_log (action, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Reference data sets loaded by `osservatorio migrate`, with the checksum of what was loaded.
CREATE TABLE reference_datasets (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
