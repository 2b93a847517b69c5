-- The Merkle log over every audit event (issue #12, decision 023): each event's
-- position in the log, assigned by the checkpoint writer; each checkpoint's
-- tree size (its statement v2 signs the tree size and root).
ALTER TABLE "AuditEvent" ADD COLUMN "logIndex" BIGINT;
CREATE UNIQUE INDEX "AuditEvent_logIndex_key" ON "AuditEvent"("logIndex");
ALTER TABLE "AuditCheckpoint" ADD COLUMN "treeSize" BIGINT;

-- The tree hash of every complete block of 256 leaves (positions 256·i … 256·i+255),
-- written by the checkpoint writer: a checkpoint or a proof then reads n/256 block
-- hashes instead of n leaves. audit:verify recomputes each from the events.
CREATE TABLE "AuditTreeBlock" (
    "index" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "AuditTreeBlock_pkey" PRIMARY KEY ("index")
);
