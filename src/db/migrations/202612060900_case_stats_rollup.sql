-- Equality data pre-aggregated: the cases that allow statistics, counted by month received
-- (in the network's time zone) and by the raw values of the facets most tables use. A job
-- rebuilds it; statement-level triggers count every change to what it holds in a sequence, so a
-- reader uses the rollup only while nothing it holds changed since it was built, and the cases
-- table otherwise.

CREATE SEQUENCE case_stats_changes;

CREATE FUNCTION count_case_stats_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('case_stats_changes');
  RETURN NULL;
END;
$$;

CREATE TRIGGER cases_stats_change
  AFTER INSERT OR DELETE OR TRUNCATE ON cases
  FOR EACH STATEMENT EXECUTE FUNCTION count_case_stats_change();

-- Only the columns the rollup holds: notes, reassignments and the like leave it fresh.
CREATE TRIGGER cases_stats_update
  AFTER UPDATE OF received_at, statistics_allowed, taken_in_charge_at, ground_codes, domain_codes
  ON cases
  FOR EACH STATEMENT EXECUTE FUNCTION count_case_stats_change();

CREATE TABLE case_stats_rollup (
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  taken_in_charge boolean NOT NULL,
  ground_codes text[] NOT NULL,
  domain_codes text[] NOT NULL,
  cases integer NOT NULL CHECK (cases > 0)
);
CREATE INDEX case_stats_rollup_month ON case_stats_rollup (month);

-- One row: the change count and time zone the rollup was built with.
CREATE TABLE case_stats_rollup_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  changes bigint NOT NULL,
  time_zone text NOT NULL,
  built_at timestamptz NOT NULL
);
