/**
 * Bid throughput benchmark over HTTP on real PostgreSQL, next to raw INSERTs.
 *
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:55460/postgres node --import tsx bench/bids.ts
 *
 * Creates a fresh database zj_bench_bids on that server, applies the migrations,
 * seeds the catalogue, 220 LISTED agencies with credentials for the item (one
 * SQL statement) and an OPEN LOWEST_PRICE request closing in 24 h; builds the
 * production bundle from a snapshot of the sources (tests/support/load-server.ts;
 * ./build is not touched) and starts scripts/server.mjs (NODE_ENV=production,
 * SCHEDULER=off) on a free 127.0.0.1 port; logs every agency in over HTTP
 * (POST /login); then, per concurrency level, N clients — one agency each,
 * one request in flight each — POST /requests/:id intent=bid (new amount every
 * time: the first is a submission, the rest revisions) back to back for a fixed
 * duration. Reports accepted bids per second (answered with the redirect to
 * ?bid=ok) and p50/p95/p99 latency of accepted bids, plus the same figures for
 * single-row INSERTs (autocommit) into a plain table through `pg` at the same
 * client concurrency, in the same run, and the ratio.
 *
 * The server's database pool is the app's own (DATABASE_POOL_MAX, default 20
 * connections per process); the raw INSERT clients get one connection each where the
 * server's max_connections allows, and once more through 10 connections.
 * Latency is measured by the client around fetch(), over loopback. Everything
 * (clients, server, PostgreSQL) shares this machine: the figures are for
 * comparing, not absolute capacity.
 *
 * The server is stopped and the database dropped at the end, also on error or
 * Ctrl-C (--keep keeps the database). Options: --seconds=15 --warmup=3
 * --levels=50,200 --spread=20 (an extra run at the highest level with the bids
 * spread over this many requests; 0 = off) --agencies=220 --keep
 * --cpu-prof=DIR (the server runs with `node --cpu-prof` and writes its
 * profile into DIR when it stops, one per process; bench/cpuprofile-top.ts
 * prints the top frames) --no-raw (skip the raw INSERT rows) --workers=N (serve with scripts/cluster.mjs,
 * WEB_CONCURRENCY=N, instead of one scripts/server.mjs).
 * LOAD_BUILD_DIR=/path (or BUILD_DIR) serves an existing build instead of building.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { hashPassword } from "../app/lib/password.server.ts";
import { applyMigrations } from "../prisma/engine/migrate.mjs";
import { seedCatalogue } from "../seeds/seed.ts";
import { bulkListedAgencies, latencySummary, type LoadAgency } from "../tests/support/load-fixtures.ts";
import { AppServer, freePort, login, postBid, prepareBuild, ROOT, yuanString, type BidOutcome } from "../tests/support/load-server.ts";
import { enterpriseUser, openRequest, SURVEY } from "../tests/support/requests.ts";
import { adminQuery as sharedAdminQuery, databaseUrl, ms, option, table } from "./support.ts";

const DB_NAME = process.env.BENCH_DB_NAME ?? "zj_bench_bids";
const PASSWORD = "Bench@2026bids";

const SECONDS = option("seconds", 15);
const WARMUP = option("warmup", 3);
const SPREAD = option("spread", 20);
const LEVELS = (process.argv.find((a) => a.startsWith("--levels="))?.slice(9) ?? "50,200")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const MAX_LEVEL = Math.max(...LEVELS);
const AGENCIES = Math.max(option("agencies", 220), MAX_LEVEL);
const KEEP = process.argv.includes("--keep");
const RAW = !process.argv.includes("--no-raw");
const CPU_PROF = process.argv.find((a) => a.startsWith("--cpu-prof="))?.slice(11);
const WORKERS = option("workers", 0);
const APP_POOL = `app (${WORKERS > 1 ? `${WORKERS}×` : ""}${process.env.DATABASE_POOL_MAX ?? 20})`;
if (process.env.BUILD_DIR && !process.env.LOAD_BUILD_DIR) process.env.LOAD_BUILD_DIR = process.env.BUILD_DIR;

const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) {
  console.error(`bench/bids.ts needs a PostgreSQL server: set BENCH_DATABASE_URL to a server URL
where this user may CREATE DATABASE (it creates and drops "${DB_NAME}"). Allow at least
${MAX_LEVEL + 40} connections (max_connections) for the raw-INSERT comparison.

A throwaway PostgreSQL 15 on Debian (apt-get install postgresql-15; initdb refuses root):

  mkdir -p /tmp/benchpg && chown postgres /tmp/benchpg
  su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/initdb -D /tmp/benchpg/data -A trust -U postgres -E UTF8 --locale=C.UTF-8"
  su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/benchpg/data -w -l /tmp/benchpg/log -o \\"-p 55441 -k /tmp/benchpg -c listen_addresses=127.0.0.1 -c max_connections=300\\" start"
  BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:55441/postgres node --import tsx bench/bids.ts

and afterwards: su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/benchpg/data stop"`);
  process.exit(2);
}
const benchUrl = databaseUrl(adminUrl, DB_NAME);

// ---------------------------------------------------------------- cleanup

let server: AppServer | undefined;
let dbCreated = false;
let cleaning: Promise<void> | undefined;
const uploads = path.join(ROOT, `bench/.tmp/bids-uploads-${process.pid}`);

const adminQuery = <T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string) => sharedAdminQuery<T>(adminUrl, sql);

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await server?.stop().catch(() => undefined);
    rmSync(uploads, { recursive: true, force: true });
    if (dbCreated && !KEEP) {
      await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).then(
        () => console.log(`\nStopped the server; dropped database ${DB_NAME}.`),
        (e: Error) => console.error(`Could not drop ${DB_NAME}: ${e.message}`),
      );
    } else if (dbCreated) console.log(`\nStopped the server; kept database ${DB_NAME} (--keep): ${benchUrl}`);
  })();
  return cleaning;
}

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: stopping the server and dropping the database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- measurement

type Run = {
  label: string;
  clients: number;
  pool: string;
  seconds: number;
  ok: number;
  latencies: number[];
  other: Record<string, number>;
  /** CPU (ms, user + system) during the run: the app server (all its processes), the database's backends for this database, this process. */
  cpu?: { server?: number; db?: number; client: number };
};

