import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import path from "node:path";
import pg from "pg";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { guardAvailability } from "~/lib/db-availability.server";
import { databaseUrl, pgliteDir } from "~/lib/env.server";
import { acquireLock, releaseLock } from "../../prisma/engine/pglite-lock.mjs";
import { applyMigrations } from "../../prisma/engine/migrate.mjs";
import { registerPool } from "./raw-tx.server";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`: every lock and write of one command goes through it. */
export type Tx = Prisma.TransactionClient;
export type DbKind = "pglite" | "postgres";

type Handle = { prisma: PrismaClient; kind: DbKind; close: () => Promise<void>; pool?: pg.Pool };

const migrationsDir = path.resolve("prisma/migrations");

/** max_parallel_workers_per_gather for the app's connections: DATABASE_PARALLEL_WORKERS, else 0 (decision 042). */
export function parallelWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.DATABASE_PARALLEL_WORKERS ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 64 ? n : 0;
}

/**
 * A PrismaClient on PostgreSQL over a pg pool of `max` connections, with the
 * interactive-transaction limits maxWait and timeout (ms). Every query and
 * transaction answers 503 when the server cannot be reached (decision 024).
 * The pool is registered for the raw-SQL hot paths (raw-tx.server.ts), which
 * use it directly under the same limits; $disconnect ends it.
 */
export function postgresClient(
  connectionString: string,
  options: { max: number; maxWait: number; timeout: number; connectionTimeoutMillis?: number },
): { prisma: PrismaClient; pool: pg.Pool } {
  // A connection attempt that hangs (a network partition) — and, in pg's pool,
  // a wait for a free connection — fails after this long, so requests answer
  // 503 instead of waiting forever (decision 024). As long as a transaction may
  // wait to start (maxWait), so a flood that waits today still waits.
  const pool = new pg.Pool({
    connectionString,
    max: options.max,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? options.maxWait,
    // No parallel query by default (decision 042): our statements stop after 20 or 1,001 rows, and
    // starting parallel workers cost 50–100 ms per statement on a busy two-core server, more than the
    // whole statement without them. DATABASE_PARALLEL_WORKERS sets it where cores are to spare.
    // No JIT compilation either (decision 044): a statement with a correlated subquery can be estimated
    // far above jit_above_cost while it stops after a few hundred rows, and compiling it took
    // 150–180 ms against 10–20 ms for the statement itself.
    options: `-c max_parallel_workers_per_gather=${parallelWorkers()} -c jit=off`,
  });
  const prisma = guardAvailability(
    new PrismaClient({
      adapter: new PrismaPg(pool, { disposeExternalPool: true }),
      // Error messages without the query's arguments: no sealed amount or other input reaches a log.
      errorFormat: "minimal",
      transactionOptions: { maxWait: options.maxWait, timeout: options.timeout },
    }),
  );
  registerPool(prisma, pool, { maxWaitMs: options.maxWait, timeoutMs: options.timeout });
  return { prisma, pool };
}

/** Opens PostgreSQL through the pg driver adapter. Migrations are applied unless told otherwise. */
export async function openPostgres(connectionString: string, options: { migrate?: boolean } = {}): Promise<Handle> {
  if (options.migrate !== false) await applyMigrations({ connectionString }, migrationsDir);
  // Pool and transaction limits are configurable: under a bid flood the defaults
  // (10 connections, 2 s to start a transaction) turned waiting into errors.
  const maxWait = Number(process.env.DATABASE_TX_MAX_WAIT_MS ?? 10_000);
  // Our own pool (the adapter ends it on disconnect): its counts are the pool-usage metric.
  const { prisma, pool } = postgresClient(connectionString, {
    max: Number(process.env.DATABASE_POOL_MAX ?? 20),
    maxWait,
    timeout: Number(process.env.DATABASE_TX_TIMEOUT_MS ?? 15_000),
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? maxWait),
  });
  return { prisma, kind: "postgres", close: () => prisma.$disconnect(), pool };
}

/**
 * Opens an embedded PGlite database. Only one process may open a data
 * directory: two processes on one directory silently lose writes, so a pid
 * lock turns the second into a clear error.
 */
export async function openPglite(dir: string | undefined, options: { migrate?: boolean; pglite?: PGlite } = {}): Promise<Handle> {
  if (dir) acquireLock(dir);
  let pglite: PGlite;
  try {
    pglite = options.pglite ?? (dir ? await PGlite.create({ dataDir: dir }) : await PGlite.create());
    if (options.migrate !== false) await applyMigrations({ pglite }, migrationsDir);
  } catch (error) {
    if (dir) releaseLock(dir);
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), errorFormat: "minimal" });
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      if (dir) releaseLock(dir);
    },
  };
}

const slot = globalThis as unknown as { __zjDb?: Promise<Handle> };

/** The process-wide database, opened on first use from DATABASE_URL (or embedded PGlite). */
function handle(): Promise<Handle> {
  if (!slot.__zjDb) {
    const url = databaseUrl();
    slot.__zjDb = url ? openPostgres(url) : openPglite(pgliteDir());
    slot.__zjDb.catch(() => {
      slot.__zjDb = undefined;
    });
  }
  return slot.__zjDb;
}

export async function getDb(): Promise<Db> {
  return (await handle()).prisma;
}

export async function getDbKind(): Promise<DbKind> {
  return (await handle()).kind;
}

/** Tests install their own per-worker database here. */
export function useDatabase(h: Handle): void {
  slot.__zjDb = Promise.resolve(h);
}

/** The PostgreSQL pool's usage now (null on the embedded database or before it is opened). */
export async function poolUsage(): Promise<{ total: number; idle: number; waiting: number; max: number } | null> {
  const current = slot.__zjDb;
  if (!current) return null;
  const pool = (await current).pool;
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}

export async function closeDb(): Promise<void> {
  const current = slot.__zjDb;
  slot.__zjDb = undefined;
  if (current) await (await current).close();
}
