-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'UNDER_REVIEW', 'DECIDED', 'APPEAL', 'FINAL');

-- CreateEnum
CREATE TYPE "CaseDecision" AS ENUM ('NO_ACTION', 'WARNING', 'CREDIT_DEDUCTION', 'SUSPENSION', 'REMOVAL', 'BLACKLIST');

-- CreateEnum
CREATE TYPE "SanctionKind" AS ENUM ('WARNING', 'CREDIT_DEDUCTION', 'SUSPENSION', 'REMOVAL', 'BLACKLIST');

-- CreateTable
CREATE TABLE "Rating" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "enterpriseOrgId" TEXT NOT NULL,
    "quality" INTEGER NOT NULL,
    "timeliness" INTEGER NOT NULL,
    "attitude" INTEGER NOT NULL,
    "feeCompliance" INTEGER NOT NULL,
    "standards" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "hiddenById" TEXT,
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionCase" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "complainantUserId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "evidenceDocIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "decision" "CaseDecision",
    "decisionReason" TEXT,
    "legalBasis" TEXT,
    "decisionEvidence" TEXT,
    "suspensionDays" INTEGER,
    "blacklistYears" INTEGER,
    "creditDeduction" INTEGER,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "appealEndsAt" TIMESTAMP(3),
    "appealReason" TEXT,
    "appealedAt" TIMESTAMP(3),
    "finalReason" TEXT,
    "finalizedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sanction" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "caseId" TEXT,
    "kind" "SanctionKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "authority" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Sanction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Rating_requestId_key" ON "Rating"("requestId");

-- CreateIndex
CREATE INDEX "Rating_agencyId_createdAt_idx" ON "Rating"("agencyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionCase_code_key" ON "SupervisionCase"("code");

-- CreateIndex
CREATE INDEX "SupervisionCase_agencyId_status_idx" ON "SupervisionCase"("agencyId", "status");

-- CreateIndex
CREATE INDEX "SupervisionCase_status_appealEndsAt_idx" ON "SupervisionCase"("status", "appealEndsAt");

-- CreateIndex
CREATE INDEX "Sanction_agencyId_kind_endsAt_idx" ON "Sanction"("agencyId", "kind", "endsAt");

-- CreateIndex
CREATE INDEX "Sanction_kind_endsAt_idx" ON "Sanction"("kind", "endsAt");


