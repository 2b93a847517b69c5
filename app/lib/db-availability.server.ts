import { data } from "react-router";
import type { PrismaClient } from "~/generated/prisma/client";
import { logger } from "~/lib/logger.server";

/**
 * The database cannot be reached (decision 024): PostgreSQL is down,
 * restarting ("the database system is starting up"), has just cut our
 * connections, or refuses new ones. Such an error is no bug of ours and no
 * refusal of the user's input: the page or action answers 503 with
 * Retry-After and "服务暂时繁忙，请稍后再试", never a 500, and nothing is
 * logged as an unhandled error.
 */

/** Seconds a client is told to wait (Retry-After) before trying again. */
export const RETRY_AFTER_SECONDS = Math.max(1, Number(process.env.RETRY_AFTER_SECONDS ?? 5) || 5);

/** The i18n key of the 503 page's message; also the body of the thrown 503. */
export const UNAVAILABLE_KEY = "errors.unavailableBody";

/**
 * Prisma's codes for "cannot reach / lost the server": P1001 can't reach,
 * P1002 timed out, P1008 operations timed out, P1017 server closed the
 * connection, P2024 timed out fetching a connection from the pool.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** What @prisma/adapter-pg calls a lost or refused connection. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01 admin
 * shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up,
 * shutting down, in recovery), 53300 too many connections.
 */
const PG_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Socket errors of the pg driver (when they reach us unwrapped). */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
/** The pg driver's and PostgreSQL's own words, for errors that carry no code. */
const MESSAGES =
  /Can't reach database server|Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection due to (administrator command|crash of another server process)|server closed the connection unexpectedly|sorry, too many clients already/;

const TAG = Symbol.for("zj.databaseUnavailable");

type Loose = {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  kind?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
  [TAG]?: unknown;
};

/** Whether `error` (or an error it wraps) means the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as Loose;
  if (e[TAG]) return true;
  if (
    typeof e.code === "string" &&
    (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || PG_CODES.has(e.code) || e.code.startsWith("08"))
  )
    return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause) {
    if (typeof cause.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return true;
    const code = typeof cause.originalCode === "string" ? cause.originalCode : typeof cause.code === "string" ? cause.code : "";
    if (PG_CODES.has(code) || code.startsWith("08")) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return e.cause ? isDatabaseUnavailable(e.cause, depth + 1) : false;
}

/** One short line saying why (for the log): the code and the first line of the message, never a stack. */
export function unavailableReason(error: unknown): string {
  const inner = (error as Loose | null)?.[TAG] ?? error;
  const e = (inner ?? {}) as Loose;
  const cause = e.meta?.driverAdapterError?.cause;
  const code = [e.code, cause?.kind, cause?.originalCode].filter((x) => typeof x === "string").join("/");
  const message = typeof e.message === "string" ? e.message : String(inner);
  const line =
    message
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .pop() ?? "";
  return `${code ? `${code}: ` : ""}${line}`.slice(0, 300);
}

/**
 * What a loader or action throws when the database is unavailable: React
 * Router's 503 error response (the root error boundary shows the translated
 * page, the status is 503). The original error stays reachable for the log.
 */
export function serviceUnavailable(cause: unknown) {
  const thrown = data(UNAVAILABLE_KEY, {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
  Object.defineProperty(thrown, TAG, { value: cause, enumerable: false });
  return thrown;
}

/**
 * The log of an outage: one warning when queries start finding the database
 * unreachable, then at most one every 10 seconds with how many failed
 * meanwhile — a flood of requests during an outage writes a handful of lines,
 * never a stack trace each.
 */
const NOTE_EVERY_MS = 10_000;
let notedAt = 0;
let unnoted = 0;

export function noteDatabaseUnavailable(error: unknown): void {
  const now = Date.now();
  if (now - notedAt < NOTE_EVERY_MS) {
    unnoted++;
    return;
  }
  logger.warn(
    { event: "database_unavailable", reason: unavailableReason(error), failedSinceLastLine: unnoted },
    "database unavailable: answering 503 with Retry-After",
  );
  notedAt = now;
  unnoted = 0;
}

/** Rethrows `error` as a 503 when the database is unavailable, else as it is (also for the raw-SQL hot paths, raw-tx.server.ts). */
export function rethrow(error: unknown): never {
  if (isDatabaseUnavailable(error) && !(error as Loose)[TAG]) {
    noteDatabaseUnavailable(error);
    throw serviceUnavailable(error);
  }
  throw error;
}

/**
 * A Prisma client whose every query (model operations, raw SQL) and every
 * interactive transaction throws `serviceUnavailable` instead of the driver's
 * error when the database cannot be reached, so every loader, the session
 * lookup included, answers 503 wherever the outage finds it.
 */
export function guardAvailability(prisma: PrismaClient): PrismaClient {
  const extended = prisma.$extends({
    name: "database-availability",
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          rethrow(error);
        }
      },
    },
  }) as unknown as PrismaClient;
  const transaction = extended.$transaction.bind(extended) as (...args: unknown[]) => Promise<unknown>;
  return new Proxy(extended, {
    get(target, prop) {
      if (prop === "$transaction") return (...args: unknown[]) => transaction(...args).catch(rethrow);
      return Reflect.get(target, prop) as unknown;
    },
  });
}
