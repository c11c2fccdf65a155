-- The head of the audit chain, read under the lock that serialises appends, in one round trip
-- instead of two. Inside a VOLATILE function each statement takes a new snapshot, so the
-- SELECT sees every append committed before the lock was granted (as a separate statement did).
CREATE FUNCTION audit_chain_head() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(724202);
  RETURN (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1);
END $$;
