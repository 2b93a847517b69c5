// Migration-aware driver adapter factories for the wasm schema engine, over
// real PostgreSQL (node-postgres via @prisma/adapter-pg) or PGlite
// (pglite-prisma-adapter), with the fixes the stock adapters need for
// migrations. Each "gap N" refers to docs/decisions/002-offline-prisma-engine.md.

import { randomUUID } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { describeServer, parseDatasourceUrl, withDatabase } from "./datasource.mjs";
import { acquireLock, releaseLock } from "./pglite-lock.mjs";
import { openEmptyPGlite, openPGliteDirectory } from "./pglite-store.mjs";

const PG_CHAR_OID = 18; // pg_catalog."char", e.g. pg_class.relkind
const PG_TEXT_OID = 25;

// ---------------------------------------------------------------------------
// PGlite

/**
 * Fixes for pglite-prisma-adapter's adapter over `client`.
 *
 * Gap 5: pglite-prisma-adapter 0.7.2's executeScript calls `client.exec()`
 * without awaiting it, so a failing migration script resolves successfully
 * and its error becomes an unhandled rejection that kills the process. Await
 * it and convert the error the same way the adapter does for queries.
 */
function fixPgliteAdapter(adapter, client) {
  adapter.executeScript = async (script) => {
    try {
      await client.exec(script);
    } catch (error) {
      adapter.onError(error); // throws a DriverAdapterError for database errors
    }
  };
  // `prisma db execute` reaches the adapter as executeRaw without parameters.
  // pglite-prisma-adapter always uses the extended protocol, which refuses
  // several statements ("cannot insert multiple commands into a prepared
  // statement"); node-postgres, like the native engine, uses the simple
  // protocol for a parameterless query. Do the same here.
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    try {
      const results = await client.exec(query.sql);
      return results.at(-1)?.affectedRows ?? 0;
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/** Opens the PGlite database of a main connection and hands out adapters over it. */
export class PGliteMigrationAdapterFactory {
  provider = "postgres";
  adapterName = "pglite-prisma-adapter";

  /** @type {Set<import("@electric-sql/pglite").PGlite>} */
  #shadows = new Set();

  /** @param {import("@electric-sql/pglite").PGlite} client an open PGlite owned by the caller */
  constructor(client) {
    this.client = client;
  }

  async connect() {
    return fixPgliteAdapter(await new PrismaPGlite(this.client).connect(), this.client);
  }

  /**
   * The stock factory opens a fresh `memory://` PGlite (2-3 s of initdb) and
   * never closes it. Gap 7: clone the cached empty cluster instead and close it
   * when the engine disposes the adapter.
   */
  async connectToShadowDb() {
    const shadow = await openEmptyPGlite();
    this.#shadows.add(shadow);
    const adapter = fixPgliteAdapter(await new PrismaPGlite(shadow).connect(), shadow);
    adapter.dispose = async () => {
      if (this.#shadows.delete(shadow)) await shadow.close();
    };
    return adapter;
  }

  /** Closes shadow databases the engine did not dispose. The main client stays open. */
  async close() {
    const open = [...this.#shadows];
    this.#shadows.clear();
    await Promise.allSettled(open.map((shadow) => shadow.close()));
  }
}

// ---------------------------------------------------------------------------
// PostgreSQL (node-postgres)

function charColumnsAsText(result) {
  if (Array.isArray(result)) result.forEach(charColumnsAsText);
  else if (result?.fields) {
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

/**
 * Gap 1: @prisma/adapter-pg 7.10 throws UnsupportedNativeDataType for
 * pg_catalog's one-byte `"char"` type (OID 18), which the engine's schema
 * describer reads from pg_class/pg_constraint/… . node-postgres already returns
 * those values as strings; we relabel the column as text before the adapter
 * maps column types. Installed as the pool's Client class so that pool
 * queries and transaction connections are both covered.
 */
class CharAsTextClient extends pg.Client {
  query(...args) {
    const callbackIndex = args.findIndex((arg) => typeof arg === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex];
      args[callbackIndex] = (error, result) => callback(error, error ? result : charColumnsAsText(result));
      return super.query(...args);
    }
    const returned = super.query(...args);
    return returned && typeof returned.then === "function" ? returned.then(charColumnsAsText) : returned;
  }
}

/** A PrismaPg adapter on its own pool; `onDispose` runs after the pool has ended. */
async function connectPg(connectionString, schema, onDispose) {
  const pool = new pg.Pool({ connectionString, Client: CharAsTextClient, max: 4 });
  pool.on("error", () => {}); // idle-client errors surface on the next query
  const adapter = await new PrismaPg(pool, { schema, disposeExternalPool: true }).connect();
  // adapter-pg's executeScript splits the script on every ";" — wrong for a
  // ";" inside a string, a comment or a function body. The native engine sends
  // the whole script as one simple-protocol query; node-postgres does the same
  // for a query without parameters.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  const dispose = adapter.dispose.bind(adapter);
  let disposed = false;
  adapter.dispose = async () => {
    if (disposed) return;
    disposed = true;
    await dispose();
    await onDispose?.();
  };
  return adapter;
}

/** Runs `fn` with a short-lived single connection. */
async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

export class PgMigrationAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  /** Adapters handed out and not yet disposed, closed on shutdown. */
  #open = new Set();
  /** @type {Promise<string> | undefined} */
  #serverVersion;

  /**
   * @param {{ connectionString: string, schema?: string, shadowDatabaseUrl?: string }} options
   */
  constructor({ connectionString, schema, shadowDatabaseUrl }) {
    this.connectionString = connectionString;
    this.schema = schema;
    this.shadowDatabaseUrl = shadowDatabaseUrl;
  }

  #track(adapter) {
    this.#open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      this.#open.delete(adapter);
      await dispose();
    };
    return adapter;
  }

  async connect() {
    return this.#track(await connectPg(this.connectionString, this.schema));
  }

  serverVersion() {
    this.#serverVersion ??= withClient(this.connectionString, async (client) => {
      const { rows } = await client.query("SELECT version() AS version");
      return String(rows[0].version);
    });
    return this.#serverVersion;
  }

  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) return this.#connectToConfiguredShadowDb();

    // Gap 3: pglite-socket (PGlite served over TCP) has one database whatever
    // name a client asks for, so CREATE DATABASE + connect would hand the
    // engine the main database as its "shadow". Use an in-memory PGlite.
    if (/emscripten|wasm/i.test(await this.serverVersion())) {
      const shadow = await openEmptyPGlite();
      const adapter = fixPgliteAdapter(await new PrismaPGlite(shadow).connect(), shadow);
      adapter.dispose = async () => shadow.close();
      return this.#track(adapter);
    }

    // Gap 2: adapter-pg's connectToShadowDb creates a database, then connects
    // with `{ connectionString, database }`; node-postgres ignores `database`
    // when a connection string is given, so the "shadow" is the main database
    // (migrate dev then fails with P3006 or worse). Connect to the new database
    // by rewriting the URL, and drop it when the engine is done with it.
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withClient(this.connectionString, (client) => client.query(`CREATE DATABASE ${quoteIdent(database)}`));
    const dropShadow = () =>
      withClient(this.connectionString, async (client) => {
        const { rows } = await client.query("SELECT current_setting('server_version_num')::int AS v");
        const force = rows[0].v >= 130000 ? " WITH (FORCE)" : "";
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}${force}`);
      });
    try {
      return this.#track(await connectPg(withDatabase(this.connectionString, database), this.schema, dropShadow));
    } catch (error) {
      await dropShadow().catch(() => {});
      throw error;
    }
  }

  /**
   * A shadowDatabaseUrl from the config: like the native engine, refuse the
   * main database and start from an empty schema.
   */
  async #connectToConfiguredShadowDb() {
    const shadow = parseDatasourceUrl(this.shadowDatabaseUrl);
    if (shadow.kind !== "postgres") {
      throw new Error("shadowDatabaseUrl must be a postgresql:// URL of a PostgreSQL server.");
    }
    const main = new URL(this.connectionString);
    const other = new URL(shadow.connectionString);
    if (main.host === other.host && main.pathname === other.pathname) {
      throw new Error(
        "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
      );
    }
    const schema = quoteIdent(shadow.schema ?? this.schema ?? "public");
    await withClient(shadow.connectionString, (client) =>
      client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`),
    );
    return this.#track(await connectPg(shadow.connectionString, shadow.schema ?? this.schema));
  }

  /** Disposes every adapter still open (ends pools, drops shadow databases). */
  async close() {
    const open = [...this.#open];
    this.#open.clear();
    await Promise.allSettled(open.map((adapter) => adapter.dispose()));
  }
}

