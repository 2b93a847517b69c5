import type { PGlite } from "@electric-sql/pglite";
/** Where the cached empty-cluster dump lives. */
export declare function templateCacheFile(env?: NodeJS.ProcessEnv): string;
/** Gzip tarball of an empty PGlite cluster (cached in node_modules/.cache). */
export declare function emptyClusterTemplate(): Promise<Blob>;
/** Whether `dir` holds an initialised PostgreSQL cluster. */
export declare function isPgliteCluster(dir: string): boolean;
/** A new empty in-memory PGlite (clone of the cached empty cluster, ~0.5 s). */
export declare function openEmptyPGlite(): Promise<PGlite>;
/**
 * Opens the PGlite database in `dir`, creating it (and parent directories) when missing.
 * The caller must hold the lock from pglite-lock.mjs for `dir`.
 */
export declare function openPGliteDirectory(dir: string): Promise<PGlite>;
