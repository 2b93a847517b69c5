-- 公平竞争审查: requests with doubtful wording wait for a regulator before publication.
ALTER TYPE "RequestStatus" ADD VALUE 'FAIRNESS_REVIEW' AFTER 'DRAFT';

-- CreateEnum
CREATE TYPE "FairnessReviewOutcome" AS ENUM ('REFUSED', 'PENDING', 'PUBLISHED', 'RETURNED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "FairnessReview" (
    "id" TEXT NOT NULL,
    "requestId" TEXT,
    "orgId" TEXT NOT NULL,
    "outcome" "FairnessReviewOutcome" NOT NULL,
    "categories" TEXT[],
    "hits" JSONB NOT NULL,
    "reason" TEXT,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "FairnessReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FairnessReview_outcome_createdAt_idx" ON "FairnessReview"("outcome", "createdAt");

-- CreateIndex
CREATE INDEX "FairnessReview_requestId_idx" ON "FairnessReview"("requestId");

-- AddForeignKey
ALTER TABLE "FairnessReview" ADD CONSTRAINT "FairnessReview_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;
