import type { Db, Tx } from "~/db/client.server";
import { dbNow } from "~/services/clock.server";
import { DomainError } from "~/lib/errors";
import type { CredentialInput, PractitionerInput, ProfileInput } from "~/schemas/agency";
import { appendAudit } from "~/services/audit/audit.server";
import { removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { formatDate } from "~/lib/format";
import { admitIdentity } from "~/services/practitioners/roster.server";

export const MAX_PRACTITIONERS = 200;
export const MAX_CREDENTIALS = 100;

/** Who is acting: the logged-in agency user and their organization. */
export type Actor = { userId: string; orgId: string };

const notFound = () => new DomainError("AGENCY_NOT_FOUND", 404, "agencyProfile.errors.noAgency");

/** The agency of an organization, read inside the transaction (its status goes into the audit event). */
async function agencyOf(tx: Tx, orgId: string) {
  const agency = await tx.agency.findUnique({ where: { organizationId: orgId }, select: { id: true, status: true } });
  if (!agency) throw notFound();
  return agency;
}

function audit(tx: Tx, agency: { id: string; status: string }, actorId: string, event: string, payload: Record<string, unknown>) {
  return appendAudit(tx, {
    aggregateType: "agency",
    aggregateId: agency.id,
    fromState: agency.status,
    event,
    toState: agency.status,
    actorId,
    payload,
  });
}

/** YYYY-MM-DD in Beijing time. */
export function beijingDate(date: Date): string {
  return formatDate(date);
}

/**
 * Everything the self-service page shows. Validity is evaluated here, at read
 * time, against `now`: nothing stored says "expired".
 */
export async function getAgencyProfile(db: Db, orgId: string, at?: Date) {
  const now = at ?? (await dbNow(db));
  const agency = await db.agency.findUnique({
    where: { organizationId: orgId },
    select: {
      id: true,
      status: true,
      statusReason: true,
      suspendedUntil: true,
      entityType: true,
      introduction: true,
      organization: {
        select: { name: true, creditCode: true, regionCode: true, contactName: true, contactPhone: true, contactEmail: true },
      },
      practitioners: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, qualification: true, certificateNo: true, idMasked: true },
      },
      credentials: {
        orderBy: [{ validUntil: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          type: true,
          level: true,
          number: true,
          issuer: true,
          validUntil: true,
          verifiedAt: true,
          rejectedAt: true,
          rejectReason: true,
          document: { select: { id: true, originalName: true, mime: true, size: true } },
          items: {
            select: { item: { select: { id: true, code: true, name: true, nameEn: true, status: true } } },
            orderBy: { item: { code: "asc" } },
          },
        },
      },
    },
  });
  if (!agency) return null;
  return {
    ...agency,
    suspendedUntilDate: agency.suspendedUntil ? beijingDate(agency.suspendedUntil) : null,
    credentials: agency.credentials.map(({ items, verifiedAt, rejectedAt, rejectReason, ...c }) => ({
      ...c,
      validUntilDate: beijingDate(c.validUntil),
      expired: c.validUntil.getTime() < now.getTime(),
      // Decision 015: only a VERIFIED credential counts for bidding and the directory.
      verification: credentialVerification({ verifiedAt, rejectedAt }),
      rejectReason: rejectedAt ? rejectReason : null,
      items: items.map((i) => i.item),
    })),
  };
}

export type CredentialVerification = "VERIFIED" | "PENDING" | "REJECTED";

/** Where a credential stands with the regulator (a rejection is final for that submission). */
export function credentialVerification(c: { verifiedAt: Date | null; rejectedAt: Date | null }): CredentialVerification {
  if (c.rejectedAt) return "REJECTED";
  return c.verifiedAt ? "VERIFIED" : "PENDING";
}

/** Catalogue items a new credential may cover: those in force. */
export function listInForceItems(db: Db) {
  return db.catalogueItem.findMany({
    where: { status: "IN_FORCE" },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, nameEn: true },
  });
}

/** Contact details and introduction. Name and credit code are fixed after registration. */
export async function updateProfile(db: Db, actor: Actor, input: ProfileInput) {
  return db.$transaction(async (tx) => {
    const agency = await agencyOf(tx, actor.orgId);
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: actor.orgId },
      select: { contactName: true, contactPhone: true, contactEmail: true, agency: { select: { introduction: true } } },
    });
    await tx.organization.update({
      where: { id: actor.orgId },
      data: { contactName: input.contactName, contactPhone: input.contactPhone, contactEmail: input.contactEmail },
    });
    await tx.agency.update({ where: { id: agency.id }, data: { introduction: input.introduction } });
    const changed = [
      before.contactName !== input.contactName ? "contactName" : null,
      before.contactPhone !== input.contactPhone ? "contactPhone" : null,
      before.contactEmail !== input.contactEmail ? "contactEmail" : null,
      before.agency?.introduction !== input.introduction ? "introduction" : null,
    ].filter((k): k is string => k !== null);
    await audit(tx, agency, actor.userId, "UPDATE_PROFILE", {
      changed,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      contactEmail: input.contactEmail,
      introductionLength: input.introduction.length,
    });
  });
}

