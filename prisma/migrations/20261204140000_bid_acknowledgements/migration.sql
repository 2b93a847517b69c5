-- Bid acknowledgements by mail (#15, decision 029): the bid row itself is the
-- outbox. "ackedRevision" is the last revision whose acknowledgement was queued;
-- bids already in the database are not acknowledged after the fact.
ALTER TABLE "Bid" ADD COLUMN "ackedRevision" INTEGER NOT NULL DEFAULT 0;
UPDATE "Bid" SET "ackedRevision" = revision;

-- The pass reads only the bids waiting for one.
CREATE INDEX "Bid_ack_pending_idx" ON "Bid" ("submittedAt") WHERE "ackedRevision" < revision;
