-- Reports and cases: cases with their encrypted personal fields and
-- pseudonymous classification, the timeline (transitions, notes, actions, documents,
-- deadlines, messages with the reporter), consents per purpose, referrals, duplicate
-- fingerprints, and what the public form and the receipt channel need (single-use form
-- tokens, reporter sessions). Every *_enc column holds an envelope-encrypted value bound to its
-- table, column and row (src/core/envelope.ts); nothing else here identifies a person.

CREATE SEQUENCE case_reference_seq;

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- What people quote on the phone: "SEG-2026-000123".
  reference text NOT NULL UNIQUE,
  source text NOT NULL CHECK (source IN ('public_form', 'operator')),
  channel text NOT NULL CHECK (channel IN (
    'web_form', 'phone', 'email', 'in_person', 'press', 'online_monitoring', 'other')),
  status text NOT NULL DEFAULT 'received' CHECK (status IN (
    'received', 'in_triage', 'taken_in_charge', 'in_progress',
    'closed', 'not_pertinent', 'redirected', 'withdrawn')),
  -- The queue: the organisation that holds the case and, when routed to one, its desk.
  organisation_id uuid REFERENCES organisations (id),
  help_desk_id uuid REFERENCES help_desks (id),
  assignee_user_id uuid REFERENCES users (id),
  received_at timestamptz NOT NULL DEFAULT now(),
  -- Response-time targets, as local dates (end of day) computed in working days at intake.
  acknowledge_due_on date NOT NULL,
  take_in_charge_due_on date NOT NULL,
  acknowledged_at timestamptz,
  taken_in_charge_at timestamptz,
  final_at timestamptz,
  retention_until date,
  erased_at timestamptz,
  -- A short operator-written title, searchable; never the people's names.
  title text CHECK (length(title) <= 200),
  search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', search_text(coalesce(title, '') || ' ' || reference))) STORED,
  occurred_on date,
  occurred_precision text CHECK (occurred_precision IN ('day', 'month', 'year')),
  municipality_code text REFERENCES municipalities (istat_code),
  online boolean NOT NULL DEFAULT false,
  narrative_enc text,
  place_detail_enc text,
  online_link_enc text,
  perpetrator_detail_enc text,
  -- JSON {name, email, phone, preferredContact} encrypted as one value.
  reporter_contact_enc text,
  reporter_anonymous boolean NOT NULL DEFAULT true,
  reporter_locale text NOT NULL DEFAULT 'it',
  receipt_hash text UNIQUE,
  -- Classification (taxonomy codes of `taxonomy_version`); proposed by the reporter's plain
  -- answers, confirmed by an operator (classified_at).
  taxonomy_version text NOT NULL REFERENCES taxonomy_versions (version),
  classified_at timestamptz,
  classified_by uuid REFERENCES users (id),
  ground_codes text[] NOT NULL DEFAULT '{}',
  primary_ground text,
  perceived_ground_codes text[] NOT NULL DEFAULT '{}',
  association_ground_codes text[] NOT NULL DEFAULT '{}',
  domain_codes text[] NOT NULL DEFAULT '{}',
  type_codes text[] NOT NULL DEFAULT '{}',
  perpetrator_kind text,
  perpetrator_sector_codes text[] NOT NULL DEFAULT '{}',
  perpetrator_role_codes text[] NOT NULL DEFAULT '{}',
  reporter_role text,
  outcome_code text,
  intersectional boolean NOT NULL DEFAULT false,
  -- Pseudonymous victim profile for equality data; 'prefer_not_to_say' differs from NULL.
  victim_age_band text,
  victim_gender text,
  victim_citizenship_group text,
  victim_migration_background text,
  victim_residence_status text,
  -- Kept equal to "statistics consent in force" by the consent actions, for fast aggregates.
  statistics_allowed boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  row_version integer NOT NULL DEFAULT 1,
  CONSTRAINT cases_primary_ground_listed CHECK (
    primary_ground IS NULL OR primary_ground = ANY (ground_codes)),
  CONSTRAINT cases_occurred_together CHECK ((occurred_on IS NULL) = (occurred_precision IS NULL))
);

-- The operator's queue: by organisation (and desk) and state, newest first, keyset on (received_at, id).
CREATE INDEX cases_queue ON cases (organisation_id, status, received_at DESC, id DESC);
CREATE INDEX cases_desk_queue ON cases (help_desk_id, status, received_at DESC, id DESC);
CREATE INDEX cases_assignee ON cases (assignee_user_id, status, received_at DESC, id DESC)
  WHERE assignee_user_id IS NOT NULL;
CREATE INDEX cases_search ON cases USING gin (search_vector);
CREATE INDEX cases_grounds ON cases USING gin (ground_codes);
CREATE INDEX cases_domains ON cases USING gin (domain_codes);
CREATE INDEX cases_retention ON cases (retention_until) WHERE erased_at IS NULL;

