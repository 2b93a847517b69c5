import type { Db, Tx } from "~/db/client.server";
import { decide } from "~/machines/apply";
import { practitionerSanctionMachine } from "~/machines/practitioner-sanction.machine";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { notifyRegulators } from "~/services/requests/commands/common.server";
import { lockPractitionerSanction, sanctionNotFound } from "./data.server";

/** 申诉/复核 of a practitioner sanction (decision 040): days from the decision within which the agency may object. */
export const OBJECTION_WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;

/**
 * The agencies concerned by a sanction: the one whose roster the person was on when sanctioned, and
 * the one whose roster the person is on now (matched by identity, never shown).
 */
async function concernedAgencyIds(db: Db | Tx, s: { agencyId: string | null; idHash: string }) {
  const current = await db.practitioner.findFirst({ where: { idHash: s.idHash }, select: { agencyId: true } });
  return new Set([s.agencyId, current?.agencyId].filter((x): x is string => !!x));
}

/**
 * The agency concerned objects (申诉) once, within 60 days of the decision, with a reason: the
 * sanction stays in force while the regulator reviews it. Lock → facts → machine (OBJECT) → write
 * → audit → notify the regulators, in one transaction. Another agency is told the sanction does
 * not exist for it (404), as a sanction on someone else's staff is none of its business.
 */
export async function objectToPractitionerSanction(db: Db, user: SessionUser, sanctionId: string, reason: string) {
  if (user.role !== "AGENCY" || !user.organizationId) throw new DomainError("FORBIDDEN", 403, "practitioners.errors.agencyOnly");
  return db.$transaction(async (tx) => {
    const agency = await tx.agency.findUnique({ where: { organizationId: user.organizationId! }, select: { id: true } });
    const s = await lockPractitionerSanction(tx, sanctionId);
    const row = await tx.practitionerSanction.findUniqueOrThrow({
      where: { id: s.id },
      select: { agencyId: true, idHash: true, name: true, startsAt: true, createdAt: true },
    });
    if (!agency || !(await concernedAgencyIds(tx, row)).has(agency.id)) throw sanctionNotFound();
    const now = await dbNow(tx);
    const hasObjection = (await tx.practitionerSanctionObjection.count({ where: { sanctionId: s.id } })) > 0;
    const isWithinWindow = now.getTime() <= row.createdAt.getTime() + OBJECTION_WINDOW_DAYS * DAY_MS;
    const verdict = decide(practitionerSanctionMachine, s.status, { type: "OBJECT", hasObjection, isWithinWindow, reason });
    if (!verdict.ok) {
      if (s.status === "REVOKED") throw new DomainError("ALREADY_REVOKED", 409, "practitioners.errors.alreadyRevoked", "sanctionId");
      if (hasObjection) throw new DomainError("ALREADY_OBJECTED", 409, "practitioners.errors.alreadyObjected", "sanctionId");
      if (!isWithinWindow)
        throw new DomainError("TOO_LATE", 409, "practitioners.errors.objectionTooLate", "sanctionId", { days: OBJECTION_WINDOW_DAYS });
      throw new DomainError("REASON", 400, "errors.required", "objectionReason");
    }
    await tx.practitionerSanctionObjection.create({
      data: { sanctionId: s.id, agencyId: agency.id, filedById: user.id, reason, filedAt: now },
    });
    await appendAudit(tx, {
      aggregateType: "practitionerSanction",
      aggregateId: s.id,
      fromState: s.status,
      event: "OBJECT",
      toState: verdict.to,
      actorId: user.id,
      payload: { agencyId: agency.id, reason },
    });
    await notifyRegulators(tx, "PRACTITIONER_SANCTION_OBJECTED", { name: row.name });
  });
}

/**
 * The regulator decides an objection under review (复核): UPHELD (the sanction stands) or REVOKED
 * (the sanction is revoked, published with the reason), through the machine, audited, and told to
 * the objecting agency.
 */
export async function decidePractitionerObjection(
  db: Db,
  user: SessionUser,
  sanctionId: string,
  outcome: "UPHELD" | "REVOKED",
  reason: string,
) {
  if (user.role !== "REGULATOR") throw new DomainError("FORBIDDEN", 403, "errors.regulatorOnly");
  return db.$transaction(async (tx) => {
    const s = await lockPractitionerSanction(tx, sanctionId);
    const objection = await tx.practitionerSanctionObjection.findUnique({ where: { sanctionId: s.id } });
    const isUnderReview = !!objection && objection.outcome === null;
    const verdict = decide(practitionerSanctionMachine, s.status, {
      type: outcome === "UPHELD" ? "UPHOLD" : "REVIEW_REVOKE",
      isUnderReview,
      reason,
    });
    if (!verdict.ok) {
      if (!isUnderReview) throw new DomainError("NOT_UNDER_REVIEW", 409, "practitioners.errors.notUnderReview", "sanctionId");
      throw new DomainError("REASON", 400, "errors.required", "decisionReason");
    }
    const now = await dbNow(tx);
    await tx.practitionerSanctionObjection.update({
      where: { sanctionId: s.id },
      data: { outcome, decisionReason: reason, decidedById: user.id, decidedAt: now },
    });
    if (verdict.to !== s.status)
      await tx.practitionerSanction.update({
        where: { id: s.id },
        data: { status: verdict.to, revokedAt: now, revokedReason: reason },
      });
    await appendAudit(tx, {
      aggregateType: "practitionerSanction",
      aggregateId: s.id,
      fromState: s.status,
      event: outcome === "UPHELD" ? "UPHOLD" : "REVIEW_REVOKE",
      toState: verdict.to,
      actorId: user.id,
      payload: { outcome, reason, objectionFiledAt: objection!.filedAt.toISOString() },
    });
    const agency = await tx.agency.findUnique({ where: { id: objection!.agencyId }, select: { organizationId: true } });
    const row = await tx.practitionerSanction.findUniqueOrThrow({ where: { id: s.id }, select: { name: true } });
    if (agency) await notify(tx, { orgId: agency.organizationId, kind: `PRACTITIONER_OBJECTION_${outcome}`, data: { name: row.name } });
  });
}

/** Whether this agency user may object to the sanction: the agency concerned (for the forms). */
export async function concernsAgency(db: Db, agencyId: string, s: { agencyId: string | null; idHash: string }) {
  return (await concernedAgencyIds(db, s)).has(agencyId);
}
