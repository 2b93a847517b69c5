import type { Db, Tx } from "~/db/client.server";
import { formatDate } from "~/lib/format";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { fullRequest, winnerOf } from "./commands/common.server";
import { isOverdue } from "./overdue";

/**
 * The award lifecycle's scheduler steps: overdue notices and the end of a
 * publicity period. Neither changes a state; each records its own audit event.
 */

/** Audit events that start a publicity period (a new award). */
const AWARD_EVENTS = ["SELECT", "PICK", "UPHOLD_OBJECTION"];

/**
 * One claim-and-handle loop for due work: each step claims one request with
 * FOR UPDATE SKIP LOCKED (another instance skips it), re-checks inside the
 * lock with a fresh statement (a claim query whose snapshot predates another
 * instance's commit could otherwise pick the same row again), and records its
 * own audit event, which is what makes the step idempotent.
 */
async function claimLoop(db: Db, limit: number, step: (tx: Tx, now: Date) => Promise<"none" | "skip" | "done">): Promise<number> {
  let done = 0;
  for (let i = 0; i < limit * 2 && done < limit; i++) {
    const result = await db.$transaction(async (tx) => step(tx, await dbNow(tx)), { timeout: 30_000 });
    if (result === "none") break;
    if (result === "done") done++;
  }
  return done;
}

/**
 * Overdue (逾期): a request IN_SERVICE past its dueAt. Both parties are told
 * once per request (an OVERDUE audit event marks it), however many instances
 * run the scheduler.
 */
export async function notifyOverdueRequests(db: Db, limit = 100): Promise<number> {
  return claimLoop(db, limit, async (tx, now) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM "ServiceRequest" r
      WHERE r.status = 'IN_SERVICE' AND r."dueAt" < ${now}
        AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."aggregateType" = 'request' AND a."aggregateId" = r.id AND a.event = 'OVERDUE')
      ORDER BY r."dueAt" LIMIT 1 FOR UPDATE OF r SKIP LOCKED`;
    const id = rows[0]?.id;
    if (!id) return "none";
    if ((await tx.auditEvent.count({ where: { aggregateType: "request", aggregateId: id, event: "OVERDUE" } })) > 0) return "skip";
    const full = await fullRequest(tx, id);
    if (!isOverdue(full, now)) return "skip";
    const winner = await winnerOf(tx, full.awardedBidId);
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: id,
      fromState: full.status,
      event: "OVERDUE",
      toState: full.status,
      actorId: null,
      payload: { dueAt: full.dueAt!.toISOString() },
    });
    const data = { requestId: id, title: full.title, dueAt: full.dueAt!.toISOString(), due: formatDate(full.dueAt!) };
    await notify(tx, { orgId: full.enterpriseOrgId, kind: "SERVICE_OVERDUE", data });
    if (winner) await notify(tx, { orgId: winner.agency.organizationId, kind: "SERVICE_OVERDUE", data });
    return "done";
  });
}

/**
 * Publicity over without pending objections: both parties are told they may
 * confirm the contract — once per publicity period (a PUBLICITY_ENDED audit
 * event after the award event that opened the period).
 */
export async function notifyPublicityEnded(db: Db, limit = 100): Promise<number> {
  return claimLoop(db, limit, async (tx, now) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM "ServiceRequest" r
      WHERE r.status = 'AWARD_PUBLICITY' AND r."publicityEndsAt" <= ${now}
        AND NOT EXISTS (SELECT 1 FROM "Objection" o WHERE o."requestId" = r.id AND o.status = 'PENDING')
        AND NOT EXISTS (
          SELECT 1 FROM "AuditEvent" a
          WHERE a."aggregateType" = 'request' AND a."aggregateId" = r.id AND a.event = 'PUBLICITY_ENDED'
            AND a.seq > (SELECT COALESCE(MAX(b.seq), 0) FROM "AuditEvent" b
                         WHERE b."aggregateType" = 'request' AND b."aggregateId" = r.id AND b.event IN ('SELECT', 'PICK', 'UPHOLD_OBJECTION')))
      ORDER BY r."publicityEndsAt" LIMIT 1 FOR UPDATE OF r SKIP LOCKED`;
    const id = rows[0]?.id;
    if (!id) return "none";
    const lastAward = await tx.auditEvent.findFirst({
      where: { aggregateType: "request", aggregateId: id, event: { in: AWARD_EVENTS } },
      orderBy: { seq: "desc" },
      select: { seq: true },
    });
    const seen = await tx.auditEvent.count({
      where: { aggregateType: "request", aggregateId: id, event: "PUBLICITY_ENDED", seq: { gt: lastAward?.seq ?? 0 } },
    });
    if (seen > 0) return "skip";
    const full = await fullRequest(tx, id);
    if (full.status !== "AWARD_PUBLICITY" || !full.publicityEndsAt || full.publicityEndsAt > now) return "skip";
    if ((await tx.objection.count({ where: { requestId: id, status: "PENDING" } })) > 0) return "skip";
    const winner = await winnerOf(tx, full.awardedBidId);
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: id,
      fromState: full.status,
      event: "PUBLICITY_ENDED",
      toState: full.status,
      actorId: null,
      payload: { publicityEndsAt: full.publicityEndsAt.toISOString(), awardedBidId: full.awardedBidId },
    });
    const data = { requestId: id, title: full.title };
    await notify(tx, { orgId: full.enterpriseOrgId, kind: "PUBLICITY_ENDED", data });
    if (winner) await notify(tx, { orgId: winner.agency.organizationId, kind: "PUBLICITY_ENDED", data });
    return "done";
  });
}
