// One place that knows how a datasource URL maps to a database: either a real
// PostgreSQL server (any postgres:// or postgresql:// URL) or the embedded PGlite
// database in a directory, written as
//
//     postgresql://pglite/postgres?dir=<absolute directory, URL-encoded>
//
// Why this form: the Prisma CLI only accepts postgres:// / postgresql:// URLs for
// `provider = "postgresql"` and parses them to print "database postgres at pglite".
// The reserved host `pglite` is not resolvable, so if such a URL ever reaches a
// real PostgreSQL client it fails to connect instead of touching some server.
// PGlite always has exactly one database, `postgres`, and one schema, `public`.

import path from "node:path";
import { fileURLToPath } from "node:url";

export const PGLITE_HOST = "pglite";

/** Repository root (this file lives in <root>/prisma/engine/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** ./data/pglite under the project root, or $PGLITE_DIR (resolved against the root). */
export function defaultPgliteDir(env = process.env) {
  return path.resolve(PROJECT_ROOT, env.PGLITE_DIR || path.join("data", "pglite"));
}

/** The datasource URL for the embedded PGlite database in `dir`. */
export function pgliteUrl(dir) {
  return `postgresql://${PGLITE_HOST}/postgres?dir=${encodeURIComponent(path.resolve(dir))}`;
}

/** $DATABASE_URL when set, else the embedded PGlite URL for defaultPgliteDir(). */
export function resolveDatabaseUrl(env = process.env) {
  return env.DATABASE_URL || pgliteUrl(defaultPgliteDir(env));
}

/**
 * @param {string} url
 * @returns {{ kind: "pglite", dir: string } | { kind: "postgres", url: string, connectionString: string, schema: string | undefined, database: string }}
 */
export function parseDatasourceUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`The datasource URL is not a valid URL (expected postgresql://…).`);
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(
      `Unsupported datasource URL scheme "${parsed.protocol}": this project's schema engine handles postgresql:// URLs only.`,
    );
  }
  if (parsed.hostname === PGLITE_HOST) {
    const dir = parsed.searchParams.get("dir");
    if (!dir) {
      throw new Error(`The embedded PGlite URL needs a directory: postgresql://${PGLITE_HOST}/postgres?dir=<absolute path>.`);
    }
    return { kind: "pglite", dir: path.resolve(dir) };
  }
  // `schema` is Prisma's parameter, not libpq's: hand it to the driver adapter
  // and keep it away from node-postgres.
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres";
  return { kind: "postgres", url, connectionString: parsed.toString(), schema, database };
}

/** The same server URL pointing at another database (node-postgres ignores a separate `database` option when given a connection string). */
export function withDatabase(connectionString, database) {
  const parsed = new URL(connectionString);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** "host:port" for messages, without credentials. */
export function describeServer(connectionString) {
  const parsed = new URL(connectionString);
  return `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
}
