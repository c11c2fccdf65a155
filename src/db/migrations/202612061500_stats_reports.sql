-- Reports on equality data that staff ask for (a year, for the network or one municipality,
-- with the internal threshold), drawn by a background job that records its progress. The PDF
-- is a stored file, encrypted like every other, and expires: it is a copy of figures anyone
-- with the same permission can draw again.
CREATE TABLE stats_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  requested_by uuid NOT NULL REFERENCES users (id),
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  municipality_code text REFERENCES municipalities (istat_code),
  locale text NOT NULL CHECK (locale IN ('it', 'en')),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  file_id uuid REFERENCES stored_files (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When a worker claimed it: a run that died is claimed again after a while.
  started_at timestamptz,
  finished_at timestamptz,
  expires_at timestamptz NOT NULL,
  CHECK ((status = 'done') = (file_id IS NOT NULL))
);
CREATE INDEX stats_reports_requester ON stats_reports (requested_by, created_at DESC);
CREATE INDEX stats_reports_expiry ON stats_reports (expires_at);
CREATE INDEX stats_reports_waiting ON stats_reports (created_at) WHERE status IN ('queued', 'running');
