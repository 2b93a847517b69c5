-- Two statements every instance runs on a timer read a whole table without these (decision 049):
-- the directory's filter options (the credential types and levels in use, once a minute: 138 ms at
-- 300,000 credentials) become a skip scan of this index (48 pairs, under 1 ms);
CREATE INDEX "Credential_counting_type_level_idx" ON "Credential"("type", "level")
  WHERE "verifiedAt" IS NOT NULL AND "rejectedAt" IS NULL;
-- and the scheduler's search for suspensions that have run out (every pass) reads the suspended
-- agencies in the order they end, not every suspended agency's row (8 ms at 4,000 suspended).
CREATE INDEX "Agency_suspended_until_idx" ON "Agency"("suspendedUntil") WHERE status = 'SUSPENDED';
