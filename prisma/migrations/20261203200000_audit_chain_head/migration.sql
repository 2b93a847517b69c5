-- One statement for what appendAudit did in two (decision 025): take the
-- aggregate's transaction-scoped append lock, then read the chain's head.
-- Inside a VOLATILE PL/pgSQL function every statement takes a new snapshot
-- (READ COMMITTED), so the head is read after the lock is granted and sees
-- the event of the transaction that held it. The same two steps in one plain
-- SELECT would read with a snapshot taken before the wait and miss that event.
-- The lock key is the one appendAudit always used: hashtext('<type>:<id>').
-- head_at is now(): the transaction's start, the event time (decision 005).
CREATE OR REPLACE FUNCTION zj_audit_chain_head(p_type TEXT, p_id TEXT, OUT head_at TIMESTAMPTZ, OUT head_seq INTEGER, OUT head_hash TEXT)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(p_type || ':' || p_id));
  head_at := now();
  SELECT e.seq, e.hash INTO head_seq, head_hash
  FROM "AuditEvent" e
  WHERE e."aggregateType" = p_type AND e."aggregateId" = p_id
  ORDER BY e.seq DESC
  LIMIT 1;
END;
$$;
