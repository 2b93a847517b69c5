-- AlterTable
ALTER TABLE "ServiceRequest" ADD COLUMN     "zoneId" TEXT,
ADD COLUMN     "zoneReason" TEXT;

-- CreateTable
CREATE TABLE "Zone" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "boundary" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Zone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ZoneAssessment" (
    "id" TEXT NOT NULL,
    "zoneId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "validUntil" DATE NOT NULL,
    "conditions" TEXT NOT NULL DEFAULT '',
    "documentId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ZoneAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ZoneExemption" (
    "id" TEXT NOT NULL,
    "zoneId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ZoneExemption_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Zone_code_key" ON "Zone"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ZoneAssessment_documentId_key" ON "ZoneAssessment"("documentId");

-- CreateIndex
CREATE INDEX "ZoneAssessment_zoneId_itemId_idx" ON "ZoneAssessment"("zoneId", "itemId");

-- CreateIndex
CREATE INDEX "ZoneAssessment_itemId_idx" ON "ZoneAssessment"("itemId");

-- CreateIndex
CREATE INDEX "ZoneExemption_itemId_idx" ON "ZoneExemption"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "ZoneExemption_orgId_itemId_zoneId_key" ON "ZoneExemption"("orgId", "itemId", "zoneId");

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ZoneAssessment" ADD CONSTRAINT "ZoneAssessment_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ZoneAssessment" ADD CONSTRAINT "ZoneAssessment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CatalogueItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ZoneAssessment" ADD CONSTRAINT "ZoneAssessment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ZoneExemption" ADD CONSTRAINT "ZoneExemption_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


