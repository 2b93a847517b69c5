import type { Db } from "~/db/client.server";
import { formatBeijingMinute } from "~/lib/format";
import { notify } from "~/services/notifications/notify.server";

type Pending = { id: string; revision: number; orgId: string; requestId: string; title: string; submittedAt: Date };

/**
 * Bid acknowledgements (BID_RECEIVED: the in-app notice and, by the agency's
 * choice, the mail; decision 029). The bid intake stays as decision 025 made
 * it — no statement is added to it: the bid row is the outbox. A bid whose
 * current revision has not been acknowledged (`ackedRevision < revision`,
 * a partial index) is picked up by this pass, on any instance (SKIP LOCKED),
 * and its notice is written in the same transaction that marks the revision
 * acknowledged, so each submission or revision is acknowledged exactly once.
 * A withdrawn bid is not. Returns how many were acknowledged.
 */
export async function acknowledgeBids(db: Db, limit = 50): Promise<number> {
  return db.$transaction(async (tx) => {
    const pending = await tx.$queryRaw<Pending[]>`
      SELECT b.id, b.revision, a."organizationId" AS "orgId", r.id AS "requestId", r.title, b."submittedAt"
      FROM "Bid" b
      JOIN "Agency" a ON a.id = b."agencyId"
      JOIN "ServiceRequest" r ON r.id = b."requestId"
      WHERE b."ackedRevision" < b.revision AND b.status <> 'WITHDRAWN'
      ORDER BY b."submittedAt"
      LIMIT ${limit}
      FOR UPDATE OF b SKIP LOCKED`;
    for (const bid of pending) {
      await notify(tx, {
        orgId: bid.orgId,
        kind: "BID_RECEIVED",
        data: { title: bid.title, at: formatBeijingMinute(bid.submittedAt), requestId: bid.requestId },
      });
      await tx.$executeRaw`UPDATE "Bid" SET "ackedRevision" = ${bid.revision} WHERE id = ${bid.id}`;
    }
    return pending.length;
  });
}
