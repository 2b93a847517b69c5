/**
 * Regulator dashboard benchmark on real PostgreSQL (docs/decisions/012-district-indicators.md).
 *
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:55433/postgres npm run bench:indicators
 *   (TEST_DATABASE_URL is used when BENCH_DATABASE_URL is unset)
 *
 * Creates a fresh database zj_bench_indicators on that server, applies the
 * migrations, seeds the catalogue and bulk-loads (SQL, seeded random) three
 * years of activity: --requests=50000 requests spread evenly over 1,095 days
 * across the 15 catalogue items, --agencies=600 agencies registered all over
 * China (≈10 % in the district 310107), three bids per closed request, the
 * announcements the platform writes (REQUEST_OPEN for every request, AWARD for
 * every award — 3 % re-awarded after an upheld objection, i.e. two AWARD
 * announcements — CONTRACT), deliveries on time or late. Then VACUUM ANALYZE.
 *
 * Measures, in this process, against that database:
 *  - the /regulator loader (the route module's own loader with a real regulator
 *    session: authorization, work queues and every indicator) — p50/p95/max over
 *    --n runs after --warmup runs, for the default 12 months, the longest
 *    period shown (36 months) and 12 months filtered by one catalogue item;
 *  - each of the three indicator statements alone (default period and 36 months);
 *  - EXPLAIN (ANALYZE, BUFFERS) of every SQL statement the indicators send
 *    (captured from Prisma's query log), unless --plans=none.
 * The database is dropped at the end, also on error or Ctrl-C (--keep keeps it).
 *
 * Options: --requests=50000 --agencies=600 --n=30 --warmup=3 --plans=full|none --keep
 */
import path from "node:path";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { applyMigrations } from "../prisma/engine/migrate.mjs";
import { seedCatalogue } from "../seeds/seed.ts";
import { adminQuery as sharedAdminQuery, databaseUrl, ms, option, percentile, table } from "./support.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const DB_NAME = "zj_bench_indicators";

const REQUESTS = Math.max(100, option("requests", 50_000));
const AGENCIES = Math.max(10, option("agencies", 600));
const N = Math.max(1, option("n", 30));
const WARMUP = option("warmup", 3);
const KEEP = process.argv.includes("--keep");
const PLANS = process.argv.find((a) => a.startsWith("--plans="))?.slice(8) ?? "full";

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error(`bench/indicators.ts needs a PostgreSQL server: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a
server URL where this user may CREATE DATABASE (it creates and drops "${DB_NAME}").

A throwaway PostgreSQL 15 on Debian (apt-get install postgresql-15; initdb refuses root):

  mkdir -p /tmp/benchpg && chown postgres /tmp/benchpg
  su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/initdb -D /tmp/benchpg/data -A trust -U postgres -E UTF8 --locale=C.UTF-8"
  su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/benchpg/data -w -l /tmp/benchpg/log -o \\"-p 55442 -k /tmp/benchpg -c listen_addresses=127.0.0.1\\" start"
  BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:55442/postgres npm run bench:indicators`);
  process.exit(2);
}
const benchUrl = databaseUrl(adminUrl, DB_NAME);

const fmt = (v: number) => v.toFixed(1);

const adminQuery = (sql: string) => sharedAdminQuery(adminUrl, sql);

let dbCreated = false;
let cleaning: Promise<void> | undefined;
let closeApp: (() => Promise<void>) | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await closeApp?.().catch(() => undefined);
    if (dbCreated && !KEEP) {
      await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).then(
        () => console.log(`\nDropped database ${DB_NAME}.`),
        (e: Error) => console.error(`Could not drop ${DB_NAME}: ${e.message}`),
      );
    } else if (dbCreated) console.log(`\nKept database ${DB_NAME} (--keep): ${benchUrl}`);
  })();
  return cleaning;
}
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: dropping the database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- seed

/** Registration regions: 10 % in the district, some elsewhere in Shanghai, the rest across provinces. */
const REGIONS = [
  "310107",
  "310104",
  "310115",
  "330100",
  "320100",
  "440300",
  "110108",
  "510100",
  "610100",
  "340100",
  "420100",
  "370100",
  "350200",
  "430100",
  "500000",
  "120000",
];

