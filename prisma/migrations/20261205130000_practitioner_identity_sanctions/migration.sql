-- CreateEnum
CREATE TYPE "PractitionerSanctionKind" AS ENUM ('WARNING', 'SUSPENSION', 'BLACKLIST');

-- CreateEnum
CREATE TYPE "PractitionerSanctionStatus" AS ENUM ('IN_FORCE', 'REVOKED');

-- AlterTable
ALTER TABLE "Practitioner" ADD COLUMN     "idHash" TEXT,
ADD COLUMN     "idMasked" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "signers" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "PractitionerSanction" (
    "id" TEXT NOT NULL,
    "idHash" TEXT NOT NULL,
    "idMasked" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "practitionerId" TEXT,
    "agencyId" TEXT,
    "agencyName" TEXT,
    "kind" "PractitionerSanctionKind" NOT NULL,
    "status" "PractitionerSanctionStatus" NOT NULL DEFAULT 'IN_FORCE',
    "reason" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "authority" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PractitionerSanction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PractitionerSanction_idHash_status_idx" ON "PractitionerSanction"("idHash", "status");

-- CreateIndex
CREATE INDEX "PractitionerSanction_agencyId_idx" ON "PractitionerSanction"("agencyId");

-- CreateIndex
CREATE INDEX "PractitionerSanction_createdAt_idx" ON "PractitionerSanction"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Practitioner_idHash_key" ON "Practitioner"("idHash");