/**
 * CPU time in ms (user + system) of the processes `pick` chooses, from /proc
 * (Linux; undefined elsewhere). Throughput on a shared machine moves with
 * everything else running on it; the CPU one bid costs each process moves far
 * less, so the table reports both.
 */
function procCpuMs(pick: (p: { pid: number; ppid: number; cmdline: string }, all: Map<number, number>) => boolean): number | undefined {
  if (process.platform !== "linux") return undefined;
  const procs: { pid: number; ppid: number; ticks: number; cmdline: string }[] = [];
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmdline = readFileSync(`/proc/${e}/cmdline`, "utf8").replaceAll("\0", " ");
      procs.push({ pid: Number(e), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), cmdline });
    } catch {
      // gone meanwhile
    }
  }
  const parents = new Map(procs.map((p) => [p.pid, p.ppid]));
  return procs.filter((p) => pick(p, parents)).reduce((ms, p) => ms + p.ticks * 10, 0); // USER_HZ = 100
}

/** The process `root` and its descendants (the cluster's workers). */
const inTree = (root: number) => (p: { pid: number }, parents: Map<number, number>) => {
  for (let pid: number | undefined = p.pid; pid !== undefined && pid > 1; pid = parents.get(pid)) if (pid === root) return true;
  return false;
};
/** PostgreSQL backends connected to the benchmark database (their process title names it). */
const dbBackend = (p: { cmdline: string }) => p.cmdline.startsWith("postgres: ") && p.cmdline.includes(` ${DB_NAME} `);

/** Runs `work` and measures the CPU the server tree (if any), the database backends and this process spend meanwhile. */
async function withCpu<T extends Run>(serverPid: number | undefined, work: () => Promise<T>): Promise<T> {
  const s0 = serverPid ? procCpuMs(inTree(serverPid)) : undefined;
  const d0 = procCpuMs(dbBackend);
  const c0 = process.cpuUsage();
  const run = await work();
  const c = process.cpuUsage(c0);
  const s1 = serverPid ? procCpuMs(inTree(serverPid)) : undefined;
  const d1 = procCpuMs(dbBackend);
  run.cpu = {
    server: s0 !== undefined && s1 !== undefined ? s1 - s0 : undefined,
    db: d0 !== undefined && d1 !== undefined ? d1 - d0 : undefined,
    client: (c.user + c.system) / 1000,
  };
  return run;
}

