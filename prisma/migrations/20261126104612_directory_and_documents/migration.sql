-- DropIndex
DROP INDEX "Agency_status_idx";

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "awardsCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingAvg" DOUBLE PRECISION,
ADD COLUMN     "ratingCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "CatalogueItem" ADD COLUMN     "categoryEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Credential" DROP COLUMN "documentMime",
DROP COLUMN "documentPath",
ADD COLUMN     "documentId" TEXT;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "nameGrams" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "ownerOrgId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_ownerOrgId_idx" ON "Document"("ownerOrgId");

-- CreateIndex
CREATE INDEX "Agency_status_creditScore_idx" ON "Agency"("status", "creditScore");

-- CreateIndex
CREATE INDEX "Agency_status_ratingAvg_idx" ON "Agency"("status", "ratingAvg");

-- CreateIndex
CREATE INDEX "Agency_status_awardsCount_idx" ON "Agency"("status", "awardsCount");

-- CreateIndex
CREATE UNIQUE INDEX "Credential_documentId_key" ON "Credential"("documentId");

-- CreateIndex
CREATE INDEX "Organization_nameGrams_idx" ON "Organization" USING GIN ("nameGrams");

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_ownerOrgId_fkey" FOREIGN KEY ("ownerOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill the search grams of existing organizations; must match
-- app/lib/ngrams.ts (NFKC, lower case, whitespace removed, unigrams + bigrams).
UPDATE "Organization" o SET "nameGrams" = COALESCE((
  SELECT array_agg(DISTINCT g) FROM (
    SELECT substr(n.s, i, 1) AS g FROM generate_series(1, char_length(n.s)) AS i
    UNION
    SELECT substr(n.s, i, 2) FROM generate_series(1, char_length(n.s) - 1) AS i
  ) grams
), ARRAY[]::TEXT[])
FROM (SELECT id, regexp_replace(lower(normalize(name, NFKC)), '\s', '', 'g') AS s FROM "Organization") n
WHERE n.id = o.id;
