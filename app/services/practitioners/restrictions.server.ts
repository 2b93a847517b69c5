import type { Db, Tx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";

type Client = Db | Tx;

/** A practitioner sanction in force at `now` (database clock): not revoked, started, not yet ended. */
export function inForceWhere(now: Date): Prisma.PractitionerSanctionWhereInput {
  return { status: "IN_FORCE", startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
}

/** The kinds that bar a person from any roster and from signing a deliverable while in force. */
export const BARRING_KINDS = ["SUSPENSION", "BLACKLIST"] as const;

/**
 * The barring sanctions in force on these identities, one per identity (the BLACKLIST first, then
 * the one ending last). Callers hold the identity locks when they act on the answer.
 */
export async function barringSanctions(client: Client, idHashes: string[], now: Date) {
  if (idHashes.length === 0) return new Map<string, { kind: "SUSPENSION" | "BLACKLIST"; endsAt: Date | null }>();
  const rows = await client.practitionerSanction.findMany({
    where: { idHash: { in: idHashes }, kind: { in: [...BARRING_KINDS] }, ...inForceWhere(now) },
    orderBy: [{ kind: "desc" }, { endsAt: { sort: "desc", nulls: "first" } }],
    select: { idHash: true, kind: true, endsAt: true },
  });
  const byIdentity = new Map<string, { kind: "SUSPENSION" | "BLACKLIST"; endsAt: Date | null }>();
  for (const r of rows) {
    if (!byIdentity.has(r.idHash)) byIdentity.set(r.idHash, { kind: r.kind as "SUSPENSION" | "BLACKLIST", endsAt: r.endsAt });
  }
  return byIdentity;
}
