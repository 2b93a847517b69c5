/**
 * The restore drill of docs/operations.md, run as an operator would
 * (`npm run backup`, `npm run restore`): the demo database — a year of history:
 * requests in every state, awards by random draw, ratings, sanctions, credit
 * scores — and an uploaded file are backed up, restored into an empty target,
 * and the restored copy must verify: the audit chains, every published random
 * draw, the same credit scores and row counts, the uploaded file byte for byte,
 * and the production server renders the public pages from it.
 *
 * On PGlite (the default pass) the embedded database; on PostgreSQL
 * (TEST_DB=postgres) pg_dump / pg_restore between two databases of the test
 * server. Prints the drill's timings.
 */
import { spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres } from "~/db/client.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { verifyDraw } from "~/services/requests/selection";
import { testDatabaseUrl } from "../support/load-fixtures";
import { AppServer, freePort, prepareBuild, ROOT } from "../support/load-server";
import { testTarget } from "../support/target";

const onPostgres = testTarget() === "postgres";
const dir = path.join(ROOT, `tests/.tmp/backup-drill-${process.pid}`);
const names = { src: `zj_bk_src_${process.pid}`, dst: `zj_bk_dst_${process.pid}` };

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (out += b.toString()));
    child.on("close", (code) => resolve({ code, out, ms: performance.now() - t0 }));
  });
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

type Facts = { counts: Record<string, number>; credit: string; draws: number; badDraws: string[] };

async function facts(db: PrismaClient): Promise<Facts> {
  const counts = {
    users: await db.user.count(),
    agencies: await db.agency.count(),
    requests: await db.serviceRequest.count(),
    bids: await db.bid.count(),
    announcements: await db.announcement.count(),
    auditEvents: await db.auditEvent.count(),
    ratings: await db.rating.count(),
  };
  const credit = JSON.stringify(await db.agency.findMany({ select: { id: true, creditScore: true }, orderBy: { id: "asc" } }));
  let draws = 0;
  const badDraws: string[] = [];
  for (const a of await db.announcement.findMany({ where: { kind: "AWARD" } })) {
    const d = (a.data ?? {}) as {
      draw?: { commitment: string; seed: string; entrants: string[] };
      ranking?: (string | { agencyId: string })[];
    };
    if (!d.draw) continue;
    draws++;
    const ranking = (d.ranking ?? []).map((r) => (typeof r === "string" ? r : r.agencyId));
    const v = verifyDraw({ ...d.draw, ranking });
    if (!v.ok) badDraws.push(`${a.id}: ${v.problems.join("; ")}`);
  }
  return { counts, credit, draws, badDraws };
}

