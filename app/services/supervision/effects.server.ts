import { decide } from "~/machines/apply";
import { agencyMachine, type AgencyEvent } from "~/machines/agency.machine";
import { bidMachine } from "~/machines/bid.machine";
import type { Db, Tx } from "~/db/client.server";
import type { AgencyStatus, SanctionKind } from "~/generated/prisma/client";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { recomputeCreditScore } from "~/services/credit/recompute.server";
import { notify } from "~/services/notifications/notify.server";
import { inForceWhere } from "./blacklist.server";

/**
 * The automatic effects of a regulator's decision (Principle 7), run inside the
 * decision's own transaction so they happen exactly when the decision commits:
 * the sanction entry, the agency's listing, its open bids, the enterprises
 * whose contracts are at risk, the credit score. Also what undoes them (an
 * appeal that revokes the decision) and what ends them (the scheduler
 * reinstating agencies whose suspension is over).
 *
 * Callers hold the agency row FOR UPDATE (lockAgency) before calling in here.
 * See docs/decisions/011-sanctions-and-appeals.md for the locking order.
 */

const DAY = 86_400_000;

/** Kinds that take an agency out of bidding while in force. */
export const RESTRICTIVE_KINDS = ["SUSPENSION", "REMOVAL", "BLACKLIST"] as const satisfies readonly SanctionKind[];
const isRestrictive = (k: SanctionKind) => (RESTRICTIVE_KINDS as readonly SanctionKind[]).includes(k);

/** The event written on the agency's audit chain (the public profile lists SUSPEND, REINSTATE, REMOVE, WARN, BLACKLIST). */
export const AGENCY_AUDIT_EVENT: Record<SanctionKind, string> = {
  WARNING: "WARN",
  CREDIT_DEDUCTION: "CREDIT_DEDUCTION",
  SUSPENSION: "SUSPEND",
  REMOVAL: "REMOVE",
  BLACKLIST: "BLACKLIST",
};

/** Bid.invalidReason written when a sanction withdraws an agency's open bids (translated under award.invalidReason.* and cases.invalidReason.*). */
export const INVALID_REASON = { SUSPENSION: "AGENCY_SUSPENDED", REMOVAL: "AGENCY_REMOVED", BLACKLIST: "AGENCY_REMOVED" } as const;

/**
 * How long the effects part of a decision waits for any one lock before giving
 * up (and the whole decision is retried). The decision holds the agency row;
 * a closing or picking transaction may hold one of the agency's bids and then
 * wait for that row (awardsCount) — waiting here without a bound would be a
 * deadlock. Must stay well below PostgreSQL's deadlock_timeout (1 s), so the
 * decision, not the closer, is the one that backs off.
 */
export const EFFECT_LOCK_TIMEOUT_MS = 250;

/** End of a sanction: suspension N days, blacklist N calendar years, others open-ended (null). */
export function sanctionEnd(kind: SanctionKind, now: Date, d: { days?: number | null; years?: number | null }): Date | null {
  if (kind === "SUSPENSION") return new Date(now.getTime() + (d.days ?? 0) * DAY);
  if (kind === "BLACKLIST") {
    const end = new Date(now);
    end.setUTCFullYear(end.getUTCFullYear() + (d.years ?? 0));
    return end;
  }
  return null;
}

export type SanctionInput = {
  agencyId: string;
  caseId: string;
  caseCode: string;
  kind: SanctionKind;
  reason: string;
  legalBasis: string;
  evidence: string;
  days?: number | null;
  years?: number | null;
  points?: number | null;
  /** 决定机关: the deciding regulator's organization. */
  authority: string;
  actorId: string;
  now: Date;
};

export type SanctionResult = {
  sanctionId: string;
  endsAt: Date | null;
  agencyFrom: AgencyStatus;
  agencyTo: AgencyStatus;
  invalidatedBids: number;
  contractsAtRisk: number;
  creditScore: number;
};

function nextStatus(status: AgencyStatus, event: AgencyEvent): AgencyStatus | null {
  const r = decide(agencyMachine, status, event);
  return r.ok ? r.to : null;
}

