-- Encrypted file storage (docs/decisions/0007-files-in-the-database.md): uploaded documents
-- live in the database, so a backup carries them and PGlite and PostgreSQL behave the same.
-- Content and original name are envelope-encrypted by the application (table stored_files,
-- columns content and file_name, the row id); the media type is what the content was
-- recognised as, never what the client declared.
CREATE TABLE stored_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z_]*$'),
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  file_name_encrypted text,
  content bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  -- Erasing (retention, a data-subject request) drops the content and the name, keeps the row.
  erased_at timestamptz,
  CONSTRAINT stored_files_erased CHECK (
    (erased_at IS NULL) = (content IS NOT NULL AND file_name_encrypted IS NOT NULL))
);
-- Ciphertext does not compress: store it out of line without trying.
ALTER TABLE stored_files ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX stored_files_purpose ON stored_files (purpose, created_at);

-- The signed UNAR protocol of a network member, beside its date and reference.
ALTER TABLE organisations
  ADD COLUMN unar_protocol_file_id uuid REFERENCES stored_files (id) ON DELETE SET NULL;
