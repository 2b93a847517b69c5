import type { Db } from "~/db/client.server";
import { dbNow } from "~/services/clock.server";
import { notifyExemptionExpired } from "~/services/navigator/fanout.server";
import { beijingToday, coveringResult } from "./data.server";

/**
 * The end of a regional-assessment result (decision 041). A result covers its item
 * for its zone through its last valid date, Beijing time (decision 036): from
 * 00:00 Beijing time of the next day — the database clock — the item is no longer
 * exempt there, and each followed project in the zone whose list holds the item is
 * told (decision 039), unless another result of the zone still covers the item.
 *
 * Run by the scheduler on every instance. Once per result: a zone with due results
 * is claimed with FOR UPDATE SKIP LOCKED (the lock a result is recorded under, so
 * recording and expiring queue on it), its due results are marked handled and the
 * notices written in one transaction — a second pass, here or on another instance,
 * finds nothing due. Two results of one item ending together make one notice.
 */
export async function notifyExpiredZoneResults(db: Db, limit = 100): Promise<number> {
  let told = 0;
  for (let zones = 0; zones < limit; zones++) {
    const outcome = await db.$transaction(
      async (tx) => {
        const now = await dbNow(tx);
        const today = beijingToday(now);
        // The date as text: a timestamp cast to a date would read it in the session's time zone.
        const day = today.toISOString().slice(0, 10);
        const claimed = await tx.$queryRaw<{ id: string; code: string; name: string }[]>`
          SELECT z.id, z.code, z.name FROM "Zone" z
          WHERE EXISTS (SELECT 1 FROM "ZoneAssessment" a
                        WHERE a."zoneId" = z.id AND a."expiryHandledAt" IS NULL AND a."validUntil" < ${day}::date)
          ORDER BY z.id LIMIT 1 FOR UPDATE OF z SKIP LOCKED`;
        const zone = claimed[0];
        if (!zone) return null;
        // Read after the zone's lock: what another instance handled before it let go is seen as handled.
        const due = await tx.zoneAssessment.findMany({
          where: { zoneId: zone.id, expiryHandledAt: null, validUntil: { lt: today } },
          select: { id: true, validUntil: true, item: { select: { id: true, code: true, name: true, status: true } } },
        });
        await tx.zoneAssessment.updateMany({ where: { id: { in: due.map((r) => r.id) } }, data: { expiryHandledAt: now } });
        const ended = new Map<string, (typeof due)[number]>();
        for (const r of due) {
          const seen = ended.get(r.item.id);
          if (!seen || r.validUntil > seen.validUntil) ended.set(r.item.id, r);
        }
        let n = 0;
        for (const r of ended.values()) {
          // Still exempt by another result, or no longer in the catalogue: the project's list does not change.
          if (r.item.status !== "IN_FORCE" || (await coveringResult(tx, zone.id, r.item.id, today))) continue;
          n += await notifyExemptionExpired(tx, zone, r.item, r.validUntil.toISOString().slice(0, 10));
        }
        return n;
      },
      { timeout: 30_000 },
    );
    if (outcome === null) break;
    told += outcome;
  }
  return told;
}