describe("backup and restore drill (docs/operations.md)", () => {
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (onPostgres) for (const n of Object.values(names)) await admin(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
  });

  it("restores the demo year into an empty target that verifies and renders", async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const src: Record<string, string> = { UPLOADS_DIR: path.join(dir, "src/uploads") };
    const dst: Record<string, string> = { UPLOADS_DIR: path.join(dir, "dst/uploads") };
    if (onPostgres) {
      for (const n of Object.values(names)) {
        await admin(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
        await admin(`CREATE DATABASE "${n}"`);
      }
      Object.assign(src, { DATABASE_URL: testDatabaseUrl(names.src) });
      Object.assign(dst, { DATABASE_URL: testDatabaseUrl(names.dst) });
    } else {
      Object.assign(src, { DATABASE_URL: "", PGLITE_DIR: path.join(dir, "src/pglite") });
      Object.assign(dst, { DATABASE_URL: "", PGLITE_DIR: path.join(dir, "dst/pglite") });
    }

    // The demo year (migrations first) and an uploaded file.
    const seeded = await run("seeds/index.ts", [], src);
    expect(seeded.code, seeded.out).toBe(0);
    const upload = path.join(src.UPLOADS_DIR!, "ab", `ab${randomBytes(15).toString("hex")}`);
    mkdirSync(path.dirname(upload), { recursive: true });
    writeFileSync(upload, randomBytes(40_000));

    const backupDir = path.join(dir, "backup");
    const backup = await run("scripts/backup.ts", ["--out", backupDir], src);
    expect(backup.code, backup.out).toBe(0);
    const restore = await run("scripts/restore.ts", [backupDir], dst);
    expect(restore.code, restore.out).toBe(0);
    // A second restore into the now non-empty target is refused.
    const again = await run("scripts/restore.ts", [backupDir], dst);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/not empty/);

    // Compare the source and the restored copy.
    const open = (env: Record<string, string>) =>
      onPostgres ? openPostgres(env.DATABASE_URL!, { migrate: false }) : openPglite(env.PGLITE_DIR!, { migrate: false });
    const t0 = performance.now();
    const a = await open(src);
    const before = await facts(a.prisma);
    await a.close();
    const b = await open(dst);
    const after = await facts(b.prisma);
    const audit = await verifyAuditLog(b.prisma);
    const request = await b.prisma.serviceRequest.findFirstOrThrow({ where: { status: { not: "DRAFT" } } });
    const announcement = await b.prisma.announcement.findFirstOrThrow({ where: { kind: "AWARD" } });
    const agency = await b.prisma.agency.findFirstOrThrow({ where: { status: "LISTED" } });
    await b.close(); // the embedded database has one owner: the server below
    const verifyMs = performance.now() - t0;

    expect(audit.errors, "audit chain of the restored copy").toEqual([]);
    expect(audit.ok).toBe(true);
    expect(after.counts).toEqual(before.counts);
    expect(after.counts.auditEvents).toBeGreaterThan(50);
    expect(after.credit, "credit scores").toBe(before.credit);
    expect(after.draws, "published random draws").toBeGreaterThan(0);
    expect(after.draws).toBe(before.draws);
    expect(after.badDraws, "random draws that no longer verify").toEqual([]);
    const restoredUpload = path.join(dst.UPLOADS_DIR!, path.relative(src.UPLOADS_DIR!, upload));
    expect(existsSync(restoredUpload) && readFileSync(restoredUpload).equals(readFileSync(upload)), "the uploaded file").toBe(true);

    // The production server renders from the restored copy.
    const t1 = performance.now();
    const server = new AppServer(await freePort(), await prepareBuild(), {
      ...dst,
      SESSION_SECRET: randomBytes(24).toString("hex"),
      AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      INSECURE_COOKIES: "1",
      SCHEDULER: "off",
    });
    const statuses: Record<string, number> = {};
    try {
      await server.start();
      for (const p of [
        "/",
        "/requests",
        `/requests/${request.id}`,
        "/announcements",
        `/announcements/${announcement.id}`,
        "/agencies",
        `/agencies/${agency.id}`,
        "/catalogue",
        "/credit",
        "/audit",
      ]) {
        const res = await fetch(`${server.base}${p}`);
        await res.text();
        statuses[p] = res.status;
      }
    } finally {
      await server.stop();
    }
    console.log(
      `[backup drill, ${onPostgres ? "PostgreSQL pg_dump/pg_restore" : "embedded PGlite"}] seed ${(seeded.ms / 1000).toFixed(1)} s; backup ${(backup.ms / 1000).toFixed(1)} s; restore ${(restore.ms / 1000).toFixed(1)} s; verify ${(verifyMs / 1000).toFixed(1)} s (${after.counts.auditEvents} audit events, ${after.draws} draws); pages ${((performance.now() - t1) / 1000).toFixed(1)} s\n  ${backup.out.trim()}\n  ${restore.out.trim()}\n  pages: ${JSON.stringify(statuses)}`,
    );
    expect(Object.entries(statuses).filter(([, s]) => s !== 200)).toEqual([]);
  }, 600_000);
});
