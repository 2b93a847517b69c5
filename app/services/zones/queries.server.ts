import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { dbNow } from "~/services/clock.server";
import { beijingToday, validOn } from "./data.server";

/**
 * Read models of the regional-assessment register (decision 036). Zones and their
 * results are public; a result's report is downloaded through its zone's page.
 */

/** Every zone with how many items a valid result covers today. */
export async function listZones(db: Db) {
  const today = beijingToday(await dbNow(db));
  const zones = await db.zone.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      boundary: true,
      results: { where: validOn(today), select: { itemId: true } },
    },
  });
  return zones.map(({ results, ...z }) => ({ ...z, coveredItems: new Set(results.map((r) => r.itemId)).size }));
}

/** One zone and its results, item by item (catalogue order), newest first; null when there is no such zone. */
export async function zoneDetail(db: Db, id: string) {
  if (!/^[0-9a-f-]{1,64}$/i.test(id)) return null;
  const today = beijingToday(await dbNow(db));
  const zone = await db.zone.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      boundary: true,
      createdAt: true,
      results: {
        orderBy: [{ item: { code: "asc" } }, { issuedOn: "desc" }, { id: "asc" }],
        select: {
          id: true,
          issuer: true,
          issuedOn: true,
          validUntil: true,
          conditions: true,
          item: { select: { code: true, name: true, nameEn: true } },
          document: { select: { originalName: true, size: true, sha256: true } },
        },
      },
    },
  });
  if (!zone) return null;
  return {
    ...zone,
    results: zone.results.map((r) => ({
      ...r,
      valid: r.issuedOn.getTime() <= today.getTime() && r.validUntil.getTime() >= today.getTime(),
    })),
  };
}

/** The report of one result of one zone, for anyone; null when there is none. */
export async function zoneResultFile(db: Db, zoneId: string, resultId: string) {
  if (!/^[0-9a-f-]{1,64}$/i.test(zoneId) || !/^[0-9a-f-]{1,64}$/i.test(resultId)) return null;
  const result = await db.zoneAssessment.findFirst({
    where: { id: resultId, zoneId },
    select: { document: { select: { storageKey: true, mime: true, originalName: true } } },
  });
  return result?.document ?? null;
}

/** The zones an enterprise may name as its project's zone. */
export async function zoneChoices(db: Db) {
  return db.zone.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}

/** Catalogue items a result may be recorded for (in force). */
export async function zoneItemChoices(db: Db) {
  return db.catalogueItem.findMany({
    where: { status: "IN_FORCE" },
    orderBy: { code: "asc" },
    select: { code: true, name: true, nameEn: true },
  });
}

export type ZoneSavings = {
  avoided: number;
  savedFen: string;
  items: { code: string; name: string; nameEn: string; avoided: number; medianFen: string | null; savedFen: string }[];
};

/**
 * Requests avoided by the register and the money they saved (decision 036): an avoided
 * request is an enterprise told, for an item and zone, that a valid result covers it
 * (ZoneExemption, once per enterprise, item and zone) that has not posted (or saved) a request
 * for that item and zone. Saved = avoided × the median awarded price (lower median,
 * the winning bid) of that item's completed requests; an item without any counts as 0.
 */
export async function zoneSavings(db: Db): Promise<ZoneSavings> {
  const avoided = await db.$queryRaw<{ itemId: string; n: number }[]>`
    SELECT e."itemId", COUNT(*)::int AS n
    FROM "ZoneExemption" e
    WHERE NOT EXISTS (
      SELECT 1 FROM "ServiceRequest" r
      WHERE r."enterpriseOrgId" = e."orgId" AND r."itemId" = e."itemId" AND r."zoneId" = e."zoneId")
    GROUP BY e."itemId"`;
  if (avoided.length === 0) return { avoided: 0, savedFen: "0", items: [] };
  const ids = avoided.map((a) => a.itemId);
  const [medians, items] = await Promise.all([
    db.$queryRaw<{ itemId: string; median: bigint }[]>`
      SELECT r."itemId", percentile_disc(0.5) WITHIN GROUP (ORDER BY b."amountFen") AS median
      FROM "ServiceRequest" r JOIN "Bid" b ON b.id = r."awardedBidId"
      WHERE r.status = 'COMPLETED' AND r."itemId" IN (${Prisma.join(ids)})
      GROUP BY r."itemId"`,
    db.catalogueItem.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true, nameEn: true } }),
  ]);
  const medianOf = new Map(medians.map((m) => [m.itemId, BigInt(m.median)]));
  const rows = avoided
    .map((a) => {
      const item = items.find((i) => i.id === a.itemId)!;
      const median = medianOf.get(a.itemId) ?? null;
      return {
        code: item.code,
        name: item.name,
        nameEn: item.nameEn,
        avoided: a.n,
        medianFen: median === null ? null : median.toString(),
        savedFen: ((median ?? 0n) * BigInt(a.n)).toString(),
      };
    })
    .sort((x, y) => x.code.localeCompare(y.code));
  return {
    avoided: rows.reduce((s, r) => s + r.avoided, 0),
    savedFen: rows.reduce((s, r) => s + BigInt(r.savedFen), 0n).toString(),
    items: rows,
  };
}
