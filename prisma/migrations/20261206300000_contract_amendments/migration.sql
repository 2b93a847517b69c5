-- 合同备案变更 (decision 040): corrections of a recorded contract, kept beside the record.
CREATE TABLE "ContractAmendment" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "documentId" TEXT,
    "amountFen" BIGINT NOT NULL,
    "signedOn" DATE NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "amendedById" TEXT NOT NULL,
    "amendedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContractAmendment_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ContractAmendment_documentId_key" ON "ContractAmendment"("documentId");

CREATE INDEX "ContractAmendment_requestId_amendedAt_idx" ON "ContractAmendment"("requestId", "amendedAt");