/**
 * Records a sanction and applies its effects. The caller holds the agency row
 * lock and has already let the case machine accept the decision.
 */
export async function applySanction(tx: Tx, s: SanctionInput): Promise<SanctionResult> {
  const agency = await tx.agency.findUniqueOrThrow({
    where: { id: s.agencyId },
    select: { status: true, suspendedUntil: true, organizationId: true, organization: { select: { name: true } } },
  });
  const endsAt = sanctionEnd(s.kind, s.now, s);
  const sanction = await tx.sanction.create({
    data: {
      agencyId: s.agencyId,
      caseId: s.caseId,
      kind: s.kind,
      reason: s.reason,
      legalBasis: s.legalBasis,
      evidence: s.evidence,
      authority: s.authority,
      startsAt: s.now,
      endsAt,
      createdAt: s.now,
    },
  });

  // The listing: the agency machine decides; a sanction on an agency the
  // machine cannot move (a suspension of an agency already removed, a removal
  // of one already removed) is still recorded and public.
  let to: AgencyStatus = agency.status;
  let suspendedUntil = agency.suspendedUntil;
  if (s.kind === "SUSPENSION") {
    const next = nextStatus(agency.status, { type: "SUSPEND", reason: s.reason, until: endsAt!, now: s.now });
    if (next) {
      to = next;
      // A second suspension while suspended keeps whichever ends later.
      suspendedUntil =
        agency.status === "SUSPENDED" && agency.suspendedUntil && agency.suspendedUntil > endsAt! ? agency.suspendedUntil : endsAt;
    }
  } else if (s.kind === "REMOVAL" || s.kind === "BLACKLIST") {
    const next = nextStatus(agency.status, { type: "REMOVE", reason: s.reason });
    if (next) {
      to = next;
      suspendedUntil = null;
    }
  }
  const statusChanged = to !== agency.status || suspendedUntil?.getTime() !== agency.suspendedUntil?.getTime();
  if (statusChanged) {
    await tx.agency.update({
      where: { id: s.agencyId },
      data: { status: to, statusReason: s.reason, suspendedUntil, version: { increment: 1 } },
    });
  }
  await appendAudit(tx, {
    aggregateType: "agency",
    aggregateId: s.agencyId,
    fromState: agency.status,
    event: AGENCY_AUDIT_EVENT[s.kind],
    toState: to,
    actorId: s.actorId,
    payload: {
      caseId: s.caseId,
      caseCode: s.caseCode,
      sanctionId: sanction.id,
      kind: s.kind,
      reason: s.reason,
      legalBasis: s.legalBasis,
      authority: s.authority,
      startsAt: s.now.toISOString(),
      endsAt: endsAt?.toISOString() ?? null,
      days: s.days ?? null,
      years: s.years ?? null,
      points: s.points ?? null,
      statusChanged,
    },
  });

  let invalidatedBids = 0;
  let contractsAtRisk = 0;
  if (isRestrictive(s.kind)) {
    invalidatedBids = await invalidateOpenBids(tx, s, INVALID_REASON[s.kind as keyof typeof INVALID_REASON]);
    contractsAtRisk = await notifyRunningContracts(tx, s);
  }
  const credit = await recomputeCreditScore(tx, s.agencyId, s.now);
  return {
    sanctionId: sanction.id,
    endsAt,
    agencyFrom: agency.status,
    agencyTo: to,
    invalidatedBids,
    contractsAtRisk,
    creditScore: credit.total,
  };
}

/**
 * Withdraws the agency's open bids: SUBMITTED bids on requests still OPEN (or
 * CLOSED awaiting the enterprise's direct pick, which would refuse them anyway).
 * Each becomes INVALIDATED through the bid machine, with a BID_INVALIDATED
 * event on the request's chain and a notice to the enterprise. The notice does
 * not name the agency: before closing, who bid is sealed too.
 */