async function seed() {
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const r = await client.query(sql, params);
    console.log(`  ${name}: ${(r.rowCount ?? 0).toLocaleString("en")} rows in ${(ms(t0) / 1000).toFixed(1)} s`);
  };
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SELECT setseed(0.42)");
    await step(
      "Organization (enterprise, regulator)",
      `INSERT INTO "Organization" (id, kind, name, "regionCode") VALUES ('bench-ent', 'COMPANY', '基准测试业主', '310107'), ('bench-reg', 'GOVERNMENT', '基准测试主管部门', '310107')`,
    );
    await step(
      "User",
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId") VALUES ('bench-owner', 'owner@bench.zjcs', '业主', 'x', 'ENTERPRISE', 'bench-ent'), ('bench-regulator', 'regulator@bench.zjcs', '监管', 'x', 'REGULATOR', 'bench-reg')`,
    );
    await step(
      "Organization (agencies)",
      `INSERT INTO "Organization" (id, kind, name, "regionCode")
       SELECT 'bo' || g, 'AGENCY', '基准中介机构' || g || '号有限公司',
              CASE WHEN g % 10 = 0 THEN '310107' ELSE ($2::text[])[2 + (g % (array_length($2::text[], 1) - 1))] END
       FROM generate_series(1, $1::int) g`,
      [AGENCIES, REGIONS],
    );
    await step(
      "Agency",
      `INSERT INTO "Agency" (id, "organizationId", status, "listedAt", "updatedAt")
       SELECT 'ba' || g, 'bo' || g, CASE WHEN g % 50 = 0 THEN 'APPLIED' WHEN g % 97 = 0 THEN 'SUSPENDED' ELSE 'LISTED' END::"AgencyStatus", now(), now()
       FROM generate_series(1, $1::int) g`,
      [AGENCIES],
    );
    // One row per request with its whole (backdated) life; the tables are filled from it.
    await step(
      "plan (temporary)",
      `CREATE TEMP TABLE plan AS
       WITH base AS (
         SELECT g, items.ids[1 + floor(random() * array_length(items.ids, 1))::int] AS item,
                now() - interval '1095 days' + (g::float8 / $1) * interval '1095 days' + random() * interval '8 hours' AS opens,
                (20000 + floor(random() * 480000))::bigint * 100 AS cap,
                5 + floor(random() * 10)::int AS bidding, 10 + floor(random() * 40)::int AS service,
                random() AS fate, random() AS lateness, random() AS ratio,
                1 + floor(random() * $2::int)::int AS winner, 1 + floor(random() * $2::int)::int AS second
         FROM generate_series(1, $1::int) g, (SELECT array_agg(id ORDER BY code) AS ids FROM "CatalogueItem") items
       ), timed AS (
         SELECT *, opens + bidding * interval '1 day' AS closes,
                opens + bidding * interval '1 day' + interval '1 minute' + CASE WHEN fate < 0.03 THEN interval '5 days' ELSE interval '0' END AS awarded
         FROM base
       )
       SELECT *, awarded + interval '5 days' AS contracted, awarded + interval '5 days' + service * interval '1 day' AS due,
              awarded + interval '5 days' + service * interval '1 day' + CASE WHEN lateness < 0.8 THEN -random() * interval '5 days' ELSE random() * interval '12 days' END AS delivered,
              CASE WHEN closes > now() THEN 'OPEN'
                   WHEN fate > 0.92 THEN 'FAILED'
                   WHEN awarded + interval '5 days' + service * interval '1 day' + interval '20 days' < now() THEN 'COMPLETED'
                   ELSE 'IN_SERVICE' END AS status
       FROM timed`,
      [REQUESTS, AGENCIES],
    );
    await step(
      "ServiceRequest",
      `INSERT INTO "ServiceRequest" (id, code, "itemId", "enterpriseOrgId", "createdById", title, description, "fundingSource", "priceCapFen", "selectionMethod",
          "serviceDays", "opensAt", "closesAt", status, "awardedBidId", "publicityEndsAt", "contractedAt", "serviceStartedAt", "dueAt", "deliveredAt", "completedAt", "createdAt", "updatedAt")
       SELECT 'br' || g, 'BENCH-' || g, item, 'bench-ent', 'bench-owner', '基准项目' || g, '基准测试项目', 'ENTERPRISE', cap, 'LOWEST_PRICE',
              service, opens, closes, status::"RequestStatus",
              CASE WHEN status IN ('COMPLETED', 'IN_SERVICE') THEN 'bb' || g || '-1' END,
              CASE WHEN status IN ('COMPLETED', 'IN_SERVICE') THEN awarded + interval '3 days' END,
              CASE WHEN status IN ('COMPLETED', 'IN_SERVICE') THEN contracted END,
              CASE WHEN status IN ('COMPLETED', 'IN_SERVICE') THEN contracted END,
              CASE WHEN status IN ('COMPLETED', 'IN_SERVICE') THEN due END,
              CASE WHEN status = 'COMPLETED' THEN delivered END,
              CASE WHEN status = 'COMPLETED' THEN delivered + interval '3 days' END,
              opens - interval '2 hours', now()
       FROM plan`,
    );
    await step(
      "Bid (3 per closed request)",
      `INSERT INTO "Bid" (id, "requestId", "agencyId", "amountFen", "serviceDays", proposal, status, rank, "submittedAt", "createdAt")
       SELECT 'bb' || g || '-' || k, 'br' || g, 'ba' || (1 + ((winner + (k - 1) * (1 + second % ($1::int / 3))) % $1::int)),
              (cap * (CASE k WHEN 1 THEN 0.55 + ratio * 0.43 ELSE 0.99 END))::bigint, service, '方案',
              CASE WHEN k = 1 AND status IN ('COMPLETED', 'IN_SERVICE') THEN 'WON' ELSE 'LOST' END::"BidStatus", k,
              opens + interval '1 hour' * k, opens + interval '1 hour' * k
       FROM plan, generate_series(1, 3) k WHERE status <> 'OPEN'`,
      [AGENCIES],
    );
    await step(
      "Announcement REQUEST_OPEN",
      `INSERT INTO "Announcement" (id, kind, title, body, "entityType", "entityId", "publishedAt") SELECT gen_random_uuid()::text, 'REQUEST_OPEN', '项目公告', '—', 'request', 'br' || g, opens FROM plan`,
    );
    await step(
      "Announcement AWARD (3 % twice: re-awarded)",
      `INSERT INTO "Announcement" (id, kind, title, body, "entityType", "entityId", "publishedAt")
       SELECT gen_random_uuid()::text, 'AWARD', '中选公示', '—', 'request', 'br' || g, awarded FROM plan WHERE status IN ('COMPLETED', 'IN_SERVICE')
       UNION ALL
       SELECT gen_random_uuid()::text, 'AWARD', '中选公示', '—', 'request', 'br' || g, closes + interval '1 minute' FROM plan WHERE status IN ('COMPLETED', 'IN_SERVICE') AND fate < 0.03`,
    );
    await step(
      "Announcement CONTRACT / FAILED",
      `INSERT INTO "Announcement" (id, kind, title, body, "entityType", "entityId", "publishedAt")
       SELECT gen_random_uuid()::text, CASE WHEN status = 'FAILED' THEN 'FAILED' ELSE 'CONTRACT' END, '公告', '—', 'request', 'br' || g,
              CASE WHEN status = 'FAILED' THEN closes ELSE contracted END
       FROM plan WHERE status IN ('COMPLETED', 'IN_SERVICE', 'FAILED')`,
    );
    await step(
      "Objection (pending)",
      `INSERT INTO "Objection" (id, "requestId", "agencyId", reason) SELECT 'bobj' || g, 'br' || g, 'ba1', '异议' FROM plan WHERE g % 5000 = 0`,
    );
    await step(
      "SupervisionCase",
      `INSERT INTO "SupervisionCase" (id, code, "agencyId", "complainantUserId", subject, description, status, "updatedAt")
       SELECT 'bcase' || g, 'BC-' || g, 'ba' || (1 + g % $1::int), 'bench-owner', '投诉', '投诉内容', (ARRAY['OPEN','UNDER_REVIEW','DECIDED','APPEAL','FINAL'])[1 + g % 5]::"CaseStatus", now()
       FROM generate_series(1, 400) g`,
      [AGENCIES],
    );
    const t0 = performance.now();
    await client.query("VACUUM ANALYZE");
    console.log(`  VACUUM ANALYZE in ${(ms(t0) / 1000).toFixed(1)} s`);
    const counts = await client.query<{ t: string; n: string }>(
      `SELECT 'ServiceRequest' t, count(*) n FROM "ServiceRequest" UNION ALL SELECT 'Bid', count(*) FROM "Bid"
       UNION ALL SELECT 'Announcement', count(*) FROM "Announcement" UNION ALL SELECT 'Announcement AWARD', count(*) FROM "Announcement" WHERE kind = 'AWARD'
       UNION ALL SELECT 'Agency', count(*) FROM "Agency" UNION ALL SELECT 'COMPLETED', count(*) FROM "ServiceRequest" WHERE status = 'COMPLETED'`,
    );
    console.log(
      "\nRow counts:\n" +
        table(
          ["table", "rows"],
          counts.rows.map((r) => [r.t, Number(r.n).toLocaleString("en")]),
        ),
    );
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- measure

