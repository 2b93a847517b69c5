-- The Merkle log over every audit event (issue #12, decision 023): each event's
-- position in the log, assigned by the checkpoint writer; each checkpoint's
-- tree size (its statement v2 signs the tree size and root).
ALTER TABLE "AuditEvent" ADD COLUMN "logIndex" BIGINT;
CREATE UNIQUE INDEX "AuditEvent_logIndex_key" ON "AuditEvent"("logIndex");
ALTER TABLE "AuditCheckpoint" ADD COLUMN "treeSize" BIGINT;
