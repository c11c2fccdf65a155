-- The classification of cases as data: versions of the faceted taxonomy (DESIGN.md), each code
-- with Italian and English labels, plain-language wording for the public form and mappings to
-- UNAR, EU-directive, ODIHR and equality-body codes. Loaded from src/reference/data/taxonomy.

CREATE TABLE taxonomy_versions (
  version text PRIMARY KEY,
  published_on date NOT NULL,
  checksum text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE taxonomy_codes (
  version text NOT NULL REFERENCES taxonomy_versions (version),
  facet text NOT NULL,
  code text NOT NULL,
  parent_code text,
  position integer NOT NULL,
  label_it text NOT NULL,
  label_en text NOT NULL,
  public_label_it text,
  public_label_en text,
  -- {"unar": …, "euDirective": …, "odihr": …, "equalityBody": …}
  mappings jsonb NOT NULL,
  PRIMARY KEY (version, facet, code)
);
