-- Mapping survey imports: the plan shown in a preview, kept for 30 minutes so that confirming
-- applies exactly what the coordinator saw. A confirmed preview is deleted.
CREATE TABLE network_import_previews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  file_name text NOT NULL,
  plan jsonb NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$')
);
CREATE INDEX network_import_previews_created_at ON network_import_previews (created_at);
