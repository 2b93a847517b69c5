import { getDb, type Db } from "~/db/client.server";
import { isDatabaseUnavailable, unavailableReason } from "~/lib/db-availability.server";
import { logger } from "~/lib/logger.server";
import { dbNow } from "~/services/clock.server";
import { schedulerFailures, schedulerLastSuccess, schedulerRunDuration, schedulerRuns } from "~/lib/metrics.server";
import { checkpointIfDue } from "~/services/audit/audit.server";
import { notifyOverdueRequests, notifyPublicityEnded } from "~/services/requests/award-scheduler.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { finalizeDueCases } from "~/services/supervision/commands/finalize-due-cases.server";
import { reinstateDueSuspensions } from "~/services/supervision/effects.server";
import { recomputeTimeDependentCreditScores } from "~/services/ratings/credit-refresh.server";
import { deliverDueMail } from "~/services/mail/worker.server";
import { acknowledgeBids } from "~/services/requests/bid-acks.server";
import { notifyExpiredZoneResults } from "~/services/zones/expiry.server";

/**
 * The in-app scheduler. It holds no business deadline in memory: it polls the
 * database for work that is due by the database clock (bidding closed,
 * publicity over, suspension ended, a regional assessment's validity over) and claims each item with row locks
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
  exemptionsEnded: number;
  checkpointed: boolean;
}> {
  const db = await getDb();
  const closed = await closeDueRequests(db);
  const publicityEnded = await notifyPublicityEnded(db);
  const overdue = await notifyOverdueRequests(db);
  const reinstated = await reinstateDueSuspensions(db);
  const casesFinalized = await finalizeDueCases(db);
  const creditRefreshed = await recomputeTimeDependentCreditScores(db);
  // Regional-assessment results past their last valid date: the followed projects they exempted are told (decision 041).
  const exemptionsEnded = await notifyExpiredZoneResults(db);
  // A checkpoint an hour (decisions 005, 023): a signed tree head; deleting or rewriting events it covers is then detected.
  const checkpointed = await checkpointIfDue(db);
  return { closed, publicityEnded, overdue, reinstated, casesFinalized, creditRefreshed, exemptionsEnded, checkpointed };
}

/**
 * The loop (decision 024): one pass every SCHEDULER_INTERVAL_MS, never two at
 * once in a process. A failed pass is retried with exponential backoff
 * (twice the wait each time, capped at SCHEDULER_MAX_BACKOFF_MS). A database
 * that cannot be reached is logged once when the outage begins and once when
 * it ends — no stack trace a pass; any other failure is logged as an error
 * each time it happens (the backoff bounds how often).
 */
let timer: NodeJS.Timeout | undefined;
let current: Promise<void> | undefined;
let stopped = true;
let intervalMs = 2000;
let failures = 0;
let failingSince = 0;

function maxBackoffMs(): number {
  return Number(process.env.SCHEDULER_MAX_BACKOFF_MS ?? 30_000);
}

/** The wait before the next pass: the interval, or after n failures in a row interval·2ⁿ up to the cap. */
export function nextDelayMs(interval: number, failuresInARow: number, cap = maxBackoffMs()): number {
  if (failuresInARow <= 0) return interval;
  return Math.min(Math.max(cap, interval), interval * 2 ** Math.min(failuresInARow, 30));
}

async function pass(): Promise<void> {
  const end = schedulerRunDuration.startTimer();
  try {
    await runDueWork();
    end();
    schedulerRuns.inc({ result: "ok" });
    schedulerLastSuccess.set(Date.now() / 1000);
    if (failures > 0)
      logger.info(
        { event: "scheduler_recovered", failedPasses: failures, downMs: Date.now() - failingSince },
        "scheduler: due work resumed",
      );
    failures = 0;
  } catch (error: unknown) {
    end();
    failures++;
    if (failures === 1) failingSince = Date.now();
    const retryInMs = nextDelayMs(intervalMs, failures);
    if (isDatabaseUnavailable(error)) {
      schedulerRuns.inc({ result: "unavailable" });
      if (failures === 1)
        logger.warn(
          { event: "scheduler_backoff", reason: unavailableReason(error), retryInMs },
          "scheduler: database unavailable; retrying with backoff",
        );
    } else {
      schedulerRuns.inc({ result: "error" });
      logger.error({ err: error, event: "scheduler_error", failedPasses: failures, retryInMs }, "scheduler: pass failed");
    }
  } finally {
    schedulerFailures.set(failures);
  }
}

function schedule(ms: number): void {
  timer = setTimeout(() => {
    timer = undefined;
    if (stopped) return;
    current = pass().finally(() => {
      current = undefined;
      if (!stopped) schedule(nextDelayMs(intervalMs, failures));
    });
  }, ms);
  timer.unref();
}

export function startScheduler(every = Number(process.env.SCHEDULER_INTERVAL_MS ?? 2000)): void {
  if (!stopped || process.env.SCHEDULER === "off") return;
  stopped = false;
  intervalMs = every;
  failures = 0;
  schedule(intervalMs);
  scheduleMail(intervalMs);
}

/**
 * The mail outbox has a loop of its own (decision 029): a slow or unreachable
 * SMTP server must never delay closing bids. Same rules: one pass at a time in
 * a process, rows claimed with SKIP LOCKED so every instance may run it,
 * backoff after a failed pass (the database down).
 */
let mailTimer: NodeJS.Timeout | undefined;
let mailCurrent: Promise<void> | undefined;
let mailFailures = 0;

function scheduleMail(ms: number): void {
  mailTimer = setTimeout(() => {
    mailTimer = undefined;
    if (stopped) return;
    mailCurrent = getDb()
      // Bid acknowledgements are queued here, off the bid intake's path (decision 029).
      .then(async (db) => {
        await acknowledgeBids(db);
        return deliverDueMail(db);
      })
      .then(
        () => {
          mailFailures = 0;
        },
        (error: unknown) => {
          mailFailures++;
          if (!isDatabaseUnavailable(error)) logger.error({ err: error, event: "mail_worker_error" }, "mail worker: pass failed");
        },
      )
      .finally(() => {
        mailCurrent = undefined;
        if (!stopped) scheduleMail(nextDelayMs(intervalMs, mailFailures));
      });
  }, ms);
  mailTimer.unref();
}

/** Stops the loops; resolves once the passes under way (if any) have finished — graceful shutdown waits for them. */
export function stopScheduler(): Promise<void> {
  stopped = true;
  if (timer) clearTimeout(timer);
  if (mailTimer) clearTimeout(mailTimer);
  timer = undefined;
  mailTimer = undefined;
  return Promise.all([current, mailCurrent]).then(() => undefined);
}

/**
 * Due work not yet done, for the scheduler-lag metric: the requests whose
 * deadline has passed and that are still open (the scheduler's first and most
 * time-critical job), how many and how long the oldest has waited.
 */
export async function dueBacklog(db: Db): Promise<{ count: number; oldestAgeSeconds: number }> {
  const now = await dbNow(db);
  const [count, oldest] = await Promise.all([
    db.serviceRequest.count({ where: { status: "OPEN", closesAt: { lte: now } } }),
    db.serviceRequest.findFirst({
      where: { status: "OPEN", closesAt: { lte: now } },
      orderBy: { closesAt: "asc" },
      select: { closesAt: true },
    }),
  ]);
  return { count, oldestAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.closesAt.getTime()) / 1000) : 0 };
}
