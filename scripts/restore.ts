// `npm run restore -- <backup dir>`: restores a backup made by `npm run backup`
// into an EMPTY target — DATABASE_URL's database (pg_restore) or, without it,
// the embedded database at PGLITE_DIR, plus the uploads into UPLOADS_DIR and,
// for the embedded database, its secrets next to it (when none are there).
// Refuses a target that holds data. Checks the files against the manifest
// before, and the row counts against it after; then run `npm run audit:verify`.
import { PGlite } from "@electric-sql/pglite";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseUrl, pgliteDir, uploadsDir } from "~/lib/env.server";
import { acquireLock, releaseLock } from "../prisma/engine/pglite-lock.mjs";
import { findPgBinary, rowCounts, sha256Tree } from "./backup-common";

function fail(message: string): never {
  console.error(`restore: ${message}`);
  process.exit(1);
}

const from = process.argv[2] ? path.resolve(process.argv[2]) : fail("usage: npm run restore -- <backup dir>");
const manifestFile = path.join(from, "manifest.json");
if (!existsSync(manifestFile)) fail(`${from} has no manifest.json`);
const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
  database: "postgres" | "pglite";
  rows: Record<string, number>;
  files: Record<string, string>;
};
const actual = sha256Tree(from);
const damaged = Object.entries(manifest.files).filter(([f, h]) => actual[f] !== h);
if (damaged.length) fail(`files missing or changed since the backup: ${damaged.map(([f]) => f).join(", ")}`);
const t0 = Date.now();
const url = databaseUrl();
let counts: Record<string, number>;

if (url) {
  if (manifest.database !== "postgres") fail("this is a backup of the embedded database: unset DATABASE_URL to restore it");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const tables = await c.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1`);
  await c.end();
  if (tables.rowCount) fail("the target database is not empty (create a new one: createdb …)");
  const r = spawnSync(findPgBinary("pg_restore"), ["--no-owner", "--exit-on-error", `--dbname=${url}`, path.join(from, "db.dump")], {
    encoding: "utf8",
  });
  if (r.status !== 0) fail(`pg_restore failed (${r.status}): ${r.stderr}`);
  counts = await rowCounts({ url });
} else {
  if (manifest.database !== "pglite") fail("this is a PostgreSQL backup: set DATABASE_URL to an empty database");
  const dir = pgliteDir();
  if (existsSync(dir) && readdirSync(dir).length) fail(`${dir} is not empty (choose an empty PGLITE_DIR)`);
  acquireLock(dir);
  try {
    const blob = new Blob([readFileSync(path.join(from, "pglite.tar.gz"))]);
    const pglite = await PGlite.create({ dataDir: dir, loadDataDir: blob });
    try {
      counts = await rowCounts({ pglite });
    } finally {
      await pglite.close();
    }
  } finally {
    releaseLock(dir);
  }
  const secrets = path.join(from, "secrets");
  if (existsSync(secrets))
    for (const f of readdirSync(secrets)) {
      const to = path.join(path.dirname(dir), f);
      if (!existsSync(to)) copyFileSync(path.join(secrets, f), to);
    }
}

const uploads = path.join(from, "uploads");
if (existsSync(uploads)) {
  const to = uploadsDir();
  if (existsSync(to) && readdirSync(to).length) fail(`${to} is not empty (choose an empty UPLOADS_DIR)`);
  mkdirSync(to, { recursive: true });
  cpSync(uploads, to, { recursive: true });
}

const differ = Object.keys(manifest.rows).filter((t) => manifest.rows[t] !== counts[t]);
if (differ.length) fail(`row counts differ from the backup's: ${differ.map((t) => `${t} ${counts[t]} ≠ ${manifest.rows[t]}`).join(", ")}`);
console.log(
  `Restored ${from} in ${Date.now() - t0} ms: ${Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ")}. Next: npm run audit:verify`,
);
