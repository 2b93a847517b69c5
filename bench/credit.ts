/**
 * Credit recomputation benchmark on real PostgreSQL (docs/decisions/013-credit-recompute.md).
 *
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:55433/postgres node --import tsx bench/credit.ts
 *
 * Creates a fresh database zj_bench_credit on that server, applies the
 * migrations and bulk-loads (SQL, generate_series) 20,000 listed agencies,
 * four "hot" agencies with 0 / 100 / 1,000 / 10,000 completed requests each
 * (a WON bid, on-time or late delivery, a rating each, dated over three years),
 * 5,000 sanctions and 2,000 upheld objections spread over the agencies. Then it measures, in this process
 * with the app's own services:
 *   - recomputeCreditScore(tx, agency) per hot agency (its own transaction);
 *   - rateRequest end to end (lock, insert, aggregate, recompute, audit, notify)
 *     per hot agency;
 *   - one scheduler tick of recomputeTimeDependentCreditScores with nothing due
 *     (the cost every instance pays every tick), and a tick with 200 agencies due.
 * Prints median / p95 / max in milliseconds. The database is dropped at the
 * end (--keep keeps it). Options: --n=50 (samples per measurement).
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openPostgres } from "../app/db/client.server.ts";
import { makeCreditCode } from "../app/lib/credit-code.ts";
import { hashPassword } from "../app/lib/password.server.ts";
import { recomputeCreditScore } from "../app/services/credit/recompute.server.ts";
import { recomputeTimeDependentCreditScores } from "../app/services/ratings/credit-refresh.server.ts";
import { rateRequest } from "../app/services/ratings/ratings.server.ts";
import { seedCatalogue } from "../seeds/seed.ts";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("BENCH_DATABASE_URL is required (a PostgreSQL server; a database zj_bench_credit is created and dropped).");
  process.exit(2);
}
const arg = (name: string, def: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? def;
const N = Number(arg("n", "50"));
const keep = process.argv.includes("--keep");
const DB = "zj_bench_credit";
const AGENCIES = 20_000;
const HOT = [0, 100, 1000, 10_000];

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(1)} ms · p95 ${at(0.95).toFixed(1)} ms · max ${s[s.length - 1]!.toFixed(1)} ms (n=${s.length})`;
}

async function time(n: number, fn: (i: number) => Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB}`);
const dbUrl = new URL(url);
dbUrl.pathname = `/${DB}`;
const handle = await openPostgres(dbUrl.toString());
const db = handle.prisma;
try {
  const t0 = performance.now();
  await seedCatalogue(db);
  const item = await db.catalogueItem.findFirstOrThrow({ select: { id: true } });
  const entOrg = await db.organization.create({ data: { kind: "COMPANY", name: "基准测试业主" } });
  const entUser = await db.user.create({
    data: {
      email: "bench-owner@example.cn",
      name: "业主",
      role: "ENTERPRISE",
      organizationId: entOrg.id,
      passwordHash: await hashPassword("bench-password-1"),
    },
  });
  const owner = {
    id: entUser.id,
    email: entUser.email,
    name: entUser.name,
    role: entUser.role,
    organizationId: entOrg.id,
    organizationName: entOrg.name,
  };

  // Agencies: organizations with valid credit codes, all LISTED.
  const codes = Array.from({ length: AGENCIES }, (_, i) => makeCreditCode(`91310107MA${i.toString().padStart(7, "0")}`));
  await db.$executeRawUnsafe(`
    INSERT INTO "Organization" (id, kind, name, "creditCode", "regionCode")
    SELECT 'org-' || i, 'AGENCY', '基准测绘' || i || '号有限公司', (ARRAY[${codes.map((c) => `'${c}'`).join(",")}])[i], '310107'
    FROM generate_series(1, ${AGENCIES}) i ON CONFLICT DO NOTHING`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Agency" (id, "organizationId", status, "listedAt", "updatedAt")
    SELECT 'ag-' || i, 'org-' || i, 'LISTED', now(), now() FROM generate_series(1, ${AGENCIES}) i`);

  // Hot agencies: k completed requests each with a WON bid, a delivery and a rating; plus N unrated ones for rateRequest.
  for (const [h, k] of HOT.entries()) {
    const agency = `ag-${h + 1}`;
    const total = k + N;
    await db.$executeRawUnsafe(`
      INSERT INTO "ServiceRequest" (id, code, "itemId", "enterpriseOrgId", "createdById", title, description, "fundingSource", "priceCapFen", "selectionMethod", "serviceDays", "closesAt", status, "awardedBidId", "dueAt", "deliveredAt", "completedAt", "updatedAt")
      SELECT 'rq-${h}-' || i, 'BENCH-${h}-' || i, '${item.id}', '${entOrg.id}', '${entUser.id}', '基准项目' || i, '基准', 'ENTERPRISE', 10000000, 'LOWEST_PRICE', 20,
             now() - (i || ' hours')::interval, 'COMPLETED', 'bd-${h}-' || i, now() - (i || ' hours')::interval,
             now() - (i || ' hours')::interval + CASE WHEN i % 5 = 0 THEN interval '1 day' ELSE interval '-1 day' END, now() - (i || ' hours')::interval, now()
      FROM generate_series(1, ${total}) i`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Bid" (id, "requestId", "agencyId", "amountFen", "serviceDays", proposal, status)
      SELECT 'bd-${h}-' || i, 'rq-${h}-' || i, '${agency}', 9000000, 20, '基准', 'WON' FROM generate_series(1, ${total}) i`);
    if (k > 0) {
      await db.$executeRawUnsafe(`
        INSERT INTO "Rating" (id, "requestId", "agencyId", "enterpriseOrgId", quality, timeliness, attitude, "feeCompliance", standards, text, "createdAt")
        SELECT 'rt-${h}-' || i, 'rq-${h}-' || i, '${agency}', '${entOrg.id}', 1 + i % 5, 1 + (i * 7) % 5, 1 + (i * 3) % 5, 1 + (i * 11) % 5, 1 + (i * 13) % 5, '基准评价内容' || i,
               now() - ((i * 1095 / ${k}) || ' days')::interval
        FROM generate_series(${N + 1}, ${total}) i`);
    }
  }

  // 5,000 sanctions (warnings and ended suspensions; 500 blacklist entries in force) and 2,000 upheld objections.
  await db.$executeRawUnsafe(`
    INSERT INTO "Sanction" (id, "agencyId", kind, reason, "legalBasis", evidence, authority, "startsAt", "endsAt")
    SELECT 'sx-' || i, 'ag-' || (100 + i * 3 % ${AGENCIES - 200}), (CASE WHEN i % 10 = 0 THEN 'BLACKLIST' WHEN i % 2 = 0 THEN 'SUSPENSION' ELSE 'WARNING' END)::"SanctionKind",
           '基准处罚', '基准依据', '基准证据', '区审改办', now() - interval '400 days',
           CASE WHEN i % 10 = 0 THEN now() + interval '300 days' WHEN i % 2 = 0 THEN now() - interval '300 days' ELSE NULL END
    FROM generate_series(1, 5000) i`);
  await db.$executeRawUnsafe(`
    INSERT INTO "ServiceRequest" (id, code, "itemId", "enterpriseOrgId", "createdById", title, description, "fundingSource", "priceCapFen", "selectionMethod", "serviceDays", "closesAt", status, "updatedAt")
    SELECT 'ob-rq-' || i, 'BENCH-OB-' || i, '${item.id}', '${entOrg.id}', '${entUser.id}', '异议项目' || i, '基准', 'ENTERPRISE', 10000000, 'LOWEST_PRICE', 20, now() - interval '30 days', 'FAILED', now()
    FROM generate_series(1, 2000) i`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Bid" (id, "requestId", "agencyId", "amountFen", "serviceDays", proposal, status, "invalidReason")
    SELECT 'ob-bd-' || i, 'ob-rq-' || i, 'ag-' || (200 + i * 7 % ${AGENCIES - 300}), 9000000, 20, '基准', 'INVALIDATED', 'OBJECTION_UPHELD' FROM generate_series(1, 2000) i`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Objection" (id, "requestId", "agencyId", reason, status, "decisionReason", "decidedAt")
    SELECT 'ob-' || i, 'ob-rq-' || i, 'ag-5', '基准异议', 'UPHELD', '成立', now() - ((i % 700) || ' days')::interval FROM generate_series(1, 2000) i`);
  await db.$executeRawUnsafe(`UPDATE "Agency" SET "creditUpdatedAt" = now()`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  console.log(
    `loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${AGENCIES} agencies, hot agencies with ${HOT.join(" / ")} rated completed requests, 5,000 sanctions, 2,000 upheld objections`,
  );

  for (const [h, k] of HOT.entries()) {
    const agency = `ag-${h + 1}`;
    const rec = await time(N, () => db.$transaction((tx) => recomputeCreditScore(tx, agency)));
    console.log(`recomputeCreditScore, ${String(k).padStart(5)} ratings: ${stats(rec)}`);
  }
  for (const [h, k] of HOT.entries()) {
    const rate = await time(N, (i) =>
      rateRequest(db, owner, `rq-${h}-${i + 1}`, {
        quality: 4,
        timeliness: 5,
        attitude: 4,
        fee: 5,
        standards: 4,
        text: "基准评价：服务规范，交付及时。",
      }),
    );
    console.log(`rateRequest end to end, ${String(k).padStart(5)} ratings: ${stats(rate)}`);
  }
  const idle = await time(N, () => recomputeTimeDependentCreditScores(db));
  console.log(`refresh tick, nothing due: ${stats(idle)}`);
  // 200 agencies whose stored score predates the end of an (ended) blacklist entry.
  await db.$executeRawUnsafe(`
    WITH picked AS (SELECT id, "agencyId" FROM "Sanction" WHERE kind = 'BLACKLIST' ORDER BY id LIMIT 200)
    UPDATE "Sanction" s SET "endsAt" = now() - interval '1 hour' FROM picked WHERE s.id = picked.id`);
  await db.$executeRawUnsafe(`
    UPDATE "Agency" SET "creditUpdatedAt" = now() - interval '2 hours'
    WHERE id IN (SELECT "agencyId" FROM "Sanction" WHERE kind = 'BLACKLIST' AND "endsAt" < now())`);
  const t1 = performance.now();
  const refreshed = await recomputeTimeDependentCreditScores(db, 1000);
  console.log(
    `refresh tick with due agencies: ${refreshed} recomputed in ${(performance.now() - t1).toFixed(0)} ms (${((performance.now() - t1) / Math.max(1, refreshed)).toFixed(1)} ms each); next tick: ${await recomputeTimeDependentCreditScores(db)}`,
  );
} finally {
  await handle.close();
  if (!keep) await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
}
