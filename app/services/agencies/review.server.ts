import { decide } from "~/machines/apply";
import { agencyMachine, type AgencyEvent } from "~/machines/agency.machine";
import type { Db, Tx } from "~/db/client.server";
import type { AgencyStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { verifyOnApproval } from "~/services/agencies/data.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { inForceWhere, isBlacklisted as isBlacklistedAt } from "~/services/supervision/blacklist.server";
import { lockAgency } from "~/services/agencies/data.server";

/**
 * Facts the machine's guards need, read inside the same transaction. A credential
 * the regulator refused (不予认可) does not make an agency listable; an undecided
 * one does, because the approval verifies it (verifyOnApproval).
 */
async function hasValidCredential(tx: Tx, agencyId: string): Promise<boolean> {
  const count = await tx.credential.count({
    where: { agencyId, rejectedAt: null, validUntil: { gt: await dbNow(tx) }, items: { some: {} } },
  });
  return count > 0;
}

type Decision = { agencyId: string; actorId: string; reason?: string; expectedVersion?: number };

/** Runs after the transition, in its transaction; what it returns is added to the audit payload. */
type AfterTransition = (tx: Tx, agencyId: string) => Promise<Record<string, unknown>>;

async function applyReviewEvent(db: Db, d: Decision, build: (tx: Tx) => Promise<AgencyEvent>, notice: string, after?: AfterTransition) {
  return db.$transaction(async (tx) => {
    const agency = await lockAgency(tx, d.agencyId);
    // The form carries the version it was rendered with: a decision taken on a
    // stale page (someone else decided meanwhile) is refused, not re-applied.
    if (d.expectedVersion !== undefined && agency.version !== d.expectedVersion) {
      throw new DomainError("STALE", 409, "review.errors.conflict");
    }
    const event = await build(tx);
    const result = decide(agencyMachine, agency.status, event);
    if (!result.ok) {
      if (event.type === "APPROVE" && agency.status === "APPLIED") {
        throw new DomainError("NOT_LISTABLE", 422, event.isBlacklisted ? "review.errors.blacklisted" : "review.errors.noValidCredential");
      }
      if (event.type === "REAPPLY" && event.isBlacklisted) throw new DomainError("BLACKLISTED", 422, "review.errors.blacklisted");
      throw new DomainError("INVALID_TRANSITION", 409, "review.errors.conflict");
    }
    const to: AgencyStatus = result.to;
    await tx.agency.update({
      where: { id: agency.id },
      data: {
        status: to,
        statusReason: d.reason?.trim() || null,
        version: { increment: 1 },
        ...(to === "LISTED" ? { listedAt: await dbNow(tx) } : {}),
      },
    });
    const extra = after ? await after(tx, agency.id) : {};
    await appendAudit(tx, {
      aggregateType: "agency",
      aggregateId: agency.id,
      fromState: agency.status,
      event: event.type,
      toState: to,
      actorId: d.actorId,
      payload: { reason: d.reason?.trim() ?? null, ...extra },
    });
    await notify(tx, { orgId: agency.organizationId, kind: notice, data: { reason: d.reason?.trim() ?? null } });
    return { from: agency.status, to };
  });
}

/** A blacklist entry in force (database clock) blocks listing and re-applying. */
async function isBlacklisted(tx: Tx, agencyId: string): Promise<boolean> {
  return isBlacklistedAt(tx, agencyId, await dbNow(tx));
}

/**
 * A suspension decided while the agency was out of the directory (exited,
 * rejected, applying) still runs: the agency is not listed before it ends.
 */
async function suspensionInForce(tx: Tx, agencyId: string): Promise<boolean> {
  const now = await dbNow(tx);
  const found = await tx.sanction.findFirst({ where: { agencyId, kind: "SUSPENSION", ...inForceWhere(now) }, select: { id: true } });
  return found !== null;
}

export function approveAgency(db: Db, d: Decision) {
  return applyReviewEvent(
    db,
    d,
    async (tx) => {
      if (await suspensionInForce(tx, d.agencyId)) throw new DomainError("SUSPENDED", 422, "review.errors.suspended");
      return {
        type: "APPROVE",
        hasValidCredential: await hasValidCredential(tx, d.agencyId),
        isBlacklisted: await isBlacklisted(tx, d.agencyId),
      };
    },
    "AGENCY_APPROVED",
    // The reviewer has just seen the credentials: approval verifies them (decision 015).
    async (tx, agencyId) => ({ verifiedCredentials: await verifyOnApproval(tx, agencyId, d.actorId) }),
  );
}

export function rejectAgency(db: Db, d: Decision & { reason: string }) {
  if (!d.reason.trim()) throw new DomainError("REASON_REQUIRED", 400, "errors.required", "reason");
  return applyReviewEvent(db, d, async () => ({ type: "REJECT", reason: d.reason }), "AGENCY_REJECTED");
}

export function reapplyAgency(db: Db, d: Decision) {
  return applyReviewEvent(
    db,
    d,
    async (tx) => ({ type: "REAPPLY", isBlacklisted: await isBlacklisted(tx, d.agencyId) }),
    "AGENCY_REAPPLIED",
  );
}

/** The review queue: applications with everything a reviewer needs to decide. */
export function reviewQueue(db: Db) {
  return db.agency.findMany({
    where: { status: "APPLIED" },
    orderBy: { updatedAt: "asc" },
    select: {
      id: true,
      version: true,
      entityType: true,
      introduction: true,
      updatedAt: true,
      organization: {
        select: { name: true, creditCode: true, regionCode: true, contactName: true, contactPhone: true, contactEmail: true },
      },
      practitioners: { select: { id: true, name: true, qualification: true, certificateNo: true } },
      credentials: {
        orderBy: { validUntil: "desc" },
        select: {
          id: true,
          type: true,
          level: true,
          number: true,
          issuer: true,
          validUntil: true,
          documentId: true,
          verifiedAt: true,
          rejectedAt: true,
          rejectReason: true,
          items: { select: { item: { select: { code: true, name: true } } } },
        },
      },
    },
  });
}
