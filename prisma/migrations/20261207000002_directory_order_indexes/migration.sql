-- The directory's orders as indexes, tie-broken by id (decision 042): a page in any of the three
-- orders is read from the index and stops after 20 rows. With (status, creditScore) alone,
-- PostgreSQL had to sort every listed agency of each score by id (an incremental sort, in a
-- parallel worker), 50-100 ms at 100,000 agencies before the first row.
DROP INDEX "Agency_status_creditScore_idx";
DROP INDEX "Agency_status_ratingAvg_idx";
DROP INDEX "Agency_status_awardsCount_idx";
CREATE INDEX "Agency_status_creditScore_id_idx" ON "Agency"("status", "creditScore" DESC, "id");
CREATE INDEX "Agency_status_awardsCount_creditScore_id_idx" ON "Agency"("status", "awardsCount" DESC, "creditScore" DESC, "id");
-- ORDER BY "ratingAvg" DESC NULLS LAST: not expressible in schema.prisma, so only here.
CREATE INDEX "Agency_status_ratingAvg_creditScore_id_idx" ON "Agency"("status", "ratingAvg" DESC NULLS LAST, "creditScore" DESC, "id");

-- A search by item reads the item's credential ids from the index alone (no heap visit per row).
DROP INDEX "CredentialItem_itemId_idx";
CREATE INDEX "CredentialItem_itemId_credentialId_idx" ON "CredentialItem"("itemId", "credentialId");