async function invalidateOpenBids(tx: Tx, s: SanctionInput, reason: string): Promise<number> {
  // Every lock wait from here on is bounded: see EFFECT_LOCK_TIMEOUT_MS.
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${EFFECT_LOCK_TIMEOUT_MS}ms'`);
  // The requests first, FOR SHARE (like a bid): the closer (FOR UPDATE SKIP
  // LOCKED) then skips them until we commit, and a closer or direct pick already
  // holding one makes us back off and retry after it committed — so no request
  // is awarded from a bid list read before this decision and written after it.
  await tx.$queryRaw`
    SELECT r.id FROM "ServiceRequest" r
    WHERE r.status IN ('OPEN', 'CLOSED')
      AND EXISTS (SELECT 1 FROM "Bid" b WHERE b."requestId" = r.id AND b."agencyId" = ${s.agencyId} AND b.status = 'SUBMITTED')
    ORDER BY r.id FOR SHARE`;
  const bids = await tx.$queryRaw<
    { id: string; requestId: string; status: string; title: string; code: string; enterpriseOrgId: string; requestStatus: string }[]
  >`
    SELECT b.id, b."requestId", b.status::text AS status, r.title, r.code, r."enterpriseOrgId", r.status::text AS "requestStatus"
    FROM "Bid" b JOIN "ServiceRequest" r ON r.id = b."requestId"
    WHERE b."agencyId" = ${s.agencyId} AND b.status = 'SUBMITTED' AND r.status IN ('OPEN', 'CLOSED')
    ORDER BY b."requestId"
    FOR UPDATE OF b`;
  for (const b of bids) {
    const r = decide(bidMachine, b.status, { type: "INVALIDATE", reason });
    if (!r.ok) continue;
    await tx.bid.update({ where: { id: b.id }, data: { status: r.to, invalidReason: reason } });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: b.requestId,
      fromState: b.status,
      event: "BID_INVALIDATED",
      toState: r.to,
      actorId: s.actorId,
      payload: { bidId: b.id, agencyId: s.agencyId, reason, caseId: s.caseId, caseCode: s.caseCode },
    });
    await notify(tx, {
      orgId: b.enterpriseOrgId,
      kind: "CASE_BID_INVALIDATED",
      data: { requestId: b.requestId, title: b.title, code: b.code },
    });
  }
  return bids.length;
}

/** Enterprises whose running engagement is with this agency may terminate it: they are told so. */
async function notifyRunningContracts(tx: Tx, s: SanctionInput): Promise<number> {
  const running = await tx.$queryRaw<{ id: string; title: string; code: string; enterpriseOrgId: string }[]>`
    SELECT r.id, r.title, r.code, r."enterpriseOrgId"
    FROM "ServiceRequest" r JOIN "Bid" b ON b.id = r."awardedBidId"
    WHERE b."agencyId" = ${s.agencyId} AND b.status = 'WON'
      AND r.status IN ('AWARD_PUBLICITY', 'CONTRACTED', 'IN_SERVICE', 'DELIVERED')
    ORDER BY r.id`;
  for (const r of running) {
    await notify(tx, { orgId: r.enterpriseOrgId, kind: "CASE_CONTRACT_AT_RISK", data: { requestId: r.id, title: r.title, code: r.code } });
  }
  return running.length;
}

/** Restrictive sanctions in force at `now` (database clock), not revoked. */
export function restrictionsInForce(tx: Tx, agencyId: string, now: Date) {
  return tx.sanction.findMany({
    where: { agencyId, kind: { in: [...RESTRICTIVE_KINDS] }, ...inForceWhere(now) },
    select: { id: true, kind: true, endsAt: true },
  });
}

/**
 * An appeal decision revoked the case's decision: its sanctions get
 * revokedAt / revokedReason (they stay public, marked revoked), the agency's
 * listing is restored if nothing else keeps it out, the credit score is
 * recomputed. Bids invalidated by the sanction are not revived: their
 * requests have moved on (closed, awarded) in the meantime.
 */
