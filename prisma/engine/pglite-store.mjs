// Opening PGlite databases quickly.
//
// Gap 7: initialising a fresh PGlite cluster (initdb inside wasm) takes 2-3 s.
// Shadow databases for `migrate dev` and new data directories would pay that
// every time. Instead we initialise one empty cluster once, keep its gzip dump
// in node_modules/.cache, and clone it (`loadDataDir`), which takes ~0.5 s.
// Also: PGlite does not create parent directories of its data directory.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";

import { PROJECT_ROOT } from "./datasource.mjs";

// createRequire, not import.meta.resolve: vitest's module runner lacks the latter.
const pgliteEntry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
const PGLITE_VERSION = JSON.parse(fs.readFileSync(path.join(path.dirname(pgliteEntry), "..", "package.json"), "utf8")).version;

/** Where the empty-cluster dump is cached (override: $PGLITE_TEMPLATE_CACHE_DIR). */
export function templateCacheFile(env = process.env) {
  const dir = env.PGLITE_TEMPLATE_CACHE_DIR || path.join(PROJECT_ROOT, "node_modules", ".cache", "pglite-template");
  return path.join(dir, `empty-cluster-pglite-${PGLITE_VERSION}.tar.gz`);
}

/** @type {Promise<Blob> | undefined} */
let templatePromise;

/** The gzip tarball of an empty cluster, from the cache or made (and cached) now. */
export function emptyClusterTemplate() {
  templatePromise ??= (async () => {
    const file = templateCacheFile();
    try {
      return new Blob([await fs.promises.readFile(file)]);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
    const fresh = await PGlite.create();
    try {
      const dump = await fresh.dumpDataDir("gzip");
      const bytes = Buffer.from(await dump.arrayBuffer());
      // Write-then-rename so a concurrent reader never sees half a file.
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, file);
      return new Blob([bytes]);
    } finally {
      await fresh.close();
    }
  })();
  templatePromise.catch(() => {
    templatePromise = undefined;
  });
  return templatePromise;
}

/** Whether `dir` holds an initialised PostgreSQL cluster. */
export function isPgliteCluster(dir) {
  return fs.existsSync(path.join(dir, "PG_VERSION"));
}

/** A new, empty in-memory PGlite (a clone of the cached empty cluster). */
export async function openEmptyPGlite() {
  return PGlite.create({ loadDataDir: await emptyClusterTemplate() });
}

/**
 * Opens (creating if needed, with parent directories) the PGlite database in
 * `dir`. The caller must hold the directory's lock (see pglite-lock.mjs).
 */
export async function openPGliteDirectory(dir) {
  const absolute = path.resolve(dir);
  if (isPgliteCluster(absolute)) return PGlite.create({ dataDir: absolute });
  fs.mkdirSync(absolute, { recursive: true });
  if (fs.readdirSync(absolute).length > 0) {
    throw new Error(`${absolute} is not empty and is not a PGlite data directory; refusing to initialise a database there.`);
  }
  return PGlite.create({ dataDir: absolute, loadDataDir: await emptyClusterTemplate() });
}