function describeOutcome(o: BidOutcome): string {
  return o.kind === "network" ? `network ${o.message}` : `${o.kind === "refused" ? "refused" : "HTTP"} ${o.status}`;
}

/** `clients` agencies bid back to back for `seconds` on the given requests (client i on requests[i % n]). */
async function httpRun(label: string, base: string, clients: { cookie: string }[], requests: string[], seconds: number): Promise<Run> {
  const latencies: number[] = [];
  const other: Record<string, number> = {};
  let ok = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      const requestId = requests[i % requests.length]!;
      for (let seq = 1; performance.now() < end; seq++) {
        const amountFen = BigInt(50_000 + Math.floor(Math.random() * 49_999)) * 100n + BigInt(Math.floor(Math.random() * 100));
        const s = performance.now();
        const o = await postBid(base, c.cookie, requestId, {
          amount: yuanString(amountFen),
          serviceDays: 10 + (seq % 20),
          proposal: `基准测试报价 ${i}-${seq}：按规范完成勘测并出具报告`,
        });
        if (performance.now() > end) break; // answered after the window: not counted
        if (o.kind === "ack") {
          ok++;
          latencies.push(performance.now() - s);
        } else other[describeOutcome(o)] = (other[describeOutcome(o)] ?? 0) + 1;
      }
    }),
  );
  return { label, clients: clients.length, pool: APP_POOL, seconds: ms(t0) / 1000, ok, latencies, other };
}

/** Raw single-row INSERTs (autocommit) through pg at the same client concurrency. */
async function rawRun(label: string, clients: number, poolMax: number, seconds: number): Promise<Run> {
  const pool = new pg.Pool({ connectionString: benchUrl, max: poolMax });
  // Open the connections before the clock starts.
  await Promise.all(Array.from({ length: poolMax }, () => pool.query("SELECT 1 FROM pg_sleep(0.02)")));
  const latencies: number[] = [];
  const other: Record<string, number> = {};
  let ok = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        while (performance.now() < end) {
          const s = performance.now();
          try {
            await pool.query(`INSERT INTO bench_raw_bid (client, amount_fen, proposal) VALUES ($1, $2, $3)`, [
              i,
              5_000_000 + Math.floor(Math.random() * 4_999_900),
              `raw ${i}`,
            ]);
            if (performance.now() > end) break;
            ok++;
            latencies.push(performance.now() - s);
          } catch (e) {
            const k = `error ${(e as { code?: string }).code ?? (e as Error).message}`;
            other[k] = (other[k] ?? 0) + 1;
          }
        }
      }),
    );
  } finally {
    await pool.end();
  }
  return { label, clients, pool: String(poolMax), seconds: ms(t0) / 1000, ok, latencies, other };
}

// ---------------------------------------------------------------- main

