/**
 * Public pages against /healthz, anonymous, over HTTP, in one run (autocannon).
 *
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:55432/postgres node --import tsx bench/pages.ts
 *
 * Creates a fresh database zj_bench_pages on that server, applies the
 * migrations and seeds the demo data (seeds/seed.ts: the catalogue, agencies,
 * requests in every state, announcements, sanctions); builds the production
 * bundle from a snapshot of the sources (tests/support/load-server.ts) and
 * starts scripts/server.mjs (NODE_ENV=production, SCHEDULER=off) on a free
 * 127.0.0.1 port. Then, for /healthz and every public page, autocannon with
 * --connections clients for --seconds (after a 1 s warm-up): requests per
 * second, latency p50/p99, answers other than 2xx, and the ratio to /healthz
 * in the same run. When a page answers with an ETag, the same again with
 * If-None-Match (the conditional request a CDN or a browser revalidating
 * sends). Last, the JavaScript a browser loads for each page (every /assets
 * script the HTML names: entry, route modules, their preloaded chunks),
 * gzip-compressed as it travels.
 *
 * Everything (load generator, server, PostgreSQL) shares this machine: the
 * figures are for comparing, in one run, not absolute capacity. Options:
 * --seconds=10 --connections=50 --warmup=3 (seconds per page, every page in turn
 * before measuring any) --pages=/,/catalogue,… --keep (keep the
 * database). LOAD_BUILD_DIR=/path serves an existing build instead of building.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import autocannon from "autocannon";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { applyMigrations } from "../prisma/engine/migrate.mjs";
import { seedAll } from "../seeds/seed.ts";
import { AppServer, freePort, prepareBuild, ROOT } from "../tests/support/load-server.ts";
import { adminQuery as sharedAdminQuery, databaseUrl, ms, option, table } from "./support.ts";

const DB_NAME = "zj_bench_pages";
const SECONDS = option("seconds", 10);
const CONNECTIONS = option("connections", 50);
const WARMUP = option("warmup", 3);
const KEEP = process.argv.includes("--keep");
const PAGES = (
  process.argv.find((a) => a.startsWith("--pages="))?.slice(8) ?? "/,/catalogue,/agencies,/requests,/announcements,/credit"
).split(",");

const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) {
  console.error(`bench/pages.ts needs a PostgreSQL server: set BENCH_DATABASE_URL to a server URL
where this user may CREATE DATABASE (it creates and drops "${DB_NAME}"); see bench/bids.ts for a throwaway one.`);
  process.exit(2);
}
const benchUrl = databaseUrl(adminUrl, DB_NAME);
const adminQuery = (sql: string) => sharedAdminQuery(adminUrl, sql);

let server: AppServer | undefined;
let dbCreated = false;
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await server?.stop().catch(() => undefined);
    if (dbCreated && !KEEP)
      await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).then(
        () => console.log(`\nStopped the server; dropped database ${DB_NAME}.`),
        (e: Error) => console.error(`Could not drop ${DB_NAME}: ${e.message}`),
      );
  })();
  return cleaning;
}
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void cleanup().finally(() => process.exit(130)));

type Measured = { rps: number; p50: number; p99: number; non2xx: number; errors: number; n2xx: number; n3xx: number };

async function cannon(url: string, seconds: number, headers: Record<string, string> = {}): Promise<Measured> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  // A 304 counts as an answer, not as an error: autocannon counts it as non-2xx.
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx - (headers["If-None-Match"] ? (r["3xx"] ?? 0) : 0),
    errors: r.errors + r.timeouts,
    n2xx: r["2xx"] ?? 0,
    n3xx: r["3xx"] ?? 0,
  };
}

/** The gzip size of every /assets script the page's HTML names (modulepreload links, the entry's imports). */
async function javascriptOf(base: string, page: string): Promise<{ files: number; gzip: number; raw: number }> {
  const html = await (await fetch(`${base}${page}`)).text();
  const urls = [...new Set([...html.matchAll(/\/assets\/[^"'\s)]+\.js/g)].map((m) => m[0]))];
  let gzip = 0;
  let raw = 0;
  for (const u of urls) {
    const body = Buffer.from(await (await fetch(`${base}${u}`)).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: urls.length, gzip, raw };
}

const kb = (n: number) => (n / 1024).toFixed(1);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

async function main() {
  const t0 = performance.now();
  console.log(
    `Public pages benchmark: ${CONNECTIONS} connections × ${SECONDS} s per page, anonymous; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), load average ${load()}`,
  );
  await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${DB_NAME}" ENCODING 'UTF8' TEMPLATE template0`);
  dbCreated = true;
  let m0 = performance.now();
  await applyMigrations({ connectionString: benchUrl }, path.join(ROOT, "prisma/migrations"));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: benchUrl }) });
  try {
    await seedAll(prisma);
  } finally {
    await prisma.$disconnect();
  }
  console.log(`  migrated and seeded the demo data in ${(ms(m0) / 1000).toFixed(1)} s`);

  const build = await prepareBuild((s) => console.log(`  ${s}`));
  server = new AppServer(await freePort(), build, {
    DATABASE_URL: benchUrl,
    SESSION_SECRET: "bench-pages-" + randomBytes(24).toString("hex"),
    SCHEDULER: "off",
  });
  const up = await server.start();
  console.log(`  server up at ${server.base} in ${(up / 1000).toFixed(1)} s; build ${build.built ? "made now" : "reused"}`);

  // Warm-up: every page in turn, so the first one measured does not pay for the JIT compiling the render
  // pipeline all pages share (the first page measured used to read 5–10 × slower than the same page later).
  for (const page of ["/healthz", ...PAGES]) await cannon(`${server.base}${page}`, WARMUP);
  const rows: (string | number)[][] = [];
  m0 = performance.now();
  const health = await (async () => {
    await cannon(`${server!.base}/healthz`, 1);
    return cannon(`${server!.base}/healthz`, SECONDS);
  })();
  rows.push(["/healthz", "–", health.rps.toFixed(0), health.p50, health.p99, "1.00 ×", health.non2xx + health.errors]);
  const conditional: (string | number)[][] = [];
  for (const page of PAGES) {
    const url = `${server.base}${page}`;
    // The tag names one encoding (decision 032): ask for the one autocannon gets.
    const first = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
    await first.arrayBuffer();
    if (first.status !== 200) throw new Error(`${page} answered ${first.status}, not 200`);
    const etag = first.headers.get("etag");
    const cacheControl = first.headers.get("cache-control") ?? "–";
    await cannon(url, 1);
    const m = await cannon(url, SECONDS);
    rows.push([page, cacheControl, m.rps.toFixed(0), m.p50, m.p99, `${(m.rps / health.rps).toFixed(2)} ×`, m.non2xx + m.errors]);
    if (etag) {
      // The tag again just before: it names the data version and the minute (decision 032), and a minute may
      // have turned during the run above. The 304s are counted: a 200 here was a full render.
      const fresh = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
      await fresh.arrayBuffer();
      const c = await cannon(url, SECONDS, { "If-None-Match": fresh.headers.get("etag") ?? etag, "Accept-Encoding": "identity" });
      conditional.push([page, c.rps.toFixed(0), c.p50, c.p99, `${(c.rps / health.rps).toFixed(2)} ×`, c.n3xx, c.n2xx, c.non2xx + c.errors]);
    } else conditional.push([page, "no ETag", "–", "–", "–", "–", "–", "–"]);
  }
  console.log(`\nAnonymous GET, ${CONNECTIONS} connections, ${SECONDS} s each (latency ms; "other" = non-2xx answers and errors):`);
  console.log(table(["page", "Cache-Control", "req/s", "p50", "p99", "vs /healthz", "other"], rows));
  console.log(`\nConditional GET (If-None-Match with the page's ETag; 304 expected):`);
  console.log(table(["page", "req/s", "p50", "p99", "vs /healthz", "304", "200", "other"], conditional));
  console.log(`  (measured in ${(ms(m0) / 1000).toFixed(0)} s; load average ${load()})`);

  const js: (string | number)[][] = [];
  for (const page of PAGES) {
    const j = await javascriptOf(server.base, page);
    js.push([page, j.files, kb(j.raw), kb(j.gzip)]);
  }
  console.log(`\nJavaScript per page (every /assets script the HTML names; KB):`);
  console.log(table(["page", "files", "raw", "gzip"], js));
  console.log(`\nTotal ${(ms(t0) / 1000).toFixed(0)} s; load average now ${load()}`);
}

main()
  .catch((e: unknown) => {
    console.error(e);
    if (server?.logs.length) console.error(`server log (last lines):\n${server.logs.slice(-20).join("")}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
