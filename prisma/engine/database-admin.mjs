// What the native engine's `cli can-connect-to-database` / `cli create-database`
// subcommands and the `createDatabase` RPC do, for PostgreSQL and PGlite.
// Error codes matter here: the CLI creates the database only on P1003.

import pg from "pg";

import { describeServer, parseDatasourceUrl, withDatabase } from "./datasource.mjs";
import { acquireLock, assertNotLocked, releaseLock } from "./pglite-lock.mjs";
import { isPgliteCluster, openPGliteDirectory } from "./pglite-store.mjs";

/** An error carrying a Prisma error code (P1001 …) for the CLI. */
export class EngineError extends Error {
  /** @param {string} message @param {string} [errorCode] */
  constructor(message, errorCode) {
    super(message);
    this.name = "EngineError";
    this.errorCode = errorCode;
  }
}

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET"]);

/** Maps a node-postgres connection error to the error the native engine reports. */
export function connectionError(error, target) {
  const server = describeServer(target.connectionString);
  if (error?.code === "3D000") {
    return new EngineError(`Database \`${target.database}\` does not exist on the database server at \`${server}\`.`, "P1003");
  }
  if (error?.code === "28P01" || error?.code === "28000") {
    const user = decodeURIComponent(new URL(target.connectionString).username || "");
    return new EngineError(
      `Authentication failed against database server at \`${server}\`, the provided database credentials for \`${user}\` are not valid.`,
      "P1000",
    );
  }
  if (UNREACHABLE.has(error?.code) || /timeout/i.test(String(error?.message))) {
    return new EngineError(
      `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`. (${error.message})`,
      "P1001",
    );
  }
  return new EngineError(`Could not connect to the database server at \`${server}\`: ${error?.message ?? error}`, "P1001");
}

async function tryConnect(connectionString) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}

/** Resolves when the database can be reached; throws EngineError (P1003 = does not exist) otherwise. */
export async function canConnect(url) {
  const target = parseDatasourceUrl(url);
  if (target.kind === "pglite") {
    assertNotLocked(target.dir);
    if (!isPgliteCluster(target.dir)) {
      throw new EngineError(
        `Database \`postgres\` does not exist: the embedded PGlite directory ${target.dir} has not been initialised yet.`,
        "P1003",
      );
    }
    return;
  }
  try {
    await tryConnect(target.connectionString);
  } catch (error) {
    throw connectionError(error, target);
  }
}

/** Creates the database the URL names and returns its name. */
export async function createDatabase(url) {
  const target = parseDatasourceUrl(url);
  if (target.kind === "pglite") {
    acquireLock(target.dir);
    try {
      const client = await openPGliteDirectory(target.dir);
      await client.close();
    } finally {
      releaseLock(target.dir);
    }
    return "postgres";
  }
  // Connect to a maintenance database of the same server to issue CREATE DATABASE.
  let lastError;
  for (const maintenance of ["postgres", "template1"]) {
    const client = new pg.Client({ connectionString: withDatabase(target.connectionString, maintenance) });
    client.on("error", () => {});
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      if (error?.code === "3D000") continue;
      throw connectionError(error, target);
    }
    try {
      await client.query(`CREATE DATABASE "${target.database.replaceAll('"', '""')}"`);
      return target.database;
    } catch (error) {
      if (error?.code === "42P04") return target.database; // already exists
      throw new EngineError(`Could not create database \`${target.database}\`: ${error.message}`);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw connectionError(lastError, target);
}
