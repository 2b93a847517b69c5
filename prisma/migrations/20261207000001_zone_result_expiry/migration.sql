-- A regional-assessment result's end of validity tells the followed projects it concerns, once (decision 041).
ALTER TABLE "ZoneAssessment" ADD COLUMN "expiryHandledAt" TIMESTAMP(3);

CREATE INDEX "ZoneAssessment_expiryHandledAt_validUntil_idx" ON "ZoneAssessment"("expiryHandledAt", "validUntil");

-- Results that had already ended before this was deployed tell nobody: their end is old news
-- (today's Beijing date, the database's clock; a result is valid through its last date).
UPDATE "ZoneAssessment" SET "expiryHandledAt" = CURRENT_TIMESTAMP
WHERE "validUntil" < ((CURRENT_TIMESTAMP AT TIME ZONE 'UTC') + INTERVAL '8 hours')::date;
