import { getDb } from "~/db/client.server";
import { checkpointIfDue } from "~/services/audit/audit.server";
import { notifyOverdueRequests, notifyPublicityEnded } from "~/services/requests/award-scheduler.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { finalizeDueCases } from "~/services/supervision/commands/finalize-due-cases.server";
import { reinstateDueSuspensions } from "~/services/supervision/effects.server";
import { recomputeTimeDependentCreditScores } from "~/services/ratings/credit-refresh.server";

/**
 * The in-app scheduler. It holds no business deadline in memory: it polls the
 * database for work that is due by the database clock (bidding closed,
 * publicity over, suspension ended) and claims each item with row locks
 * (FOR UPDATE SKIP LOCKED), so every instance may run it and each item is
 * handled exactly once. It also takes the hourly audit checkpoint. Missing a tick only delays work; writes themselves
 * enforce deadlines on their own.
 */
export async function runDueWork(): Promise<{
  closed: number;
  publicityEnded: number;
  overdue: number;
  reinstated: number;
  casesFinalized: number;
  creditRefreshed: number;
  checkpointed: boolean;
}> {
  const db = await getDb();
  const closed = await closeDueRequests(db);
  const publicityEnded = await notifyPublicityEnded(db);
  const overdue = await notifyOverdueRequests(db);
  const reinstated = await reinstateDueSuspensions(db);
  const casesFinalized = await finalizeDueCases(db);
  const creditRefreshed = await recomputeTimeDependentCreditScores(db);
  // A checkpoint an hour (decisions 005, 023): a signed tree head; deleting or rewriting events it covers is then detected.
  const checkpointed = await checkpointIfDue(db);
  return { closed, publicityEnded, overdue, reinstated, casesFinalized, creditRefreshed, checkpointed };
}

let timer: NodeJS.Timeout | undefined;
let running = false;

export function startScheduler(intervalMs = Number(process.env.SCHEDULER_INTERVAL_MS ?? 2000)): void {
  if (timer || process.env.SCHEDULER === "off") return;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    runDueWork()
      .catch((error: unknown) => console.error("scheduler:", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
}

export function stopScheduler(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
