import type { Db } from "~/db/client.server";
import { dbNow } from "~/services/clock.server";
import { recomputeCreditScore } from "~/services/credit/recompute.server";

/**
 * Scheduler step: recompute credit scores whose inputs changed by the mere
 * passing of time since they were stored (docs/decisions/013-credit-recompute.md).
 *
 * Formula 1.1 has exactly three such inputs. The ratings component does not:
 * every weight halves at the same rate, so their ratios — and the weighted
 * mean — stay put between events.
 *  - an upheld objection stops counting two years (730 days) after its decision;
 *  - a removal or blacklist entry starts or ends being in force (the score is 0 while it is);
 *  - (1.1) a failing inspection result stops counting two years after its publication.
 * An agency is due when such an instant lies after its creditUpdatedAt and at
 * or before now (database clock). It is claimed with FOR NO KEY UPDATE SKIP
 * LOCKED, so several app instances share the work; recomputing stores
 * creditUpdatedAt = now, which takes it out of the set (idempotent: a second
 * recomputation gives the same result).
 */
export async function recomputeTimeDependentCreditScores(db: Db, limit = 100): Promise<number> {
  let done = 0;
  for (let i = 0; i < limit; i++) {
    const id = await db.$transaction(
      async (tx) => {
        const now = await dbNow(tx);
        const rows = await tx.$queryRaw<{ id: string }[]>`
          SELECT a.id FROM "Agency" a
          WHERE a.id IN (
            SELECT s."agencyId" FROM "Sanction" s JOIN "Agency" x ON x.id = s."agencyId"
            WHERE s."revokedAt" IS NULL AND s.kind IN ('REMOVAL', 'BLACKLIST')
              AND ((s."endsAt" <= ${now} AND s."endsAt" > COALESCE(x."creditUpdatedAt", '-infinity'::timestamp))
                OR (s."startsAt" <= ${now} AND s."startsAt" > COALESCE(x."creditUpdatedAt", '-infinity'::timestamp)))
            UNION
            SELECT b."agencyId" FROM "Objection" o
            JOIN "Bid" b ON b."requestId" = o."requestId" AND b.status = 'INVALIDATED' AND b."invalidReason" = 'OBJECTION_UPHELD'
            JOIN "Agency" x ON x.id = b."agencyId"
            WHERE o.status = 'UPHELD'
              AND o."decidedAt" + interval '730 days' <= ${now}
              AND o."decidedAt" + interval '730 days' > COALESCE(x."creditUpdatedAt", '-infinity'::timestamp)
            UNION
            SELECT i."agencyId" FROM "Inspection" i JOIN "Agency" x ON x.id = i."agencyId"
            WHERE i.status = 'PUBLISHED' AND i.outcome = 'FAIL'
              AND i."publishedAt" + interval '730 days' <= ${now}
              AND i."publishedAt" + interval '730 days' > COALESCE(x."creditUpdatedAt", '-infinity'::timestamp))
          ORDER BY a.id LIMIT 1 FOR NO KEY UPDATE OF a SKIP LOCKED`;
        const row = rows[0];
        if (!row) return null;
        await recomputeCreditScore(tx, row.id, now);
        return row.id;
      },
      { timeout: 30_000 },
    );
    if (!id) break;
    done++;
  }
  return done;
}
