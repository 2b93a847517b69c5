-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ENTERPRISE', 'AGENCY', 'REGULATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('COMPANY', 'NATURAL_PERSON', 'GOVERNMENT', 'AGENCY');

-- CreateEnum
CREATE TYPE "AgencyEntityType" AS ENUM ('COMPANY', 'PARTNERSHIP', 'INDIVIDUAL_BUSINESS', 'PUBLIC_INSTITUTION');

-- CreateEnum
CREATE TYPE "AgencyStatus" AS ENUM ('APPLIED', 'LISTED', 'REJECTED', 'SUSPENDED', 'REMOVED');

-- CreateEnum
CREATE TYPE "CatalogueStatus" AS ENUM ('IN_FORCE', 'RETIRED');

-- CreateEnum
CREATE TYPE "FeeBasis" AS ENUM ('MARKET', 'GOVERNMENT');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "name" TEXT NOT NULL,
    "creditCode" TEXT,
    "regionCode" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "entityType" "AgencyEntityType" NOT NULL DEFAULT 'COMPANY',
    "status" "AgencyStatus" NOT NULL DEFAULT 'APPLIED',
    "introduction" TEXT NOT NULL DEFAULT '',
    "creditScore" INTEGER NOT NULL DEFAULT 100,
    "suspendedUntil" TIMESTAMP(3),
    "statusReason" TEXT,
    "listedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Practitioner" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "qualification" TEXT NOT NULL,
    "certificateNo" TEXT,

    CONSTRAINT "Practitioner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Credential" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "documentPath" TEXT,
    "documentMime" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Credential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CredentialItem" (
    "credentialId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,

    CONSTRAINT "CredentialItem_pkey" PRIMARY KEY ("credentialId","itemId")
);

-- CreateTable
CREATE TABLE "CatalogueItem" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "approvalServed" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "feeBasis" "FeeBasis" NOT NULL,
    "standards" TEXT NOT NULL,
    "materials" TEXT NOT NULL,
    "timeLimitDays" INTEGER NOT NULL,
    "procedure" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "qualificationTypes" TEXT[],
    "fees" TEXT NOT NULL,
    "qualityControl" TEXT NOT NULL,
    "status" "CatalogueStatus" NOT NULL DEFAULT 'IN_FORCE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogueItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueItemVersion" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogueItemVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "data" JSONB,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "aggregateType" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "fromState" TEXT,
    "event" TEXT NOT NULL,
    "toState" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "root" TEXT NOT NULL,
    "heads" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "orgId" TEXT,
    "kind" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_key_at_idx" ON "LoginAttempt"("key", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_creditCode_key" ON "Organization"("creditCode");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_organizationId_key" ON "Agency"("organizationId");

-- CreateIndex
CREATE INDEX "Agency_status_idx" ON "Agency"("status");

-- CreateIndex
CREATE INDEX "Practitioner_agencyId_idx" ON "Practitioner"("agencyId");

-- CreateIndex
CREATE INDEX "Credential_agencyId_idx" ON "Credential"("agencyId");

-- CreateIndex
CREATE INDEX "Credential_validUntil_idx" ON "Credential"("validUntil");

-- CreateIndex
CREATE INDEX "CredentialItem_itemId_idx" ON "CredentialItem"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueItem_code_key" ON "CatalogueItem"("code");

-- CreateIndex
CREATE INDEX "CatalogueItem_status_category_idx" ON "CatalogueItem"("status", "category");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueItemVersion_itemId_version_key" ON "CatalogueItemVersion"("itemId", "version");

-- CreateIndex
CREATE INDEX "Announcement_kind_publishedAt_idx" ON "Announcement"("kind", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_aggregateType_aggregateId_seq_key" ON "AuditEvent"("aggregateType", "aggregateId", "seq");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_orgId_createdAt_idx" ON "Notification"("orgId", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practitioner" ADD CONSTRAINT "Practitioner_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialItem" ADD CONSTRAINT "CredentialItem_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialItem" ADD CONSTRAINT "CredentialItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CatalogueItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogueItemVersion" ADD CONSTRAINT "CatalogueItemVersion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CatalogueItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
