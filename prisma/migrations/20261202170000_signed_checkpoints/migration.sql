-- Signed checkpoints (issue #12): the exact statement signed, its Ed25519
-- signature and the signing key's id; the public keys ever used, for rotation.
ALTER TABLE "AuditCheckpoint" ADD COLUMN "statement" TEXT;
ALTER TABLE "AuditCheckpoint" ADD COLUMN "signature" TEXT;
ALTER TABLE "AuditCheckpoint" ADD COLUMN "keyId" TEXT;

CREATE TABLE "AuditSigningKey" (
    "keyId" TEXT NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "firstUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditSigningKey_pkey" PRIMARY KEY ("keyId")
);
