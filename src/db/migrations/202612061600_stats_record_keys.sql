-- Record keys for the cell-key perturbation of the figures staff see
-- (src/core/stats/perturbation.ts): every case holds a random integer in [0, 2^31), drawn once
-- and never shown; a count's cell key is the sum of its cases' keys. Existing rows each draw
-- their own (a volatile default is evaluated row by row).
ALTER TABLE cases ADD COLUMN stats_key integer NOT NULL
  DEFAULT floor(random() * 2147483648)::integer
  CHECK (stats_key >= 0);

-- The rollup keeps the sum of its cases' keys, modulo 2^31, per row.
ALTER TABLE case_stats_rollup ADD COLUMN key_sum integer NOT NULL DEFAULT 0
  CHECK (key_sum >= 0);

-- Built without keys: emptied and marked stale, so readers count from the cases until the next
-- rebuild.
DELETE FROM case_stats_rollup;
DELETE FROM case_stats_rollup_state;
