-- CreateEnum
CREATE TYPE "AppealOutcome" AS ENUM ('UPHELD', 'REVOKED');

-- AlterEnum
ALTER TYPE "AgencyStatus" ADD VALUE 'EXITED';

-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'TERMINATED';

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "creditBreakdown" JSONB,
ADD COLUMN     "creditUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "creditVersion" TEXT,
ALTER COLUMN "creditScore" SET DEFAULT 80;

-- AlterTable
ALTER TABLE "Sanction" ADD COLUMN     "revokedReason" TEXT;

-- AlterTable
ALTER TABLE "ServiceRequest" ADD COLUMN     "terminatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "SupervisionCase" ADD COLUMN     "appealOutcome" "AppealOutcome";

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionCase" ADD CONSTRAINT "SupervisionCase_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SupervisionCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Scores stored before formula 1.0 was wired were the old default (100); with no
-- inputs formula 1.0 gives its base, 80. Recomputation keeps them current from here on.
UPDATE "Agency" SET "creditScore" = 80 WHERE "creditVersion" IS NULL;
