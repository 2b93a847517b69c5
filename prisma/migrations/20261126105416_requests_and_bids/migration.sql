-- CreateEnum
CREATE TYPE "FundingSource" AS ENUM ('ENTERPRISE', 'GOVERNMENT');

-- CreateEnum
CREATE TYPE "SelectionMethod" AS ENUM ('DIRECT', 'LOWEST_PRICE', 'RANDOM_DRAW', 'SCORED', 'AVERAGE_PRICE');

-- CreateEnum
CREATE TYPE "PriceMode" AS ENUM ('AMOUNT', 'DISCOUNT');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'AWARD_PUBLICITY', 'CONTRACTED', 'IN_SERVICE', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "BidStatus" AS ENUM ('SUBMITTED', 'WITHDRAWN', 'INVALIDATED', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('PENDING', 'UPHELD', 'DISMISSED');

-- CreateTable
CREATE TABLE "ServiceRequest" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "enterpriseOrgId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "fundingSource" "FundingSource" NOT NULL,
    "priceMode" "PriceMode" NOT NULL DEFAULT 'AMOUNT',
    "basePriceFen" BIGINT,
    "discountRateBp" INTEGER,
    "priceCapFen" BIGINT NOT NULL,
    "selectionMethod" "SelectionMethod" NOT NULL,
    "scoringWeights" JSONB,
    "qualificationReqs" JSONB NOT NULL DEFAULT '[]',
    "minBidders" INTEGER NOT NULL DEFAULT 3,
    "serviceDays" INTEGER NOT NULL,
    "publicityDays" INTEGER NOT NULL DEFAULT 3,
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "round" INTEGER NOT NULL DEFAULT 1,
    "previousRoundId" TEXT,
    "drawCommitment" TEXT,
    "drawSeed" TEXT,
    "drawEntrants" JSONB,
    "awardedBidId" TEXT,
    "publicityEndsAt" TIMESTAMP(3),
    "contractedAt" TIMESTAMP(3),
    "serviceStartedAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "statusReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestAvoidance" (
    "requestId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "RequestAvoidance_pkey" PRIMARY KEY ("requestId","agencyId")
);

-- CreateTable
CREATE TABLE "Bid" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "serviceDays" INTEGER NOT NULL,
    "proposal" TEXT NOT NULL,
    "status" "BidStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "rank" INTEGER,
    "score" DOUBLE PRECISION,
    "invalidReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'PENDING',
    "decisionReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "documentId" TEXT,
    "note" TEXT NOT NULL,
    "accepted" BOOLEAN,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRequest_code_key" ON "ServiceRequest"("code");

-- CreateIndex
CREATE INDEX "ServiceRequest_status_closesAt_idx" ON "ServiceRequest"("status", "closesAt");

-- CreateIndex
CREATE INDEX "ServiceRequest_status_publicityEndsAt_idx" ON "ServiceRequest"("status", "publicityEndsAt");

-- CreateIndex
CREATE INDEX "ServiceRequest_enterpriseOrgId_createdAt_idx" ON "ServiceRequest"("enterpriseOrgId", "createdAt");

-- CreateIndex
CREATE INDEX "ServiceRequest_itemId_idx" ON "ServiceRequest"("itemId");

-- CreateIndex
CREATE INDEX "Bid_agencyId_status_idx" ON "Bid"("agencyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Bid_requestId_agencyId_key" ON "Bid"("requestId", "agencyId");

-- CreateIndex
CREATE INDEX "Objection_requestId_status_idx" ON "Objection"("requestId", "status");

-- CreateIndex
CREATE INDEX "Delivery_requestId_idx" ON "Delivery"("requestId");

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CatalogueItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_enterpriseOrgId_fkey" FOREIGN KEY ("enterpriseOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestAvoidance" ADD CONSTRAINT "RequestAvoidance_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


