import type { Db } from "~/db/client.server";
import { decide, initialStateOf } from "~/machines/apply";
import { practitionerSanctionMachine } from "~/machines/practitioner-sanction.machine";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import type { PractitionerSanctionInput } from "~/schemas/practitioner";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { lockPractitioner, lockPractitionerSanction, sanctionNotFound } from "./data.server";

const DAY_MS = 86_400_000;

function endOf(kind: PractitionerSanctionInput["kind"], now: Date, input: PractitionerSanctionInput): Date | null {
  if (kind === "SUSPENSION") return new Date(now.getTime() + input.days! * DAY_MS);
  if (kind === "BLACKLIST") {
    const end = new Date(now);
    end.setUTCFullYear(end.getUTCFullYear() + input.years!);
    return end;
  }
  return null;
}

/**
 * The regulator sanctions a practitioner on an agency's roster (row 80, decision 035): a
 * PractitionerSanction IN_FORCE from now, keyed by the person's identity so it follows them to any
 * agency. Identity lock → roster row → machine → write → audit (no ID number, no HMAC) → notify
 * the agency, in one transaction.
 */
export async function sanctionPractitioner(db: Db, user: SessionUser, practitionerId: string, input: PractitionerSanctionInput) {
  if (user.role !== "REGULATOR") throw new DomainError("FORBIDDEN", 403, "errors.regulatorOnly");
  return db.$transaction(async (tx) => {
    const p = await lockPractitioner(tx, practitionerId);
    if (!p.idHash || !p.idMasked) throw new DomainError("NO_IDENTITY", 409, "practitioners.errors.noIdentity");
    const now = await dbNow(tx);
    const agency = await tx.agency.findUnique({
      where: { id: p.agencyId },
      select: { organizationId: true, organization: { select: { name: true } } },
    });
    const regulator = user.organizationId
      ? await tx.organization.findUnique({ where: { id: user.organizationId }, select: { name: true } })
      : null;
    const status = initialStateOf(practitionerSanctionMachine);
    const endsAt = endOf(input.kind, now, input);
    const sanction = await tx.practitionerSanction.create({
      data: {
        idHash: p.idHash,
        idMasked: p.idMasked,
        name: p.name,
        practitionerId: p.id,
        agencyId: p.agencyId,
        agencyName: agency?.organization.name ?? null,
        kind: input.kind,
        status,
        reason: input.reason,
        legalBasis: input.legalBasis,
        evidence: input.evidence,
        authority: regulator?.name ?? user.organizationName ?? "行业主管部门",
        decidedById: user.id,
        startsAt: now,
        endsAt,
        createdAt: now,
      },
    });
    await appendAudit(tx, {
      aggregateType: "practitionerSanction",
      aggregateId: sanction.id,
      fromState: null,
      event: "IMPOSE",
      toState: status,
      actorId: user.id,
      payload: {
        practitionerId: p.id,
        agencyId: p.agencyId,
        name: p.name,
        idMasked: p.idMasked,
        kind: input.kind,
        days: input.days,
        years: input.years,
        startsAt: now.toISOString(),
        endsAt: endsAt?.toISOString() ?? null,
        reason: input.reason,
        legalBasis: input.legalBasis,
        evidence: input.evidence,
      },
    });
    if (agency) await notify(tx, { orgId: agency.organizationId, kind: "PRACTITIONER_SANCTIONED", data: { name: p.name } });
    return sanction;
  });
}

/**
 * The regulator revokes a sanction (撤销) with a published reason; the entry stays public, marked
 * revoked. From a practitioner's page (`practitionerId`), the sanction must be on that person.
 */
export async function revokePractitionerSanction(
  db: Db,
  user: SessionUser,
  sanctionId: string,
  reason: string,
  from?: { practitionerId: string },
) {
  if (user.role !== "REGULATOR") throw new DomainError("FORBIDDEN", 403, "errors.regulatorOnly");
  return db.$transaction(async (tx) => {
    const s = await lockPractitionerSanction(tx, sanctionId);
    if (from) {
      const person = await tx.practitioner.findUnique({ where: { id: from.practitionerId }, select: { idHash: true } });
      if (!person || person.idHash !== s.idHash) throw sanctionNotFound();
    }
    const verdict = decide(practitionerSanctionMachine, s.status, { type: "REVOKE", reason });
    if (!verdict.ok) throw new DomainError("ALREADY_REVOKED", 409, "practitioners.errors.alreadyRevoked", "sanctionId");
    const now = await dbNow(tx);
    await tx.practitionerSanction.update({
      where: { id: s.id },
      data: { status: verdict.to, revokedAt: now, revokedReason: reason },
    });
    await appendAudit(tx, {
      aggregateType: "practitionerSanction",
      aggregateId: s.id,
      fromState: s.status,
      event: "REVOKE",
      toState: verdict.to,
      actorId: user.id,
      payload: { kind: s.kind, reason, endsAt: s.endsAt?.toISOString() ?? null },
    });
  });
}