export async function revokeCaseSanctions(
  tx: Tx,
  r: { agencyId: string; caseId: string; caseCode: string; reason: string; actorId: string; now: Date },
) {
  const sanctions = await tx.sanction.findMany({ where: { caseId: r.caseId, revokedAt: null }, select: { id: true, kind: true } });
  if (sanctions.length === 0) return { revoked: 0, agencyFrom: null, agencyTo: null };
  await tx.sanction.updateMany({ where: { id: { in: sanctions.map((x) => x.id) } }, data: { revokedAt: r.now, revokedReason: r.reason } });
  const before = await tx.agency.findUniqueOrThrow({ where: { id: r.agencyId }, select: { status: true } });
  await appendAudit(tx, {
    aggregateType: "agency",
    aggregateId: r.agencyId,
    fromState: before.status,
    event: "SANCTION_REVOKED",
    toState: before.status,
    actorId: r.actorId,
    payload: {
      caseId: r.caseId,
      caseCode: r.caseCode,
      sanctionIds: sanctions.map((x) => x.id),
      kinds: sanctions.map((x) => x.kind),
      reason: r.reason,
    },
  });
  let agencyTo: AgencyStatus = before.status;
  if (sanctions.some((x) => isRestrictive(x.kind))) {
    agencyTo = await restoreListing(tx, r.agencyId, r.now, r.actorId, { caseId: r.caseId, caseCode: r.caseCode, reason: r.reason });
  }
  await recomputeCreditScore(tx, r.agencyId, r.now);
  return { revoked: sanctions.length, agencyFrom: before.status, agencyTo };
}

/**
 * After a restrictive sanction was revoked: back to what the remaining
 * sanctions in force allow. A removal or blacklist still in force keeps the
 * agency REMOVED; a suspension still in force keeps (or makes) it SUSPENDED
 * until the latest remaining end; otherwise it is LISTED again — but only if it
 * was listed or suspended before it was removed (an agency that had exited
 * voluntarily does not come back by itself).
 */
/**
 * A removal has no end; it stops keeping the agency out once the agency re-applied and was approved after it
 * (REMOVED → APPLIED → LISTED). Such a removal is dropped from `remaining`: the agency's chain holds an APPROVE
 * after its latest REMOVE. Compared by chain order (seq), not by clock.
 */
async function withoutRelistedRemovals<T extends { kind: string }>(tx: Tx, agencyId: string, remaining: T[]): Promise<T[]> {
  if (!remaining.some((x) => x.kind === "REMOVAL")) return remaining;
  const last = (event: string) =>
    tx.auditEvent.findFirst({
      where: { aggregateType: "agency", aggregateId: agencyId, event },
      orderBy: { seq: "desc" },
      select: { seq: true },
    });
  const approved = await last("APPROVE");
  const removed = await last("REMOVE");
  if (!approved || (removed && removed.seq > approved.seq)) return remaining;
  return remaining.filter((x) => x.kind !== "REMOVAL");
}

