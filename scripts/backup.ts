// `npm run backup [-- --out <dir>]`: a consistent backup of the database and
// the uploaded documents into one directory (docs/operations.md#backups-and-restore).
//
//   PostgreSQL (DATABASE_URL set): `pg_dump --format=custom` (one snapshot, taken
//     while the app runs) → db.dump
//   embedded PGlite: its data directory dumped by PGlite itself → pglite.tar.gz.
//     The embedded database belongs to one process: stop the server first (the
//     pid lock refuses otherwise). The generated secrets next to it
//     (session-secret, audit-signing-key.pem) are copied to secrets/.
//   UPLOADS_DIR, copied after the database (files are written once, so every
//     file the dump refers to is there) → uploads/
//   manifest.json: when, what, row counts, a SHA-256 of every file.
//
// Restore with `npm run restore -- <dir>`.
import { PGlite } from "@electric-sql/pglite";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseUrl, pgliteDir, uploadsDir } from "~/lib/env.server";
import { acquireLock, releaseLock } from "../prisma/engine/pglite-lock.mjs";
import { findPgBinary, rowCounts, sha256Tree } from "./backup-common";

const args = process.argv.slice(2);
const outArg = args.indexOf("--out");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = path.resolve(outArg >= 0 ? args[outArg + 1]! : path.join("backups", `zj-${stamp}`));
if (existsSync(out) && readdirSync(out).length) {
  console.error(`backup: ${out} exists and is not empty`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const t0 = Date.now();
const url = databaseUrl();
let counts: Record<string, number>;

if (url) {
  const pgDump = findPgBinary("pg_dump");
  const r = spawnSync(pgDump, ["--format=custom", "--no-owner", `--file=${path.join(out, "db.dump")}`, url], { encoding: "utf8" });
  if (r.status !== 0) {
    console.error(`backup: pg_dump failed (${r.status}): ${r.stderr}`);
    process.exit(1);
  }
  counts = await rowCounts({ url });
} else {
  const dir = pgliteDir();
  if (!existsSync(dir)) {
    console.error(`backup: no embedded database at ${dir}`);
    process.exit(1);
  }
  acquireLock(dir); // throws with an explanation while the server runs
  try {
    const pglite = await PGlite.create({ dataDir: dir });
    try {
      counts = await rowCounts({ pglite });
      const dump = await pglite.dumpDataDir("gzip");
      writeFileSync(path.join(out, "pglite.tar.gz"), Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  } finally {
    releaseLock(dir);
  }
  const secrets = path.join(out, "secrets");
  for (const f of ["session-secret", "audit-signing-key.pem"]) {
    const from = path.join(path.dirname(dir), f);
    if (!existsSync(from)) continue;
    mkdirSync(secrets, { recursive: true, mode: 0o700 });
    copyFileSync(from, path.join(secrets, f));
    chmodSync(path.join(secrets, f), 0o600);
  }
}

const uploads = uploadsDir();
if (existsSync(uploads)) cpSync(uploads, path.join(out, "uploads"), { recursive: true });

const manifest = {
  createdAt: new Date().toISOString(),
  database: url ? "postgres" : "pglite",
  rows: counts,
  files: sha256Tree(out),
};
writeFileSync(path.join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `Backup of the ${manifest.database === "postgres" ? "PostgreSQL" : "embedded"} database in ${out} (${Object.keys(manifest.files).length} files, ${Date.now() - t0} ms): ${Object.entries(
    counts,
  )
    .map(([k, v]) => `${v} ${k}`)
    .join(", ")}`,
);
