-- 申诉/复核 of a practitioner sanction (decision 040).
CREATE TABLE "PractitionerSanctionObjection" (
    "sanctionId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "filedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT,
    "decisionReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "PractitionerSanctionObjection_pkey" PRIMARY KEY ("sanctionId")
);

CREATE INDEX "PractitionerSanctionObjection_outcome_idx" ON "PractitionerSanctionObjection"("outcome");
