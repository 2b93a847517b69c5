import { createHash } from "node:crypto";
import pg from "pg";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { rethrow } from "~/lib/db-availability.server";

/**
 * Raw-SQL transactions for the hot paths (bid intake, the session lookup;
 * decision 025), straight through the pg pool the PrismaClient itself uses.
 *
 * Through Prisma, each raw statement cost about as much Node CPU as the
 * statement's own round trip, and an interactive transaction as much again;
 * PostgreSQL also planned every statement anew (Prisma's driver adapter sends
 * unnamed statements). Here a statement is one pg query, prepared once per
 * connection (named after its text), and BEGIN travels with the
 * transaction's first statement when that has no parameters.
 *
 * Code written for it sees the two methods of Prisma's transaction client it
 * needs (RawTx), so the same function runs either way: on PostgreSQL clients
 * opened by openPostgres / postgresClient (registered here), directly; on any
 * other client (PGlite, a test's own PrismaClient), as Prisma's interactive
 * transaction. Prisma's limits are kept: no connection within maxWait, or a
 * transaction still running after timeout, is Prisma's P2028 (isBusy: a 503
 * the user may retry).
 */

/** What a raw transaction offers: Prisma's $queryRaw and $executeRaw (tagged template or Prisma.Sql). */
export type RawTx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

type Direct = { pool: pg.Pool; maxWaitMs: number; timeoutMs: number };
const direct = new WeakMap<object, Direct>();

/** Makes `rawTransaction` and `rawQuery` on this client use `pool` directly (the pool its PrismaPg adapter was given). */
export function registerPool(prisma: PrismaClient, pool: pg.Pool, limits: { maxWaitMs: number; timeoutMs: number }): void {
  direct.set(prisma, { pool, ...limits });
  // An idle connection that the server ends (a restart, pg_terminate_backend)
  // is an 'error' on the pool; unheard, it would crash the process. The pool
  // drops that connection by itself, and the next query meeting an outage is
  // answered 503 (decision 024). Prisma's adapter adds its own listener only
  // on its first query, which may come after the raw paths' first.
  pool.on("error", () => undefined);
}

/** The result types as Prisma's raw queries return them: timestamps (UTC, no zone in the column) as Dates, int8 as bigint. */
const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === PG_TIMESTAMP) return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    if (oid === PG_INT8) return (v: string) => BigInt(v);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

function pad(n: number, width = 2) {
  return String(n).padStart(width, "0");
}
/** Parameters as Prisma's pg adapter sends them: a Date as UTC without a zone (the columns are TIMESTAMP(3)), a bigint as text. */
function param(v: unknown): unknown {
  if (v instanceof Date) {
    const ms = v.getUTCMilliseconds();
    return (
      `${pad(v.getUTCFullYear(), 4)}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ` +
      `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ""}`
    );
  }
  if (typeof v === "bigint") return v.toString();
  return v;
}

function toSql(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  return query instanceof Prisma.Sql ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));
}

const names = new Map<string, string>();
/** A prepared statement's name: the same text, the same name (pg prepares it once per connection). */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `zj_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    if (names.size < 1000) names.set(text, name);
  }
  return name;
}

function busy(message: string): Prisma.PrismaClientKnownRequestError {
  return new Prisma.PrismaClientKnownRequestError(message, { code: "P2028", clientVersion: Prisma.prismaVersion.client });
}

async function connectWithin(pool: pg.Pool, ms: number): Promise<pg.PoolClient> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const connecting = pool.connect();
  try {
    return await Promise.race([
      connecting,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(busy(`Transaction API error: Unable to start a transaction in the given time (${ms} ms).`));
        }, ms);
      }),
    ]);
  } catch (error) {
    // The connection may still come: give it back.
    if (timedOut) void connecting.then((c) => c.release()).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `fn` in one transaction and returns its result; rolls back when it
 * throws. See the file comment for how.
 */
export async function rawTransaction<T>(db: PrismaClient, fn: (tx: RawTx) => Promise<T>): Promise<T> {
  const d = direct.get(db);
  if (!d) return db.$transaction((tx) => fn(tx));
  // An unreachable database is the same 503 as through Prisma (decision 024).
  return directTransaction(d, fn).catch(rethrow);
}

async function directTransaction<T>(d: Direct, fn: (tx: RawTx) => Promise<T>): Promise<T> {
  const client = await connectWithin(d.pool, d.maxWaitMs);
  // The same for a connection lost while checked out between two statements:
  // the next statement fails, and the connection is not given back for reuse.
  let broken = false;
  const onError = () => (broken = true);
  client.on("error", onError);
  let begun = false;
  let expired = false;
  const timer = setTimeout(() => (expired = true), d.timeoutMs);
  const run = async (sql: Prisma.Sql): Promise<pg.QueryResult> => {
    if (expired) throw busy(`Transaction API error: Transaction already closed: the timeout (${d.timeoutMs} ms) has passed.`);
    if (!begun && sql.values.length === 0) {
      // BEGIN and a statement without parameters in one message (the simple query protocol).
      begun = true;
      const results = (await client.query({ text: `BEGIN; ${sql.text}`, types })) as unknown as pg.QueryResult[];
      return results[results.length - 1]!;
    }
    if (!begun) {
      begun = true;
      await client.query("BEGIN");
    }
    return client.query({ name: nameOf(sql.text), text: sql.text, values: sql.values.map(param), types });
  };
  const tx: RawTx = {
    $queryRaw: (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await run(toSql(query, values))).rows) as RawTx["$queryRaw"],
    $executeRaw: (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await run(toSql(query, values))).rowCount ?? 0) as RawTx["$executeRaw"],
  };
  try {
    const result = await fn(tx);
    if (expired) throw busy(`Transaction API error: Transaction already closed: the timeout (${d.timeoutMs} ms) has passed.`);
    if (begun) await client.query("COMMIT");
    return result;
  } catch (error) {
    if (begun) await client.query("ROLLBACK").catch(() => (broken = true));
    throw error;
  } finally {
    clearTimeout(timer);
    // A connection whose ROLLBACK failed is closed, not reused.
    client.removeListener("error", onError);
    client.release(broken);
  }
}

/**
 * One statement outside a transaction (the session lookup, the directory's reads): straight through the pool
 * on PostgreSQL, $queryRaw elsewhere (PGlite, a transaction client). Prepared once per connection unless
 * `plan: "each"`: a statement whose best plan depends on its values (how many agencies hold this item, how
 * common this name fragment is) is planned with them every time, as Prisma's unnamed statements were; a
 * prepared statement may move to one generic plan after five runs (decision 045).
 */
export async function rawQuery<T>(
  db: Pick<PrismaClient, "$queryRaw">,
  sql: Prisma.Sql,
  options: { plan?: "once" | "each" } = {},
): Promise<T[]> {
  const d = direct.get(db);
  if (!d) return db.$queryRaw<T[]>(sql);
  const name = options.plan === "each" ? undefined : nameOf(sql.text);
  const result = await d.pool.query({ name, text: sql.text, values: sql.values.map(param), types }).catch(rethrow);
  return result.rows as T[];
}