// ---------------------------------------------------------------------------

/**
 * Opens whatever a datasource URL names and returns a migration-aware adapter
 * factory plus a `close()` that releases everything (PGlite closed cleanly and
 * its lock released, pools ended, shadow databases dropped).
 *
 * @param {{ url?: string | null, shadowDatabaseUrl?: string | null }} datasource
 */
export async function openMigrationAdapterFactory({ url, shadowDatabaseUrl } = {}) {
  if (!url) {
    // No database at all (e.g. `migrate diff --from-empty --to-schema …`): the
    // wasm engine still wants an adapter, so give it a throwaway one.
    const client = await openEmptyPGlite();
    const factory = new PGliteMigrationAdapterFactory(client);
    return { kind: "memory", factory, close: async () => (await factory.close(), await client.close()) };
  }
  const target = parseDatasourceUrl(url);
  if (target.kind === "pglite") {
    acquireLock(target.dir); // throws a clear error if the app has it open
    let client;
    try {
      client = await openPGliteDirectory(target.dir);
    } catch (error) {
      releaseLock(target.dir);
      throw error;
    }
    const factory = new PGliteMigrationAdapterFactory(client);
    let closed = false;
    return {
      kind: "pglite",
      description: `PGlite database in ${target.dir}`,
      factory,
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await factory.close();
          await client.close();
        } finally {
          releaseLock(target.dir);
        }
      },
    };
  }
  const factory = new PgMigrationAdapterFactory({
    connectionString: target.connectionString,
    schema: target.schema,
    shadowDatabaseUrl: shadowDatabaseUrl || undefined,
  });
  return {
    kind: "postgres",
    description: `PostgreSQL database ${target.database} at ${describeServer(target.connectionString)}`,
    factory,
    close: () => factory.close(),
  };
}
