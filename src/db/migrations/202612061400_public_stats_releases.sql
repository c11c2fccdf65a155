-- The public equality data as releases: each complete calendar year is computed once, with
-- the public disclosure control, and then served as stored (src/core/stats/releases.ts). A
-- release holds only protected aggregates, per language, never a case.
CREATE TABLE public_stats_releases (
  year integer PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),
  released_at timestamptz NOT NULL DEFAULT now(),
  threshold integer NOT NULL CHECK (threshold >= 2),
  taxonomy_version text NOT NULL,
  region_code text NOT NULL,
  region_name text NOT NULL,
  -- {"it": PublicYear, "en": PublicYear} (src/modules/public-site/open-data/public-stats.ts).
  figures jsonb NOT NULL
);
