-- AlterTable
ALTER TABLE "ServiceRequest" ADD COLUMN     "agencyConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "enterpriseConfirmedAt" TIMESTAMP(3);

-- Backfill: each side's confirmation was an audit event CONFIRM_CONTRACT
-- { side, awardedBidId } on the request chain; only those for the request's
-- current award count (an earlier award's confirmations do not carry over).
UPDATE "ServiceRequest" r
SET "enterpriseConfirmedAt" = c.at
FROM (
  SELECT a."aggregateId" AS id, MIN(a."at") AS at
  FROM "AuditEvent" a JOIN "ServiceRequest" s ON s.id = a."aggregateId"
  WHERE a."aggregateType" = 'request' AND a.event = 'CONFIRM_CONTRACT'
    AND a.payload->>'side' = 'ENTERPRISE' AND a.payload->>'awardedBidId' = s."awardedBidId"
  GROUP BY a."aggregateId"
) c
WHERE r.id = c.id;

UPDATE "ServiceRequest" r
SET "agencyConfirmedAt" = c.at
FROM (
  SELECT a."aggregateId" AS id, MIN(a."at") AS at
  FROM "AuditEvent" a JOIN "ServiceRequest" s ON s.id = a."aggregateId"
  WHERE a."aggregateType" = 'request' AND a.event = 'CONFIRM_CONTRACT'
    AND a.payload->>'side' = 'AGENCY' AND a.payload->>'awardedBidId' = s."awardedBidId"
  GROUP BY a."aggregateId"
) c
WHERE r.id = c.id;
