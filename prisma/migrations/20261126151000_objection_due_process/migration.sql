-- AlterTable
ALTER TABLE "Objection" ADD COLUMN     "evidence" TEXT,
ADD COLUMN     "legalBasis" TEXT;


