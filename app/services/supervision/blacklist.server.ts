import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";

type Client = Db | Prisma.TransactionClient;

/**
 * A sanction in force at `now` (database clock): started, not yet ended, not
 * revoked on appeal. The one definition used by eligibility, listing, the
 * supervision effects and the public disclosure.
 */
export function inForceWhere(now: Date): Prisma.SanctionWhereInput {
  return { revokedAt: null, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
}

/** inForceWhere as an SQL condition on the Sanction row `alias`, for raw statements (the bid's eligibility check). */
export function inForceSql(alias: string, now: Date): Prisma.Sql {
  const s = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${s}."revokedAt" IS NULL AND ${s}."startsAt" <= ${now} AND (${s}."endsAt" IS NULL OR ${s}."endsAt" > ${now})`;
}

/**
 * The blacklist entry (严重失信名单) in force for an agency at `now` (database
 * clock), or null. In force = started, not yet ended, not revoked on appeal.
 * While one is in force the agency cannot be listed, re-apply or bid.
 */
export function blacklistInForce(client: Client, agencyId: string, now: Date) {
  return client.sanction.findFirst({
    where: { agencyId, kind: "BLACKLIST", ...inForceWhere(now) },
    orderBy: { endsAt: { sort: "desc", nulls: "first" } },
    select: { id: true, startsAt: true, endsAt: true, reason: true },
  });
}

export async function isBlacklisted(client: Client, agencyId: string, now: Date): Promise<boolean> {
  return (await blacklistInForce(client, agencyId, now)) !== null;
}
