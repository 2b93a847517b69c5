-- CreateEnum
CREATE TYPE "NavigatorStage" AS ENUM ('LAND', 'APPROVAL', 'PERMIT', 'COMPLETION');

-- CreateTable
CREATE TABLE "NavigatorRule" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "zoneId" TEXT,
    "stage" "NavigatorStage" NOT NULL,
    "position" INTEGER NOT NULL,
    "industries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "scale" TEXT,
    "govFunded" BOOLEAN,
    "note" TEXT NOT NULL DEFAULT '',
    "noteEn" TEXT NOT NULL DEFAULT '',
    "status" "CatalogueStatus" NOT NULL DEFAULT 'IN_FORCE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "changedById" TEXT,

    CONSTRAINT "NavigatorRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowedProject" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "scale" TEXT NOT NULL,
    "govFunded" BOOLEAN NOT NULL,
    "zoneId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowedProject_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NavigatorRule_status_zoneId_idx" ON "NavigatorRule"("status", "zoneId");

-- CreateIndex
CREATE INDEX "FollowedProject_orgId_idx" ON "FollowedProject"("orgId");

-- CreateIndex
CREATE INDEX "FollowedProject_zoneId_idx" ON "FollowedProject"("zoneId");

-- AddForeignKey
ALTER TABLE "NavigatorRule" ADD CONSTRAINT "NavigatorRule_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CatalogueItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NavigatorRule" ADD CONSTRAINT "NavigatorRule_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowedProject" ADD CONSTRAINT "FollowedProject_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowedProject" ADD CONSTRAINT "FollowedProject_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;


