// Applies the migrations in prisma/migrations from inside the app, without the
// Prisma CLI: the embedded PGlite database can only be opened by one process
// (the app), so `prisma migrate deploy` cannot run next to it. Uses the same
// wasm engine command as `migrate deploy` (applyMigrations), so the
// _prisma_migrations bookkeeping is identical and the CLI agrees afterwards.

import fs from "node:fs/promises";
import path from "node:path";

import { PGliteMigrationAdapterFactory, PgMigrationAdapterFactory } from "./adapters.mjs";
import { PROJECT_ROOT, parseDatasourceUrl } from "./datasource.mjs";
import { createSchemaEngine } from "./wasm-engine.mjs";

export const DEFAULT_MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

/**
 * Reads a migrations directory the way the Prisma CLI does: every
 * sub-directory is a migration (sorted by name) with a migration.sql, plus the
 * optional migration_lock.toml. A missing directory means "no migrations".
 */
export async function readMigrationsList(migrationsDir = DEFAULT_MIGRATIONS_DIR) {
  const baseDir = path.resolve(migrationsDir);
  const lockfilePath = "migration_lock.toml";
  const lockfileContent = await fs.readFile(path.join(baseDir, lockfilePath), "utf8").catch(() => null);
  const entries = await fs.readdir(baseDir, { withFileTypes: true }).catch((error) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const content = await fs
      .readFile(path.join(baseDir, entry.name, "migration.sql"), "utf8")
      .then((value) => ({ tag: "ok", value }))
      .catch((error) => ({ tag: "error", value: error.message }));
    migrationDirectories.push({ path: entry.name, migrationFile: { path: "migration.sql", content } });
  }
  return {
    baseDir,
    lockfile: { path: lockfilePath, content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * Applies every migration not yet applied and returns the names applied now
 * (empty when the database is up to date). Works on a fresh, empty database.
 * Throws when a migration fails (the failed migration is recorded in
 * _prisma_migrations, exactly as `prisma migrate deploy` would leave it), or
 * when the database has tables but no migration history (P3005).
 *
 * @param {{ pglite: import("@electric-sql/pglite").PGlite } | { connectionString: string }} target
 *   an open PGlite owned by the caller (left open), or a postgresql:// URL
 * @param {string} [migrationsDir] defaults to <project>/prisma/migrations
 * @returns {Promise<string[]>}
 */
export async function applyMigrations(target, migrationsDir = DEFAULT_MIGRATIONS_DIR) {
  const migrationsList = await readMigrationsList(migrationsDir);
  let factory;
  if ("pglite" in target && target.pglite) {
    factory = new PGliteMigrationAdapterFactory(target.pglite);
  } else if ("connectionString" in target && target.connectionString) {
    const parsed = parseDatasourceUrl(target.connectionString);
    if (parsed.kind !== "postgres") {
      throw new Error("applyMigrations({ connectionString }) needs a PostgreSQL URL; open embedded PGlite yourself and pass { pglite }.");
    }
    factory = new PgMigrationAdapterFactory({ connectionString: parsed.connectionString, schema: parsed.schema });
  } else {
    throw new TypeError("applyMigrations needs { pglite } or { connectionString }.");
  }
  const errors = [];
  const log = (line) => {
    try {
      const entry = JSON.parse(line);
      if (entry.level === "ERROR") errors.push(entry.fields?.message);
    } catch {
      // not JSON: ignore
    }
  };
  try {
    // The engine needs a datasource block to know its connector: with no
    // datamodel at all it panics ("unreachable") inside applyMigrations.
    const datamodels = [["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n']];
    const engine = await createSchemaEngine({ datamodels, adapterFactory: factory, log });
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList,
        filters: { externalTables: [], externalEnums: [] },
      });
      return appliedMigrationNames;
    } finally {
      engine.free();
    }
  } catch (error) {
    const detail = errors.length ? `\n${errors.join("\n")}` : "";
    throw new Error(`Applying migrations from ${migrationsList.baseDir} failed: ${error?.message ?? error}${detail}`, {
      cause: error,
    });
  } finally {
    await factory.close();
  }
}
