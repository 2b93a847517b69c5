-- Due process before a sanction (行政处罚法): refusal at intake, prior notice, statement, hearing (decision 033).

-- AlterEnum
ALTER TYPE "CaseStatus" ADD VALUE 'REJECTED';
ALTER TYPE "CaseStatus" ADD VALUE 'NOTICE_ISSUED';
ALTER TYPE "CaseStatus" ADD VALUE 'HEARING_REQUESTED';
ALTER TYPE "CaseStatus" ADD VALUE 'HEARING_SCHEDULED';
ALTER TYPE "CaseStatus" ADD VALUE 'HEARING_HELD';

-- AlterTable
ALTER TABLE "SupervisionCase" ADD COLUMN     "rejectionReason" TEXT,
ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "noticeDecision" "CaseDecision",
ADD COLUMN     "noticeFacts" TEXT,
ADD COLUMN     "noticeLegalBasis" TEXT,
ADD COLUMN     "noticeEvidence" TEXT,
ADD COLUMN     "noticeDays" INTEGER,
ADD COLUMN     "noticeYears" INTEGER,
ADD COLUMN     "noticeIssuedAt" TIMESTAMP(3),
ADD COLUMN     "noticeEndsAt" TIMESTAMP(3),
ADD COLUMN     "statement" TEXT,
ADD COLUMN     "statementAt" TIMESTAMP(3),
ADD COLUMN     "hearingWaived" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "hearingAskedAt" TIMESTAMP(3),
ADD COLUMN     "hearingAt" TIMESTAMP(3),
ADD COLUMN     "hearingPlace" TEXT,
ADD COLUMN     "hearingRecord" TEXT,
ADD COLUMN     "hearingHeldAt" TIMESTAMP(3),
ADD COLUMN     "statementAnswer" TEXT;