async function restoreListing(
  tx: Tx,
  agencyId: string,
  now: Date,
  actorId: string,
  why: { caseId: string; caseCode: string; reason: string },
): Promise<AgencyStatus> {
  const agency = await tx.agency.findUniqueOrThrow({
    where: { id: agencyId },
    select: { status: true, suspendedUntil: true, organizationId: true },
  });
  if (agency.status !== "SUSPENDED" && agency.status !== "REMOVED") return agency.status;
  const remaining = await withoutRelistedRemovals(tx, agencyId, await restrictionsInForce(tx, agencyId, now));
  if (remaining.some((x) => x.kind !== "SUSPENSION")) return agency.status;
  if (agency.status === "REMOVED") {
    const removedFrom = await tx.auditEvent.findFirst({
      where: { aggregateType: "agency", aggregateId: agencyId, toState: "REMOVED", NOT: { fromState: "REMOVED" } },
      orderBy: { seq: "desc" },
      select: { fromState: true },
    });
    if (removedFrom?.fromState !== "LISTED" && removedFrom?.fromState !== "SUSPENDED") return agency.status;
  }
  const suspensionEnd = remaining.reduce<Date | null>((m, x) => (x.endsAt && (!m || x.endsAt > m) ? x.endsAt : m), null);
  let status: AgencyStatus = agency.status;
  const payload = { caseId: why.caseId, caseCode: why.caseCode, reason: why.reason, appeal: true };
  if (status === "REMOVED" || !suspensionEnd) {
    const next = nextStatus(status, { type: "REINSTATE", isDue: true });
    if (!next) return status;
    await tx.agency.update({
      where: { id: agencyId },
      data: { status: next, statusReason: null, suspendedUntil: null, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "agency",
      aggregateId: agencyId,
      fromState: status,
      event: "REINSTATE",
      toState: next,
      actorId,
      payload,
    });
    status = next;
  }
  if (suspensionEnd) {
    // Another suspension is still in force: the agency stays (or is again) suspended until it ends.
    if (status === "LISTED") {
      const next = nextStatus(status, { type: "SUSPEND", reason: why.reason, until: suspensionEnd, now });
      if (!next) return status;
      await tx.agency.update({ where: { id: agencyId }, data: { status: next, suspendedUntil: suspensionEnd, version: { increment: 1 } } });
      await appendAudit(tx, {
        aggregateType: "agency",
        aggregateId: agencyId,
        fromState: status,
        event: "SUSPEND",
        toState: next,
        actorId,
        payload: { ...payload, endsAt: suspensionEnd.toISOString(), remaining: true },
      });
      status = next;
    } else if (agency.suspendedUntil?.getTime() !== suspensionEnd.getTime()) {
      await tx.agency.update({ where: { id: agencyId }, data: { suspendedUntil: suspensionEnd, version: { increment: 1 } } });
    }
  }
  return status;
}

/**
 * Scheduler step: SUSPENDED agencies whose suspendedUntil has passed (database
 * clock) are LISTED again. Each is claimed FOR UPDATE SKIP LOCKED in its own
 * short transaction, so several app instances share the work and each agency
 * is reinstated once; at most `limit` per call.
 */
export async function reinstateDueSuspensions(db: Db, limit = 100): Promise<number> {
  let done = 0;
  let examined = 0;
  while (examined < limit) {
    const outcome = await db.$transaction(
      async (tx) => {
        const now = await dbNow(tx);
        const rows = await tx.$queryRaw<{ id: string; status: AgencyStatus; organizationId: string; suspendedUntil: Date }[]>`
        SELECT id, status, "organizationId", "suspendedUntil" FROM "Agency"
        WHERE status = 'SUSPENDED' AND "suspendedUntil" <= ${now}
        ORDER BY "suspendedUntil" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        const agency = rows[0];
        if (!agency) return "none" as const;
        // Sanctions are the source of truth: another suspension still in force
        // (the stored end lagging behind it) moves the end instead.
        const remaining = (await restrictionsInForce(tx, agency.id, now)).filter((x) => x.kind === "SUSPENSION");
        const later = remaining.reduce<Date | null>((m, x) => (x.endsAt && (!m || x.endsAt > m) ? x.endsAt : m), null);
        if (later && later > now) {
          await tx.agency.update({ where: { id: agency.id }, data: { suspendedUntil: later } });
          return "extended" as const;
        }
        const next = nextStatus(agency.status, { type: "REINSTATE", isDue: agency.suspendedUntil <= now });
        if (!next) return "skip" as const;
        await tx.agency.update({
          where: { id: agency.id },
          data: { status: next, statusReason: null, suspendedUntil: null, version: { increment: 1 } },
        });
        await appendAudit(tx, {
          aggregateType: "agency",
          aggregateId: agency.id,
          fromState: agency.status,
          event: "REINSTATE",
          toState: next,
          actorId: null,
          payload: { reason: "SUSPENSION_ENDED", suspendedUntil: agency.suspendedUntil.toISOString() },
        });
        await notify(tx, { orgId: agency.organizationId, kind: "CASE_SUSPENSION_ENDED", data: { agencyId: agency.id } });
        await recomputeCreditScore(tx, agency.id, now);
        return "done" as const;
      },
      { timeout: 30_000 },
    );
    if (outcome === "none") break;
    examined++;
    if (outcome === "done") done++;
  }
  return done;
}
