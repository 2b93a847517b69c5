/**
 * The zone module's row locks and shared queries (区域评估, decision 036). Lock
 * order: the zone row, then (when posting) nothing else of this module — a
 * result is recorded under its zone's lock, so two regulators recording
 * results for one zone queue on it.
 */
import type { Db, Tx } from "~/db/client.server";
import { DomainError } from "~/lib/errors";

export const zoneNotFound = () => new DomainError("NOT_FOUND", 404, "zones.errors.notFound");

export type LockedZone = { id: string; code: string; name: string };

export async function lockZone(tx: Tx, zoneId: string): Promise<LockedZone> {
  const rows = await tx.$queryRaw<LockedZone[]>`SELECT id, code, name FROM "Zone" WHERE id = ${zoneId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw zoneNotFound();
  return row;
}

/** Today's Beijing calendar date as PostgreSQL's DATE reads it (00:00 UTC of that date). */
export function beijingToday(now: Date): Date {
  return new Date(`${new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00.000Z`);
}

/** A result is valid from its issue date through its last day, both Beijing dates, inclusive. */
export function validOn(today: Date) {
  return { issuedOn: { lte: today }, validUntil: { gte: today } };
}

/** The result that covers this item for this zone today (the one valid longest), or null. */
export async function coveringResult(db: Db | Tx, zoneId: string, itemId: string, today: Date) {
  return db.zoneAssessment.findFirst({
    where: { zoneId, itemId, ...validOn(today) },
    orderBy: [{ validUntil: "desc" }, { id: "asc" }],
    select: { id: true, issuer: true, issuedOn: true, validUntil: true, documentId: true },
  });
}