-- Everything that happened to a case, in order: transitions, reassignments, classification,
-- notes, consent changes, referral steps. `details` holds codes and ids only; any free text
-- (a reason, a note) is in body_enc.
CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL,
  actor_user_id uuid REFERENCES users (id),
  by_reporter boolean NOT NULL DEFAULT false,
  at timestamptz NOT NULL DEFAULT now(),
  details jsonb NOT NULL DEFAULT '{}',
  body_enc text
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE case_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN (
    'listening', 'information', 'orientation', 'mediation', 'letter_to_other_party',
    'legal_opinion', 'complaint_to_authority', 'accompaniment', 'referral')),
  done_on date NOT NULL,
  actor_user_id uuid REFERENCES users (id),
  outcome_enc text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_actions_case ON case_actions (case_id, done_on);

CREATE TABLE case_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  file_id uuid NOT NULL REFERENCES stored_files (id),
  source text NOT NULL CHECK (source IN ('reporter', 'operator')),
  description_enc text,
  added_by uuid REFERENCES users (id),
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_documents_case ON case_documents (case_id, added_at);

CREATE TABLE case_deadlines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- NULL once erased at the end of retention.
  title_enc text,
  due_on date NOT NULL,
  remind_on date NOT NULL,
  assignee_user_id uuid REFERENCES users (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz,
  reminded_at timestamptz,
  CHECK (remind_on <= due_on)
);
CREATE INDEX case_deadlines_due ON case_deadlines (remind_on) WHERE done_at IS NULL AND reminded_at IS NULL;

CREATE TABLE case_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  direction text NOT NULL CHECK (direction IN ('to_reporter', 'from_reporter')),
  -- NULL once erased at the end of retention.
  body_enc text,
  author_user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX case_messages_case ON case_messages (case_id, created_at);

CREATE TABLE case_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  purpose text NOT NULL CHECK (purpose IN ('handling', 'sharing', 'statistics', 'contact')),
  granted boolean NOT NULL,
  -- The version and language of the text the person read (messages consent.<version>.*).
  text_version text NOT NULL,
  locale text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- NULL when the reporter chose in the form; the operator who recorded a consent given by phone.
  recorded_by uuid REFERENCES users (id),
  withdrawn_at timestamptz,
  UNIQUE (case_id, purpose)
);

CREATE TABLE case_referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  from_organisation_id uuid REFERENCES organisations (id),
  to_organisation_id uuid REFERENCES organisations (id),
  to_user_id uuid REFERENCES users (id),
  -- Parts of the case the receiver may read: narrative, contact, documents, classification, notes.
  shares text[] NOT NULL,
  note_enc text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'revoked')),
  status_reason_enc text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  responded_by uuid REFERENCES users (id),
  responded_at timestamptz,
  CHECK ((to_organisation_id IS NULL) <> (to_user_id IS NULL))
);
CREATE INDEX case_referrals_case ON case_referrals (case_id);
CREATE INDEX case_referrals_to_organisation ON case_referrals (to_organisation_id, status);
CREATE INDEX case_referrals_to_user ON case_referrals (to_user_id, status);

-- Keyed hashes of normalised contact data and narrative fingerprints: two desks learn that
-- they may hold the same story without learning who it is about.
CREATE TABLE case_fingerprints (
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('email', 'phone', 'narrative')),
  value_hash text NOT NULL,
  PRIMARY KEY (case_id, kind, value_hash)
);
CREATE INDEX case_fingerprints_value ON case_fingerprints (kind, value_hash);

-- Possible duplicates linked by a person (never merged); stored once, smaller id first.
CREATE TABLE case_links (
  case_id uuid NOT NULL REFERENCES cases (id),
  linked_case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('duplicate', 'related')),
  linked_by uuid REFERENCES users (id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, linked_case_id),
  CHECK (case_id < linked_case_id)
);

-- Single-use public form tokens (keyed hash of the token's nonce) until they expire.
CREATE TABLE report_form_nonces (
  nonce_hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);

-- A reporter signed in with their receipt code: a short server-side session, stored as a keyed
-- hash like staff sessions, never carrying the code itself.
CREATE TABLE reporter_sessions (
  id_hash text PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  csrf_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX reporter_sessions_case ON reporter_sessions (case_id);

-- A public report being written, step by step, without JavaScript: what was typed so far
-- (encrypted as one JSON value) and the evidence uploaded, kept server-side so the back button
-- and a validation error lose nothing. The browser holds only a random draft id in a cookie;
-- the row is deleted when the report is sent and expires after a few hours otherwise.
CREATE TABLE report_drafts (
  id_hash text PRIMARY KEY,
  data_enc text NOT NULL,
  file_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX report_drafts_expiry ON report_drafts (expires_at);