async function timed(label: string, fn: () => Promise<unknown>): Promise<(string | number)[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(ms(t0));
  }
  samples.sort((a, b) => a - b);
  return [label, samples.length, fmt(percentile(samples, 50)), fmt(percentile(samples, 95)), fmt(samples[samples.length - 1]!)];
}

async function main() {
  const t0 = performance.now();
  console.log(
    `Indicators benchmark: ${REQUESTS.toLocaleString("en")} requests over 3 years, ${AGENCIES} agencies; ${N} runs per figure after ${WARMUP} warm-up`,
  );
  await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${DB_NAME}" ENCODING 'UTF8' TEMPLATE template0`);
  dbCreated = true;
  const applied = await applyMigrations({ connectionString: benchUrl }, path.join(ROOT, "prisma/migrations"));
  console.log(`  migrations: ${applied.length} applied`);
  {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: benchUrl }) });
    await seedCatalogue(prisma);
    await prisma.$disconnect();
  }
  console.log("Seeding:");
  await seed();

  // The app's own modules, on the bench database (getDb() reads DATABASE_URL on first use).
  process.env.DATABASE_URL = benchUrl;
  const { closeDb, getDb } = await import("../app/db/client.server.ts");
  closeApp = closeDb;
  const { createUserSession } = await import("../app/lib/session.server.ts");
  const { loader } = await import("../app/routes/regulator.tsx");
  const ind = await import("../app/services/supervision/indicators.server.ts");
  const { dbNow } = await import("../app/services/clock.server.ts");
  const db = await getDb();
  const cookie = (await createUserSession("bench-regulator", "/")).headers.get("Set-Cookie")!.split(";")[0]!;
  const load = async (query: string) => {
    const res = (await loader({
      request: new Request(`http://localhost/regulator${query}`, { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    } as never)) as { init: ResponseInit | null; data: { indicators: { volume: { totalRequests: number } } } };
    if ((res.init?.status ?? 200) !== 200) throw new Error(`loader answered ${res.init?.status} for ${query}`);
    return res.data;
  };
  const now = await dbNow(db);
  const period = ind.defaultPeriod(now);
  const long = { from: ind.addMonths(period.to, -35), to: period.to };
  const item = await db.catalogueItem.findFirstOrThrow({ where: { code: "ZJ-PT-008" }, select: { id: true, code: true } });
  const sample = await load("");
  console.log(
    `\nDefault period ${period.from} … ${period.to}: ${sample.indicators.volume.totalRequests.toLocaleString("en")} requests posted in it.`,
  );

  const rows: (string | number)[][] = [];
  const load0 = os.loadavg()[0]!;
  rows.push(await timed("loader /regulator (12 months)", () => load("")));
  rows.push(await timed("loader /regulator (36 months)", () => load(`?from=${long.from}&to=${long.to}`)));
  rows.push(await timed(`loader /regulator (12 months, item ${item.code})`, () => load(`?item=${item.code}`)));
  const range = ind.rangeOf(period);
  rows.push(await timed("  workQueues", () => ind.workQueues(db)));
  rows.push(await timed("  requestsByMonthItem (SQL 1)", () => ind.requestsByMonthItem(db, range)));
  rows.push(await timed("  awardAggregates (SQL 2: every award figure)", () => ind.awardAggregates(db, range)));
  rows.push(await timed("  onTimeDelivery (SQL 3)", () => ind.onTimeDelivery(db, range)));
  rows.push(await timed("  districtIndicators (1–3 + item names)", () => ind.districtIndicators(db, range)));
  const longRange = ind.rangeOf(long);
  rows.push(await timed("  requestsByMonthItem (36 months)", () => ind.requestsByMonthItem(db, longRange)));
  rows.push(await timed("  awardAggregates (36 months)", () => ind.awardAggregates(db, longRange)));
  rows.push(await timed("  onTimeDelivery (36 months)", () => ind.onTimeDelivery(db, longRange)));
  const load1 = os.loadavg()[0]!;
  console.log(
    `\nLatency, ms (in-process, one at a time; PostgreSQL on ${new URL(adminUrl!).host}; ${os.cpus().length}-core machine, 1-min load ${load0.toFixed(1)} before / ${load1.toFixed(1)} after):\n` +
      table(["what", "n", "p50", "p95", "max"], rows),
  );

  if (PLANS !== "none") {
    console.log(`\n## Plans of the indicator statements (default period), EXPLAIN (ANALYZE, BUFFERS)`);
    const captured: { query: string; params: string }[] = [];
    const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: benchUrl }), log: [{ emit: "event", level: "query" }] });
    logged.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
    const client = new pg.Client({ connectionString: benchUrl });
    await client.connect();
    try {
      const statements: [string, () => Promise<unknown>][] = [
        ["requestsByMonthItem", () => ind.requestsByMonthItem(logged, range)],
        ["awardAggregates", () => ind.awardAggregates(logged, range)],
        ["onTimeDelivery", () => ind.onTimeDelivery(logged, range)],
      ];
      for (const [name, run] of statements) {
        captured.length = 0;
        await run();
        for (const s of captured) {
          const params = JSON.parse(s.params || "[]") as unknown[];
          const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, params);
          console.log(`\n-- ${name}; params ${JSON.stringify(params)}\n` + plan.rows.map((r) => "   " + r["QUERY PLAN"]).join("\n"));
        }
      }
    } finally {
      await client.end();
      await logged.$disconnect();
    }
  }
  console.log(`\nTotal ${(ms(t0) / 1000).toFixed(0)} s.`);
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  exitCode = 1;
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
} finally {
  await cleanup();
}
process.exit(exitCode);
