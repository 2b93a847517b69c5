-- AlterTable
ALTER TABLE "Credential" ADD COLUMN     "rejectReason" TEXT,
ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedById" TEXT;

-- CreateIndex
CREATE INDEX "Credential_verifiedAt_rejectedAt_createdAt_idx" ON "Credential"("verifiedAt", "rejectedAt", "createdAt");


-- Backfill (docs/decisions/015-credential-verification.md). The approval of an
-- agency reviewed every credential it held at that moment ("listedAt" is set by
-- approval only), so those count as verified at the approval. Credentials added
-- after the latest approval were never looked at by a regulator — the hole this
-- migration closes — and stay unverified: they appear in the regulator's queue
-- (/regulator/reviews#credentials) instead of counting for bids straight away.
-- A minute of tolerance covers seeds that stamp "listedAt" with the app clock and
-- "createdAt" with the database clock in one transaction. Agencies marked listed
-- without an approval ("listedAt" NULL: bulk loads, manual SQL) are grandfathered.
UPDATE "Credential" c
SET "verifiedAt" = GREATEST(c."createdAt", COALESCE(a."listedAt", a."updatedAt"))
FROM "Agency" a
WHERE a.id = c."agencyId"
  AND a.status IN ('LISTED', 'SUSPENDED', 'REMOVED', 'EXITED')
  AND (a."listedAt" IS NULL OR c."createdAt" <= a."listedAt" + interval '1 minute');
