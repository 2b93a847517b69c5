import type { PGlite } from "@electric-sql/pglite";

/** <project>/prisma/migrations */
export declare const DEFAULT_MIGRATIONS_DIR: string;

export interface MigrationsList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: Array<{
    path: string;
    migrationFile: { path: string; content: { tag: "ok"; value: string } | { tag: "error"; value: string } };
  }>;
}

/** Reads a migrations directory the way the Prisma CLI does (missing directory = no migrations). */
export declare function readMigrationsList(migrationsDir?: string): Promise<MigrationsList>;

export type MigrationTarget =
  /** An open PGlite owned by the caller; it stays open. */
  | { pglite: PGlite }
  /** A postgresql:// URL of a PostgreSQL server (not the embedded pglite URL). */
  | { connectionString: string };

/**
 * Applies the unapplied migrations (same engine command as `prisma migrate deploy`)
 * and returns the names applied now; [] when up to date. Safe on a fresh database.
 * Rejects when a migration fails or the database has tables but no migration history.
 */
export declare function applyMigrations(target: MigrationTarget, migrationsDir?: string): Promise<string[]>;