export async function addPractitioner(db: Db, actor: Actor, input: PractitionerInput) {
  return db.$transaction(async (tx) => {
    const agency = await agencyOf(tx, actor.orgId);
    if ((await tx.practitioner.count({ where: { agencyId: agency.id } })) >= MAX_PRACTITIONERS) {
      throw new DomainError("TOO_MANY_PRACTITIONERS", 409, "agencyProfile.errors.tooManyPractitioners", undefined, {
        max: MAX_PRACTITIONERS,
      });
    }
    // The ID number stops here (decision 035): only its HMAC and masked form are stored or audited.
    const { idNumber, ...fields } = input;
    const identity = await admitIdentity(tx, agency.id, idNumber, await dbNow(tx));
    const row = await tx.practitioner.create({ data: { agencyId: agency.id, ...fields, ...identity } });
    await audit(tx, agency, actor.userId, "ADD_PRACTITIONER", { practitionerId: row.id, ...fields, idMasked: identity.idMasked });
    return { id: row.id };
  });
}

export async function removePractitioner(db: Db, actor: Actor, practitionerId: string) {
  return db.$transaction(async (tx) => {
    const agency = await agencyOf(tx, actor.orgId);
    // Ownership is part of the where clause: another agency's id matches nothing.
    const row = await tx.practitioner.findFirst({ where: { id: practitionerId, agencyId: agency.id } });
    if (!row) throw new DomainError("PRACTITIONER_NOT_FOUND", 404, "agencyProfile.errors.notFound");
    await tx.practitioner.deleteMany({ where: { id: row.id, agencyId: agency.id } });
    await audit(tx, agency, actor.userId, "REMOVE_PRACTITIONER", {
      practitionerId: row.id,
      name: row.name,
      qualification: row.qualification,
      certificateNo: row.certificateNo,
      idMasked: row.idMasked,
    });
  });
}

/**
 * Adds a credential covering in-force catalogue items, with an optional scan
 * (stored via storeUpload, kind CREDENTIAL). The file is removed again if the
 * transaction fails. It is created unverified whatever the agency's status
 * (decision 015): the next approval verifies it, or — while LISTED or
 * SUSPENDED — a regulator does from /regulator/reviews#credentials. Until then
 * it covers nothing.
 */
export async function addCredential(db: Db, actor: Actor, input: CredentialInput, file?: File | null) {
  const stored: { key?: string } = {};
  try {
    return await db.$transaction(async (tx) => {
      const agency = await agencyOf(tx, actor.orgId);
      if ((await tx.credential.count({ where: { agencyId: agency.id } })) >= MAX_CREDENTIALS) {
        throw new DomainError("TOO_MANY_CREDENTIALS", 409, "agencyProfile.errors.tooManyCredentials", undefined, { max: MAX_CREDENTIALS });
      }
      const items = await tx.catalogueItem.findMany({
        where: { id: { in: input.itemIds }, status: "IN_FORCE" },
        select: { id: true, code: true },
      });
      if (items.length !== input.itemIds.length) {
        throw new DomainError("ITEM_NOT_IN_FORCE", 400, "agencyProfile.errors.itemNotInForce", "itemIds");
      }
      const document = file
        ? await storeUpload(tx, { file, ownerOrgId: actor.orgId, kind: "CREDENTIAL", uploadedById: actor.userId })
        : null;
      if (document) stored.key = document.storageKey;
      const credential = await tx.credential.create({
        data: {
          agencyId: agency.id,
          type: input.type,
          level: input.level,
          number: input.number,
          issuer: input.issuer,
          validUntil: input.validUntil,
          documentId: document?.id ?? null,
          items: { create: items.map((i) => ({ itemId: i.id })) },
        },
      });
      await audit(tx, agency, actor.userId, "ADD_CREDENTIAL", {
        credentialId: credential.id,
        type: input.type,
        level: input.level,
        number: input.number,
        issuer: input.issuer,
        validUntil: input.validUntil.toISOString(),
        items: items.map((i) => i.code).sort(),
        document: document ? { id: document.id, sha256: document.sha256, mime: document.mime, size: document.size } : null,
      });
      return { credential, document };
    });
  } catch (error) {
    if (stored.key) await removeStoredFile(stored.key).catch(() => undefined);
    throw error;
  }
}

/**
 * Removes a credential. Its scan (if any) is kept as evidence of what was
 * submitted — the audit event names it by id and hash — and stays readable to
 * the agency and regulators only.
 */
export async function removeCredential(db: Db, actor: Actor, credentialId: string) {
  return db.$transaction(async (tx) => {
    const agency = await agencyOf(tx, actor.orgId);
    const row = await tx.credential.findFirst({
      where: { id: credentialId, agencyId: agency.id },
      include: { items: { select: { item: { select: { code: true } } } }, document: { select: { id: true, sha256: true } } },
    });
    if (!row) throw new DomainError("CREDENTIAL_NOT_FOUND", 404, "agencyProfile.errors.notFound");
    await tx.credential.deleteMany({ where: { id: row.id, agencyId: agency.id } });
    await audit(tx, agency, actor.userId, "REMOVE_CREDENTIAL", {
      credentialId: row.id,
      type: row.type,
      level: row.level,
      number: row.number,
      issuer: row.issuer,
      validUntil: row.validUntil.toISOString(),
      items: row.items.map((i) => i.item.code).sort(),
      document: row.document,
    });
  });
}
