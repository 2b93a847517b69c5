/**
 * The practitioner module's locks. Lock order: a request (delivery) or an agency's own rows first,
 * then identity locks in ascending idHash order, then the practitioner or sanction row. An identity
 * lock serializes everything that decides on one person: adding them to a roster (unique idHash),
 * sanctioning them, a delivery they sign. So a blacklisting and a concurrent add or signature
 * cannot both succeed against the old state.
 */
import type { Tx } from "~/db/client.server";
import type { PractitionerSanctionKind, PractitionerSanctionStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";

export const practitionerNotFound = () => new DomainError("NOT_FOUND", 404, "practitioners.errors.notFound");
export const sanctionNotFound = () => new DomainError("NOT_FOUND", 404, "practitioners.errors.sanctionNotFound", "sanctionId");

export async function lockIdentities(tx: Tx, idHashes: string[]): Promise<void> {
  for (const h of [...new Set(idHashes)].sort()) {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`practitioner-identity:${h}`}))) AS l`;
  }
}

export type LockedPractitioner = {
  id: string;
  agencyId: string;
  name: string;
  qualification: string;
  certificateNo: string | null;
  idHash: string | null;
  idMasked: string | null;
};

/** The identity lock, then the roster row. */
export async function lockPractitioner(tx: Tx, practitionerId: string): Promise<LockedPractitioner> {
  const peek = await tx.practitioner.findUnique({ where: { id: practitionerId }, select: { idHash: true } });
  if (!peek) throw practitionerNotFound();
  if (peek.idHash) await lockIdentities(tx, [peek.idHash]);
  const rows = await tx.$queryRaw<LockedPractitioner[]>`
    SELECT id, "agencyId", name, qualification, "certificateNo", "idHash", "idMasked"
    FROM "Practitioner" WHERE id = ${practitionerId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw practitionerNotFound();
  return row;
}

export type LockedSanction = {
  id: string;
  idHash: string;
  kind: PractitionerSanctionKind;
  status: PractitionerSanctionStatus;
  endsAt: Date | null;
};

/** The identity lock, then the sanction row. */
export async function lockPractitionerSanction(tx: Tx, sanctionId: string): Promise<LockedSanction> {
  const peek = await tx.practitionerSanction.findUnique({ where: { id: sanctionId }, select: { idHash: true } });
  if (!peek) throw sanctionNotFound();
  await lockIdentities(tx, [peek.idHash]);
  const rows = await tx.$queryRaw<LockedSanction[]>`
    SELECT id, "idHash", kind, status, "endsAt" FROM "PractitionerSanction" WHERE id = ${sanctionId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw sanctionNotFound();
  return row;
}
