-- 双随机、一公开: inspection plans with a committed seed, drawn inspections and their published results (decision 030).
-- CreateEnum
CREATE TYPE "InspectionPlanStatus" AS ENUM ('COMMITTED', 'DRAWN', 'RESULTS_PUBLISHED');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('PENDING', 'RECORDED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "InspectionOutcome" AS ENUM ('PASS', 'MINOR_ISSUES', 'FAIL');

-- CreateTable
CREATE TABLE "InspectionPlan" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "itemId" TEXT,
    "agencyCount" INTEGER NOT NULL,
    "inspectorCount" INTEGER NOT NULL,
    "status" "InspectionPlanStatus" NOT NULL DEFAULT 'COMMITTED',
    "commitment" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "entrants" JSONB NOT NULL,
    "inspectorPool" JSONB NOT NULL,
    "weights" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "drawnAt" TIMESTAMP(3),
    "drawnById" TEXT,
    "drawnInspectors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "resultsPublishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InspectionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    "inspectorIds" TEXT[],
    "status" "InspectionStatus" NOT NULL DEFAULT 'PENDING',
    "outcome" "InspectionOutcome",
    "findings" TEXT,
    "evidenceDocId" TEXT,
    "recordedAt" TIMESTAMP(3),
    "recordedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "caseId" TEXT,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InspectionPlan_code_key" ON "InspectionPlan"("code");

-- CreateIndex
CREATE INDEX "InspectionPlan_status_createdAt_idx" ON "InspectionPlan"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_caseId_key" ON "Inspection"("caseId");

-- CreateIndex
CREATE INDEX "Inspection_agencyId_status_idx" ON "Inspection"("agencyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_planId_agencyId_key" ON "Inspection"("planId", "agencyId");

-- AddForeignKey
ALTER TABLE "InspectionPlan" ADD CONSTRAINT "InspectionPlan_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CatalogueItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "InspectionPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