async function main() {
  const t0 = performance.now();
  console.log(
    `Bid benchmark: ${AGENCIES} listed agencies, levels ${LEVELS.join(", ")} concurrent clients × ${SECONDS} s (${WARMUP} s warm-up), ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${DB_NAME}" ENCODING 'UTF8' TEMPLATE template0`);
  dbCreated = true;
  const { v, maxconn, sync, fsync } = (
    await adminQuery<{ v: string; maxconn: string; sync: string; fsync: string }>(
      `SELECT current_setting('server_version') v, current_setting('max_connections') maxconn, current_setting('synchronous_commit') sync, current_setting('fsync') fsync`,
    )
  )[0]!;
  console.log(`PostgreSQL ${v} at ${new URL(adminUrl!).host}: max_connections ${maxconn}, synchronous_commit ${sync}, fsync ${fsync}`);

  let m0 = performance.now();
  const applied = await applyMigrations({ connectionString: benchUrl }, path.join(ROOT, "prisma/migrations"));
  console.log(`  migrations: ${applied.length} applied in ${(ms(m0) / 1000).toFixed(1)} s`);

  m0 = performance.now();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: benchUrl }) });
  let agencies: LoadAgency[];
  let requestIds: string[];
  try {
    await seedCatalogue(prisma);
    agencies = await bulkListedAgencies(benchUrl, AGENCIES, { itemCode: SURVEY, passwordHash: await hashPassword(PASSWORD), tag: "bench" });
    const enterprise = await enterpriseUser(prisma);
    const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
    const closesAt = beijing(new Date(Date.now() + 24 * 3600_000));
    requestIds = [];
    for (let i = 0; i < Math.max(1, SPREAD); i++)
      requestIds.push((await openRequest(prisma, enterprise, { closesAt, title: `竞价基准测试项目 ${i + 1}` })).id);
  } finally {
    await prisma.$disconnect();
  }
  const raw = new pg.Client({ connectionString: benchUrl });
  await raw.connect();
  await raw.query(
    `CREATE TABLE bench_raw_bid (id bigserial PRIMARY KEY, client int NOT NULL, amount_fen bigint NOT NULL, proposal text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
  );
  await raw.end();
  console.log(
    `  seeded catalogue, ${AGENCIES} LISTED agencies with credentials, ${requestIds.length} OPEN request(s) closing in 24 h, in ${(ms(m0) / 1000).toFixed(1)} s`,
  );

  const build = await prepareBuild((s) => console.log(`  ${s}`));
  mkdirSync(uploads, { recursive: true });
  server = new AppServer(
    await freePort(),
    build,
    {
      DATABASE_URL: benchUrl,
      SESSION_SECRET: "bench-bids-" + randomBytes(24).toString("hex"),
      SCHEDULER: "off",
      UPLOADS_DIR: uploads,
      ...(WORKERS ? { WEB_CONCURRENCY: String(WORKERS) } : {}),
    },
    {
      nodeArgs: CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : [],
      script: WORKERS ? "scripts/cluster.mjs" : "scripts/server.mjs",
    },
  );
  const up = await server.start();
  console.log(
    `  server (${WORKERS ? `scripts/cluster.mjs, ${WORKERS} workers` : "scripts/server.mjs"}, NODE_ENV=production, SCHEDULER=off) up at ${server.base} in ${(up / 1000).toFixed(1)} s; build ${build.built ? "made now" : "reused"}: ${path.relative(ROOT, build.dir)}`,
  );

  m0 = performance.now();
  const clients: { cookie: string }[] = [];
  for (let i = 0; i < MAX_LEVEL; i += 8) {
    const batch = await Promise.all(agencies.slice(i, Math.min(MAX_LEVEL, i + 8)).map((a) => login(server!.base, a.email, PASSWORD)));
    clients.push(...batch.map((cookie) => ({ cookie })));
  }
  console.log(`  ${clients.length} agencies logged in over HTTP (POST /login, 8 at a time) in ${(ms(m0) / 1000).toFixed(1)} s`);

  const main = requestIds[0]!;
  if (WARMUP > 0) {
    const w = await httpRun("warm-up", server.base, clients.slice(0, 10), [main], WARMUP);
    console.log(`  warm-up: ${w.ok} bids in ${w.seconds.toFixed(1)} s (not counted)`);
  }

  const runs: Run[] = [];
  const maxConn = Number(maxconn);
  for (const level of LEVELS) {
    const r = await withCpu(server.child?.pid, () =>
      httpRun(`HTTP bid, 1 request`, server!.base, clients.slice(0, level), [main], SECONDS),
    );
    runs.push(r);
    console.log(`  ${r.label} × ${level}: ${r.ok} accepted`);
  }
  if (SPREAD > 1) {
    const r = await withCpu(server.child?.pid, () =>
      httpRun(`HTTP bid, ${SPREAD} requests`, server!.base, clients.slice(0, MAX_LEVEL), requestIds, SECONDS),
    );
    runs.push(r);
    console.log(`  ${r.label} × ${MAX_LEVEL}: ${r.ok} accepted`);
  }
  const serverErrors = new Map<string, number>();
  for (const chunk of server.logs) {
    for (const m of chunk.matchAll(/(P\d{4}[^\n]{0,100}|\b\w*Error\b:?[^\n]{0,100})/g))
      serverErrors.set(m[1]!.trim(), (serverErrors.get(m[1]!.trim()) ?? 0) + 1);
  }
  await server.stop();
  for (const level of RAW ? LEVELS : []) {
    const pool = Math.max(1, Math.min(level, maxConn - 20));
    const r = await withCpu(undefined, () => rawRun("raw INSERT (pg)", level, pool, SECONDS));
    runs.push(r);
    console.log(`  ${r.label} × ${level}, pool ${pool}: ${r.ok} rows`);
  }
  if (RAW) {
    const r = await withCpu(undefined, () => rawRun("raw INSERT (pg)", MAX_LEVEL, 10, SECONDS));
    runs.push(r);
    console.log(`  ${r.label} × ${MAX_LEVEL}, pool 10: ${r.ok} rows`);
  }

  // Sanity: every accepted bid left exactly one audit event (nothing acknowledged was lost).
  const check = new pg.Client({ connectionString: benchUrl });
  await check.connect();
  const { events } = (
    await check.query<{ events: string }>(`SELECT count(*) events FROM "AuditEvent" WHERE event IN ('BID_SUBMITTED', 'BID_REVISED')`)
  ).rows[0]!;
  await check.end();
  const acceptedTotal = runs.filter((r) => r.label.startsWith("HTTP")).reduce((s, r) => s + r.ok, 0);

  const rawAt = (clientsN: number) => runs.find((r) => r.label.startsWith("raw") && r.clients === clientsN && r.pool !== "10");
  const rows = runs.map((r) => {
    const l = latencySummary(r.latencies);
    const perS = r.ok / r.seconds;
    const base = r.label.startsWith("HTTP") ? rawAt(r.clients) : undefined;
    const ratio = base ? `${((perS / (base.ok / base.seconds)) * 100).toFixed(1)} %` : "";
    const others =
      Object.entries(r.other)
        .map(([k, n]) => `${k}: ${n}`)
        .join(", ") || "–";
    const per = (v: number | undefined) => (v === undefined || !r.ok ? "–" : (v / r.ok).toFixed(2));
    return [
      r.label,
      r.clients,
      r.pool,
      perS.toFixed(0),
      l.p50.toFixed(1),
      l.p95.toFixed(1),
      l.p99.toFixed(1),
      ratio,
      per(r.cpu?.server),
      per(r.cpu?.db),
      per(r.cpu?.client),
      others,
    ];
  });
  console.log(
    `\nAccepted bids per second over HTTP vs single-row INSERTs per second through pg, ${SECONDS} s per row, same machine, same run` +
      `\n(latency in ms of accepted requests, client-side; "not accepted" = answers other than the redirect to ?bid=ok; ratio = HTTP/raw at the same concurrency;` +
      `\nCPU ms per accepted bid / inserted row: "server" = the app server's processes, "db" = the PostgreSQL backends of ${DB_NAME}, "client" = this process):\n` +
      table(
        ["workload", "clients", "db pool", "per s", "p50", "p95", "p99", "HTTP/raw", "server CPU", "db CPU", "client CPU", "not accepted"],
        rows,
      ),
  );
  if (serverErrors.size)
    console.log(
      `\nServer log, errors (last ${server.logs.length} chunks): ` +
        [...serverErrors]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([k, n]) => `${n}× ${k}`)
          .join(" | "),
    );
  console.log(
    `\nBID_SUBMITTED/BID_REVISED audit events ${events}; bids accepted over HTTP (incl. warm-up) ≥ ${acceptedTotal}: ${Number(events) >= acceptedTotal ? "consistent" : "MISMATCH"}`,
  );
  console.log(
    `Total ${(ms(t0) / 1000).toFixed(0)} s; load average now ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
}

main()
  .catch((e: unknown) => {
    console.error(e);
    if (server?.logs.length) console.error(`server log (last lines):\n${server.logs.slice(-20).join("")}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
