// Shared by scripts/backup.ts and scripts/restore.ts.
import type { PGlite } from "@electric-sql/pglite";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** A PostgreSQL client program (pg_dump, pg_restore): PG_BINDIR, `pg_config --bindir`, the newest /usr/lib/postgresql/<n>/bin, or the PATH. */
export function findPgBinary(name: string): string {
  const dirs: string[] = [];
  if (process.env.PG_BINDIR) dirs.push(process.env.PG_BINDIR);
  try {
    dirs.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    // pg_config comes with libpq-dev, not with the server
  }
  if (existsSync("/usr/lib/postgresql"))
    for (const v of readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))) dirs.push(`/usr/lib/postgresql/${v}/bin`);
  const found = dirs.map((d) => path.join(d, name)).find((p) => existsSync(p));
  if (found) return found;
  const which = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error(`${name} not found: install the PostgreSQL client (apt-get install postgresql-client-15) or set PG_BINDIR`);
}

const TABLES = ["User", "Agency", "ServiceRequest", "Bid", "Announcement", "AuditEvent", "AuditCheckpoint", "Document"];

/** Row counts of the main tables, to compare a restore with its backup. */
export async function rowCounts(db: { url: string } | { pglite: PGlite }): Promise<Record<string, number>> {
  const sql = TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(" UNION ALL ");
  let rows: { t: string; n: number }[];
  if ("url" in db) {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      rows = (await c.query<{ t: string; n: number }>(sql)).rows;
    } finally {
      await c.end();
    }
  } else rows = (await db.pglite.query<{ t: string; n: number }>(sql)).rows;
  return Object.fromEntries(TABLES.map((t) => [t, rows.find((r) => r.t === t)?.n ?? 0]));
}

/** SHA-256 of every file under `dir` (relative paths), manifest.json excepted. */
export function sha256Tree(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir).sort()) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) Object.assign(out, sha256Tree(p, base));
    else if (path.relative(base, p) !== "manifest.json")
      out[path.relative(base, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
  }
  return out;
}
