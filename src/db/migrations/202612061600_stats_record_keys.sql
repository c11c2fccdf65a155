-- Record keys for the cell-key perturbation of the figures staff see
-- (src/core/stats/perturbation.ts): every case holds a random integer in [0, 2^31), drawn once
-- and never shown; a count's cell key is the sum of its cases' keys. Existing rows each draw
-- their own (a volatile default is evaluated row by row).
ALTER TABLE cases ADD COLUMN stats_key integer NOT NULL
  DEFAULT floor(random() * 2147483648)::integer
  CHECK (stats_key >= 0);

-- The rollup was built without keys: emptied and marked stale, so readers count from the cases
-- until the next rebuild. Its key sum has no default: a rebuild by an instance still running
-- the earlier version fails instead of storing keys of 0, which would make the change of every
-- cell it answers known.
DELETE FROM case_stats_rollup;
DELETE FROM case_stats_rollup_state;
ALTER TABLE case_stats_rollup ADD COLUMN key_sum integer NOT NULL CHECK (key_sum >= 0);

-- A change of keys changes the rollup's sums: it must make the rollup stale like the rest.
DROP TRIGGER cases_stats_update ON cases;
CREATE TRIGGER cases_stats_update
  AFTER UPDATE OF received_at, statistics_allowed, taken_in_charge_at, ground_codes, domain_codes,
    stats_key
  ON cases
  FOR EACH STATEMENT EXECUTE FUNCTION count_case_stats_change();
