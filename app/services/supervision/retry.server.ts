import { DomainError } from "~/lib/errors";

/**
 * The retry policy of regulator decisions: a decision whose effects hit a lock
 * timeout (the bounded wait in effects.server.ts), a deadlock or a
 * serialization failure is rolled back and run again, a bounded number of
 * times. This module owns the count of such retries; others read a snapshot.
 */

/** PostgreSQL error code inside a Prisma / driver-adapter error, if any. */
export function pgErrorCode(error: unknown): string | null {
  if (!error || typeof error !== "object") return null;
  const e = error as {
    meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string } } };
    cause?: unknown;
    message?: unknown;
  };
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause?.originalCode) return cause.originalCode;
  if (typeof e.message === "string") {
    const m = /Code: `([0-9A-Z]{5})`/.exec(e.message);
    if (m) return m[1]!;
  }
  return e.cause ? pgErrorCode(e.cause) : null;
}

/** Lock timeout (our bounded wait in the effects) or a deadlock victim: roll back and run the decision again. */
const RETRYABLE = new Set(["55P03", "40P01", "40001"]);
const MAX_ATTEMPTS = 20;

/** How often decisions were rolled back and run again, by PostgreSQL error code. Owned here; read through decisionRetryCounts(). */
const retries = new Map<string, number>();

/** A snapshot of the retry counts by PostgreSQL error code (for the load tests' report). */
export function decisionRetryCounts(): Readonly<Record<string, number>> {
  return Object.fromEntries(retries);
}

/** Runs a decision (one transaction), again on a retryable PostgreSQL error; gives up with 503 after MAX_ATTEMPTS. */
export async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = pgErrorCode(error);
      if (!code || !RETRYABLE.has(code)) throw error;
      retries.set(code, (retries.get(code) ?? 0) + 1);
      if (attempt >= MAX_ATTEMPTS) throw new DomainError("BUSY", 503, "errors.busy");
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * Math.min(attempt, 5)));
    }
  }
}
