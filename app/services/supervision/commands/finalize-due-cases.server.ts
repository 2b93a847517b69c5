import { decide } from "~/machines/apply";
import { caseMachine } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";

/**
 * Scheduler step: DECIDED cases whose appeal window is over (database clock)
 * become FINAL. Claimed FOR UPDATE SKIP LOCKED one at a time; the case row is
 * the only lock taken (no effects), so the agency-first order is not at stake.
 */
export async function finalizeDueCases(db: Db, limit = 100): Promise<number> {
  let done = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.$transaction(
      async (tx) => {
        const now = await dbNow(tx);
        const rows = await tx.$queryRaw<{ id: string; code: string; status: CaseStatus; appealEndsAt: Date }[]>`
        SELECT id, code, status, "appealEndsAt" FROM "SupervisionCase"
        WHERE status = 'DECIDED' AND "appealEndsAt" <= ${now}
        ORDER BY "appealEndsAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        const c = rows[0];
        if (!c) return "none" as const;
        const r = decide(caseMachine, c.status, { type: "FINALIZE", isWindowOver: now >= c.appealEndsAt });
        if (!r.ok) return "none" as const;
        await tx.supervisionCase.update({ where: { id: c.id }, data: { status: r.to, finalizedAt: now, version: { increment: 1 } } });
        await appendAudit(tx, {
          aggregateType: "case",
          aggregateId: c.id,
          fromState: c.status,
          event: "FINALIZE",
          toState: r.to,
          actorId: null,
          payload: { appealEndsAt: c.appealEndsAt.toISOString() },
        });
        return "done" as const;
      },
      { timeout: 30_000 },
    );
    if (outcome === "none") break;
    done++;
  }
  return done;
}
