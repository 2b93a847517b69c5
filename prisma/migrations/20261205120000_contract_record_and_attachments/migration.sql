-- Contract record (合同备案), request attachments and objection evidence (#16, decision 034).
-- Plain ids without foreign keys, like Inspection.evidenceDocId: rows are only ever written by their commands.
-- CreateTable
CREATE TABLE "ContractRecord" (
    "requestId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "signedOn" DATE NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContractRecord_pkey" PRIMARY KEY ("requestId")
);

-- CreateTable
CREATE TABLE "RequestAttachment" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObjectionEvidence" (
    "objectionId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,

    CONSTRAINT "ObjectionEvidence_pkey" PRIMARY KEY ("objectionId","documentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContractRecord_documentId_key" ON "ContractRecord"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "RequestAttachment_documentId_key" ON "RequestAttachment"("documentId");

-- CreateIndex
CREATE INDEX "RequestAttachment_requestId_createdAt_idx" ON "RequestAttachment"("requestId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ObjectionEvidence_documentId_key" ON "ObjectionEvidence"("documentId");


