/**
 * Directory search benchmark on real PostgreSQL (docs/decisions/007-chinese-search.md).
 *
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:55440/postgres node --import tsx bench/directory.ts
 *
 * Creates a fresh database zj_bench_directory on that server, applies the
 * migrations, bulk-loads 1,000 catalogue items, 100,000 agencies with realistic
 * Chinese names and valid credit codes, 300,000 credentials (≈10 % expired)
 * covering 1–3 items each, VACUUM ANALYZEs, starts the production server
 * (scripts/server.mjs) on a free 127.0.0.1 port and measures GET /agencies per
 * query type and GET /healthz in the same run. Then it prints EXPLAIN (ANALYZE,
 * BUFFERS) of the SQL Prisma actually sends for a sample of each type (plus
 * the most-held item and the commonest fragment), captured with Prisma's query
 * log while running the app's own searchDirectory / directoryFacets in this
 * process, and the pg_trgm comparison (a temporary trigram index). The server
 * is stopped and the database dropped at the end, also on error, Ctrl-C or
 * the --max-minutes watchdog (--keep keeps the database).
 *
 * BUILD_DIR=/path serves that build instead of ./build (and skips the
 * staleness check), e.g. a copy, so a rebuild does not disturb others using ./build.
 *
 * Options: --keep  --reuse (measure an existing, seeded zj_bench_directory
 * from an earlier --keep run: no create/seed/drop)  --n=300  --warmup=30  --concurrency=4  --seconds=120 (cap per
 * query type)  --max-minutes=60 (whole run; then it cleans up and exits 1)
 * --agencies=100000  --plans=full|none  --no-build  --seed=42
 *
 * Latency is measured by the client around one GET (node:http, keep-alive, gzip
 * like a browser, not inflated) including reading the whole
 * body (the server-rendered HTML page), over loopback: that is server time plus
 * a negligible localhost round trip.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { makeCreditCode, organizationCodeCheckChar, CREDIT_CODE_CHARSET } from "../app/lib/credit-code.ts";
import { citiesOf, provinces } from "../app/data/regions.ts";
import { directoryFacets, searchDirectory, type DirectoryQuery } from "../app/services/agencies/directory.server.ts";
import { queryGrams } from "../app/lib/ngrams.ts";
import { applyMigrations } from "../prisma/engine/migrate.mjs";
import { parallelWorkers } from "../app/db/client.server.ts";
import { adminQuery as sharedAdminQuery, databaseUrl, ms, option, percentile, table } from "./support.ts";
import { prng } from "../seeds/prng.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const DB_NAME = process.env.BENCH_DB_NAME ?? "zj_bench_directory";

// ---------------------------------------------------------------- options

const REUSE = process.argv.includes("--reuse");
const KEEP = REUSE || process.argv.includes("--keep");
const NO_BUILD = process.argv.includes("--no-build");
const PLANS = process.argv.find((a) => a.startsWith("--plans="))?.slice(8) ?? "full";
const N = option("n", 300);
const WARMUP = option("warmup", 30);
const CONCURRENCY = Math.max(1, option("concurrency", 4));
const SECONDS = option("seconds", 120);
const AGENCIES = Math.max(100, option("agencies", 100_000));
const CREDENTIALS = AGENCIES * 3;
const ITEMS = 1_000;
const SEED = option("seed", 42);
const MAX_MINUTES = option("max-minutes", 60);

const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) {
  console.error(`bench/directory.ts needs a PostgreSQL server: set BENCH_DATABASE_URL to a server URL
where this user may CREATE DATABASE (it creates and drops "${DB_NAME}").

A throwaway PostgreSQL 15 on Debian (apt-get install postgresql-15; initdb refuses root):

  mkdir -p /tmp/benchpg && chown postgres /tmp/benchpg
  su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/initdb -D /tmp/benchpg/data -A trust -U postgres -E UTF8 --locale=C.UTF-8"
  su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/benchpg/data -w -l /tmp/benchpg/log -o \\"-p 55440 -k /tmp/benchpg -c listen_addresses=127.0.0.1 -c shared_buffers=256MB\\" start"
  BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:55440/postgres node --import tsx bench/directory.ts

and afterwards: su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/benchpg/data stop"`);
  process.exit(2);
}
const benchUrl = databaseUrl(adminUrl, DB_NAME);

// ---------------------------------------------------------------- helpers

const rand = prng(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const fmt = (v: number) => v.toFixed(1);

/**
 * One keep-alive connection per client (node:http, at most CONCURRENCY sockets), as a browser keeps
 * its connection to the site. A request asks for gzip like a browser and reads the whole compressed
 * body without inflating it: the client shares the server's two cores, and fetch() with inflation cost
 * 2.3 ms of the client's CPU per page against 0.7 ms for this (decision 049) — time a browser spends on
 * its own machine, not on the server's.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/**
 * GET + full body with a hard deadline (the request is destroyed, and the promise settles, when it
 * passes). `identity` asks for the body uncompressed and returns it as text.
 */
function timedGet(url: string, timeoutMs: number, encoding: "gzip" | "identity" = "gzip"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { "Accept-Encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: encoding === "identity" ? Buffer.concat(chunks).toString("utf8") : "" });
      });
      res.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`timeout after ${timeoutMs} ms: ${url}`));
    }, timeoutMs);
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

// ---------------------------------------------------------------- realistic names

const SHORT_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|地区|盟)$/;
const shortName = (name: string) => (name.length > 2 ? name.replace(SHORT_SUFFIX, "") : name);

/** Registration regions: every listed second-level division (prefectures, municipal districts). */
const REGIONS = provinces.flatMap((p) => {
  const cities = citiesOf(p.code);
  return cities.length
    ? cities.map((c) => ({
        code: c.code,
        province: shortName(p.name),
        city: p.code.endsWith("0000") && ["11", "12", "31", "50"].includes(p.code.slice(0, 2)) ? shortName(p.name) : shortName(c.name),
      }))
    : [{ code: p.code, province: shortName(p.name), city: shortName(p.name) }];
});

/** Characters seen in real 字号 (trade names) of Chinese service firms. */
const ZIHAO_CHARS = Array.from(
  "华测绿源苏地粤安京诚水务中信天宏恒达泰鑫瑞丰正德远通博汇金科新明辉盛昌祥和兴隆鼎峰嘉利元宇建筑城益方圆同创联合海江河山林森泽润清晨光星辰立本启航卓越精准致云东西南北广厦久永长宁康福佳誉铭鸿骏腾飞龙凤麒麟春秋文武仁智勤信实坤乾禾谷朗晟昊旭晖煜璟琪瑜岳嵩衡图标维",
);
const INDUSTRIES = [
  "勘察设计",
  "环境科技",
  "工程咨询",
  "安全技术服务",
  "地质工程",
  "水务工程咨询",
  "测绘",
  "测绘地理信息",
  "检测技术",
  "建筑设计",
  "工程造价咨询",
  "环保工程",
  "节能技术服务",
  "评估咨询",
  "规划设计",
  "水土保持技术",
  "气象科技",
  "防雷技术",
  "职业卫生技术服务",
  "文物保护工程",
  "岩土工程",
  "土地规划",
  "房地产估价",
  "资产评估",
  "消防技术服务",
  "建设工程质量检测",
  "交通规划设计",
  "生态环境咨询",
  "项目管理",
  "招标代理",
  "信息技术",
  "市政工程设计",
  "海洋工程咨询",
  "地理信息科技",
];
const PARTNERSHIP = [
  "会计师事务所（特殊普通合伙）",
  "律师事务所",
  "资产评估事务所（普通合伙）",
  "税务师事务所（普通合伙）",
  "土地评估事务所（普通合伙）",
];
const INDIVIDUAL = ["测绘服务部", "工程咨询服务部", "设计工作室", "技术咨询工作室", "检测服务部"];
const INSTITUTE = [
  "测绘院",
  "地质调查研究院",
  "建筑科学研究院",
  "环境科学研究院",
  "气象服务中心",
  "水利规划设计院",
  "文物保护研究所",
  "安全生产科学研究院",
];

type EntityType = "COMPANY" | "PARTNERSHIP" | "INDIVIDUAL_BUSINESS" | "PUBLIC_INSTITUTION";

function agencyName(region: (typeof REGIONS)[number]): { name: string; entityType: EntityType } {
  const zihao = Array.from({ length: rand() < 0.8 ? 2 : 3 }, () => pick(ZIHAO_CHARS)).join("");
  const place = rand() < 0.55 ? region.province : region.city;
  const r = rand();
  if (r < 0.05) return { name: `${place}${zihao}${pick(PARTNERSHIP)}`, entityType: "PARTNERSHIP" };
  if (r < 0.08)
    return { name: `${place}${region.city === place ? "" : region.city}${zihao}${pick(INDIVIDUAL)}`, entityType: "INDIVIDUAL_BUSINESS" };
  if (r < 0.1) return { name: `${place}${place === region.city ? "市" : "省"}${pick(INSTITUTE)}`, entityType: "PUBLIC_INSTITUTION" };
  const suffix = rand() < 0.75 ? "有限公司" : rand() < 0.6 ? "有限责任公司" : "股份有限公司";
  // About one company in six puts the place in brackets after the 字号: 华测勘察设计（上海）有限公司.
  return rand() < 0.17
    ? { name: `${zihao}${pick(INDUSTRIES)}（${place}）${suffix}`, entityType: "COMPANY" }
    : { name: `${place}${zihao}${pick(INDUSTRIES)}${suffix}`, entityType: "COMPANY" };
}

const BODY_CHARS = Array.from(CREDIT_CODE_CHARSET);
function creditCode(regionCode: string, entityType: EntityType, used: Set<string>): string {
  const head = entityType === "PUBLIC_INSTITUTION" ? "12" : entityType === "INDIVIDUAL_BUSINESS" ? "92" : "91";
  for (;;) {
    const body = Array.from({ length: 8 }, () => pick(BODY_CHARS)).join("");
    const check = organizationCodeCheckChar(body); // 0-9 or X, all in the GB 32100 charset
    const code = makeCreditCode(`${head}${regionCode}${body}${check}`);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

const OBJECTS = [
  "建设项目",
  "建设工程",
  "房屋建筑",
  "市政道路",
  "地下管线",
  "水利工程",
  "港口码头",
  "轨道交通",
  "工业厂房",
  "危险化学品项目",
  "人防工程",
  "园林绿化",
  "海域使用",
  "矿产资源",
  "森林植被",
  "输变电工程",
  "燃气管道",
  "学校医院",
  "商业综合体",
  "农用地转用",
  "旧区改造",
  "物流仓储",
  "数据中心",
  "污水处理厂",
  "垃圾焚烧项目",
  "桥梁隧道",
  "高层建筑",
  "保障性住房",
  "文物保护单位周边",
  "产业园区",
];
const SERVICES: [string, string][] = [
  ["环境影响评价", "生态环境与资源论证"],
  ["环境影响报告表编制", "生态环境与资源论证"],
  ["水土保持方案编制", "生态环境与资源论证"],
  ["地质灾害危险性评估", "灾害风险评估"],
  ["节能评估", "技术审查"],
  ["安全预评价", "安全与职业健康评价"],
  ["安全验收评价", "安全与职业健康评价"],
  ["职业病危害预评价", "安全与职业健康评价"],
  ["施工图审查", "技术审查"],
  ["房产测绘", "测绘勘察"],
  ["地籍测绘", "测绘勘察"],
  ["竣工规划核实测量", "测绘勘察"],
  ["防雷装置检测", "灾害风险评估"],
  ["雷电灾害风险评估", "灾害风险评估"],
  ["文物影响评估", "文物保护评估"],
  ["洪水影响评价", "生态环境与资源论证"],
  ["水资源论证", "生态环境与资源论证"],
  ["交通影响评价", "技术审查"],
  ["社会稳定风险评估", "技术审查"],
  ["可行性研究报告编制", "技术审查"],
  ["工程造价咨询", "技术审查"],
  ["规划设计方案编制", "技术审查"],
  ["消防设施检测", "安全与职业健康评价"],
  ["土壤污染状况调查", "生态环境与资源论证"],
  ["海域使用论证", "生态环境与资源论证"],
  ["压覆矿产资源评估", "测绘勘察"],
  ["地震安全性评价", "灾害风险评估"],
  ["气候可行性论证", "灾害风险评估"],
  ["日照分析", "技术审查"],
  ["结构安全鉴定", "技术审查"],
  ["岩土工程勘察", "测绘勘察"],
  ["土地勘测定界", "测绘勘察"],
  ["室内环境检测", "安全与职业健康评价"],
  ["建筑节能检测", "技术审查"],
];
const CREDENTIAL_TYPES = [
  "工程勘察资质",
  "工程设计资质",
  "测绘资质",
  "地质灾害评估和治理工程勘查设计资质",
  "安全评价机构资质",
  "职业卫生技术服务机构资质",
  "施工图审查机构",
  "检验检测机构资质认定（CMA）",
  "雷电防护装置检测资质",
  "文物保护工程勘察设计资质",
  "工程造价咨询企业",
  "水利工程质量检测资质",
];
const LEVELS = ["甲级", "乙级", "丙级", "—"];

// ---------------------------------------------------------------- cleanup

let server: ChildProcess | undefined;
const serverLog: string[] = [];
let dbCreated = false;
let cleaning: Promise<void> | undefined;
/** Set by Ctrl-C or the watchdog: loops stop issuing work while cleanup runs. */
let aborted = false;

const adminQuery = (sql: string) => sharedAdminQuery(adminUrl, sql);

function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function cleanup(): Promise<void> {
  aborted = true;
  cleaning ??= (async () => {
    await stopServer().catch(() => undefined);
    if (dbCreated && !KEEP) {
      await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).then(
        () => console.log(`\nDropped database ${DB_NAME}.`),
        (e) => console.error(`Could not drop ${DB_NAME}: ${e.message}`),
      );
    } else if (dbCreated) {
      console.log(`\nKept database ${DB_NAME} (--keep): ${benchUrl}`);
    }
  })();
  return cleaning;
}

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: stopping the server and dropping the database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- seed

type SeedTiming = { step: string; rows: number; ms: number };

async function seed(): Promise<SeedTiming[]> {
  const timings: SeedTiming[] = [];
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  const step = async (name: string, fn: () => Promise<number>) => {
    const t0 = performance.now();
    const rows = await fn();
    timings.push({ step: name, rows, ms: ms(t0) });
    console.log(`  ${name}: ${rows.toLocaleString("en")} rows in ${(ms(t0) / 1000).toFixed(1)} s`);
  };
  try {
    await client.query("SET synchronous_commit = off");

    await step("CatalogueItem", async () => {
      const combos = OBJECTS.flatMap((o) => SERVICES.map(([s, cat]) => ({ name: `${o}${s}`, category: cat })));
      for (let i = combos.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [combos[i], combos[j]] = [combos[j]!, combos[i]!];
      }
      const chosen = combos.slice(0, ITEMS);
      const r = await client.query(
        `INSERT INTO "CatalogueItem" (id, code, name, "nameEn", category, "categoryEn", "legalBasis", "approvalServed", department,
           "feeBasis", standards, materials, "timeLimitDays", procedure, content, "qualificationTypes", fees, "qualityControl", "updatedAt")
         SELECT gen_random_uuid()::text, 'BENCH-' || lpad(n::text, 4, '0'), name, 'Bench item ' || n, category, 'Bench category',
           '《中华人民共和国行政许可法》', '建设项目审批', '区发展和改革委员会', CASE WHEN n % 5 = 0 THEN 'GOVERNMENT' ELSE 'MARKET' END::"FeeBasis",
           '国家和本市有关技术标准', '委托合同、项目资料', 10 + n % 30, '委托—实施—成果提交', name || '服务', ($3::text[])[1 + n % 12 : 1 + n % 12],
           '市场调节价', '成果质量由中介机构负责', now()
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(name, category, n)`,
        [chosen.map((c) => c.name), chosen.map((c) => c.category), CREDENTIAL_TYPES],
      );
      return r.rowCount ?? 0;
    });

    // Organizations: names and codes built here, loaded in batches through unnest();
    // the organization_name_grams trigger computes nameGrams exactly as in production.
    await client.query(
      `CREATE TEMP TABLE stage (n int PRIMARY KEY, id text NOT NULL DEFAULT gen_random_uuid()::text, name text, credit text, region text, etype text)`,
    );
    await step("Organization (AGENCY, with nameGrams trigger)", async () => {
      const used = new Set<string>();
      const BATCH = 10_000;
      for (let start = 0; start < AGENCIES; start += BATCH) {
        const names: string[] = [],
          codes: string[] = [],
          regions: string[] = [],
          types: string[] = [],
          ns: number[] = [];
        for (let i = start; i < Math.min(AGENCIES, start + BATCH); i++) {
          const region = pick(REGIONS);
          const { name, entityType } = agencyName(region);
          ns.push(i + 1);
          names.push(name);
          regions.push(region.code);
          types.push(entityType);
          codes.push(creditCode(region.code, entityType, used));
        }
        await client.query(
          `INSERT INTO stage (n, name, credit, region, etype) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])`,
          [ns, names, codes, regions, types],
        );
      }
      const r = await client.query(
        `INSERT INTO "Organization" (id, kind, name, "creditCode", "regionCode", "contactPhone")
         SELECT id, 'AGENCY', name, credit, region, '021-' || (60000000 + n) FROM stage ORDER BY n`,
      );
      return r.rowCount ?? 0;
    });

    await step("Agency (≈90% LISTED)", async () => {
      const r = await client.query(
        `INSERT INTO "Agency" (id, "organizationId", "entityType", status, "creditScore", "ratingAvg", "ratingCount", "awardsCount", "listedAt", "updatedAt", introduction)
         SELECT gen_random_uuid()::text, id, etype::"AgencyEntityType",
           CASE WHEN r < 0.90 THEN 'LISTED' WHEN r < 0.96 THEN 'APPLIED' ELSE 'SUSPENDED' END::"AgencyStatus",
           60 + floor(random() * 41)::int,
           CASE WHEN random() < 0.7 THEN round((3 + random() * 2)::numeric, 2)::float8 END,
           floor(random() * 40)::int, floor(random() * 25)::int,
           CASE WHEN r < 0.90 THEN now() - random() * interval '1500 days' END, now(), name || '，专业从事相关中介服务。'
         FROM (SELECT *, random() AS r FROM stage) s ORDER BY n`,
      );
      return r.rowCount ?? 0;
    });

    await step("Credential (≈10% expired)", async () => {
      await client.query(`CREATE TEMP TABLE ag AS SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM "Agency"`);
      await client.query(`CREATE UNIQUE INDEX ON ag (n)`);
      const r = await client.query(
        `INSERT INTO "Credential" (id, "agencyId", type, level, number, issuer, "validUntil", "verifiedAt")
         SELECT gen_random_uuid()::text, ag.id, ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int],
           ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int],
           'ZZ' || lpad(s.g::text, 8, '0'), '住房和城乡建设部门',
           CASE WHEN random() < 0.10 THEN now() - random() * interval '900 days' ELSE now() + interval '30 days' + random() * interval '1500 days' END,
           -- ≈2 % added after listing and still awaiting verification (decision 015)
           CASE WHEN random() < 0.02 THEN NULL ELSE now() END
         FROM (SELECT g, 1 + floor(random() * $1::int)::int AS n FROM generate_series(1, $4::int) g) s JOIN ag USING (n)`,
        [AGENCIES, CREDENTIAL_TYPES, LEVELS, CREDENTIALS],
      );
      return r.rowCount ?? 0;
    });

    await step("CredentialItem (1–3 items per credential)", async () => {
      await client.query(`CREATE TEMP TABLE it AS SELECT row_number() OVER (ORDER BY code)::int AS n, id FROM "CatalogueItem"`);
      // Item popularity is skewed (index = 1000·u², u uniform): a few items are
      // held by thousands of agencies, most by a few hundred, as on real platforms.
      const r = await client.query(
        `INSERT INTO "CredentialItem" ("credentialId", "itemId")
         SELECT c.id, it.id
         FROM "Credential" c
         CROSS JOIN LATERAL generate_series(1, 1 + floor(random() * 3)::int + (0 * length(c.id))) k
         JOIN LATERAL (SELECT 1 + floor(power(random(), 2) * $1::int)::int + (0 * k) AS n) pickn ON true
         JOIN it ON it.n = pickn.n
         ON CONFLICT DO NOTHING`,
        [ITEMS],
      );
      return r.rowCount ?? 0;
    });

    // VACUUM as well as ANALYZE: a table that has been live for a while has its
    // visibility map set by autovacuum, so index-only scans behave as in production.
    await step("VACUUM ANALYZE", async () => {
      await client.query("VACUUM ANALYZE");
      return 0;
    });
  } finally {
    await client.end();
  }
  return timings;
}

// ---------------------------------------------------------------- server

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const e of readdirSync(p)) if (e !== "generated") max = Math.max(max, newest(path.join(p, e)));
  return max;
}

function ensureBuild() {
  if (process.env.BUILD_DIR) return; // scripts/server.mjs serves that build as is
  const marker = path.join(ROOT, "build/server/index.js");
  const sources = Math.max(
    newest(path.join(ROOT, "app")),
    newest(path.join(ROOT, "prisma/schema.prisma")),
    newest(path.join(ROOT, "package-lock.json")),
    newest(path.join(ROOT, "vite.config.ts")),
  );
  if (existsSync(marker) && (NO_BUILD || newest(marker) >= sources)) return;
  if (NO_BUILD) throw new Error("build/ is missing and --no-build was given");
  console.log("build/ is missing or older than the sources: npx react-router build …");
  const t0 = performance.now();
  const r = spawnSync("npx", ["react-router", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`react-router build failed (exit ${r.status})`);
  console.log(`  built in ${(ms(t0) / 1000).toFixed(1)} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<string> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = serverLog;
  console.log(`Starting scripts/server.mjs on ${base} (BUILD_DIR=${process.env.BUILD_DIR ?? "build"})…`);
  server = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: benchUrl,
      SESSION_SECRET: "bench-directory-" + "x".repeat(32),
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (b: Buffer) => {
    log.push(b.toString());
    if (log.length > 200) log.shift();
  };
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && !aborted) {
    if (!server || server.exitCode !== null) throw new Error(`The server exited during start:\n${log.join("")}`);
    try {
      const res = await timedGet(`${base}/healthz`, 2_000, "identity");
      if (res.status === 200 && res.body === "ok") return base;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer /healthz within 90 s:\n${log.join("")}`);
}

// ---------------------------------------------------------------- samples

type Req = { path: string; tag?: string };
type Kind = { key: string; label: string; reqs: Req[]; samples: { title: string; query: DirectoryQuery }[] };

const MANY = 1_000;
const tagOf = (matches: number) =>
  matches === 0 ? "no match" : matches <= MANY ? `1–${MANY.toLocaleString("en")} matches` : `> ${MANY.toLocaleString("en")} matches`;

async function samples(): Promise<Kind[]> {
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  try {
    const need = WARMUP + N;
    // How many LISTED agencies each item and each fragment finds, to report
    // latency by result size (the exact count is part of every directory page).
    const itemRows = (
      await client.query<{ code: string; n: number }>(
        `SELECT i.code, count(DISTINCT a.id)::int AS n FROM "CatalogueItem" i
         LEFT JOIN "CredentialItem" ci ON ci."itemId" = i.id
         LEFT JOIN "Credential" c ON c.id = ci."credentialId" AND c."validUntil" > now() AND c."verifiedAt" IS NOT NULL AND c."rejectedAt" IS NULL
         LEFT JOIN "Agency" a ON a.id = c."agencyId" AND a.status = 'LISTED'
         GROUP BY i.code ORDER BY i.code`,
      )
    ).rows;
    const itemMatches = new Map(itemRows.map((r) => [r.code, r.n]));
    const mostPopular = [...itemRows].sort((a, b) => b.n - a.n)[0]!;
    const orgs = (
      await client.query<{ name: string; creditCode: string }>(
        `SELECT name, "creditCode" FROM "Organization" WHERE "creditCode" IS NOT NULL ORDER BY id LIMIT 5000`,
      )
    ).rows;
    const itemCodes = Array.from({ length: need }, () => pick(itemRows).code);
    // Fragments of 2–4 characters cut from real seeded names at random places
    // (so they include the place, the 字号, the industry words and the suffix,
    // i.e. both selective and very common bigrams), plus 10 % that match nothing.
    const NOTHING = ["量子猫咪", "龘靐", "齉齾", "鬱鬯", "爨灩", "麤龖"];
    const fragments = Array.from({ length: need }, (_, i) => {
      if (i % 10 === 9) return pick(NOTHING);
      const chars = Array.from(pick(orgs).name.replace(/[（）]/g, ""));
      const len = 2 + Math.floor(rand() * 3);
      const at = Math.floor(rand() * Math.max(1, chars.length - len + 1));
      return chars.slice(at, at + len).join("");
    });
    const fragmentMatches = new Map(
      (
        await client.query<{ f: string; n: number }>(
          `SELECT f, (SELECT count(*)::int FROM "Organization" o JOIN "Agency" a ON a."organizationId" = o.id
                      WHERE a.status = 'LISTED' AND o."nameGrams" @> zj_name_grams(f) AND o.name ILIKE '%' || f || '%') AS n
           FROM unnest($1::text[]) AS f`,
          [[...new Set(fragments)]],
        )
      ).rows.map((r) => [r.f, r.n]),
    );
    const selective =
      fragments.find((f) => Array.from(f).length === 2 && (fragmentMatches.get(f) ?? 0) > 0 && fragmentMatches.get(f)! <= MANY) ??
      fragments[0]!;
    const commonest = [...fragmentMatches].sort((a, b) => b[1] - a[1])[0]![0];
    const codes = Array.from({ length: need }, () => pick(orgs).creditCode);
    const enc = encodeURIComponent;
    const sampleItem = itemCodes.find((c) => itemMatches.get(c)! <= MANY) ?? itemCodes[0]!;
    return [
      {
        key: "item",
        label: "by item (?item=BENCH-xxxx)",
        reqs: itemCodes.map((c) => ({ path: `/agencies?item=${enc(c)}`, tag: tagOf(itemMatches.get(c) ?? 0) })),
        samples: [
          { title: `typical item (${itemMatches.get(sampleItem)} listed agencies)`, query: { item: sampleItem } },
          { title: `most-held item (${mostPopular.n} listed agencies)`, query: { item: mostPopular.code } },
        ],
      },
      {
        key: "name",
        label: "by name fragment (2–4 汉字)",
        reqs: fragments.map((f) => ({ path: `/agencies?q=${enc(f)}`, tag: tagOf(fragmentMatches.get(f) ?? 0) })),
        samples: [
          { title: `2-character fragment (${fragmentMatches.get(selective)} listed matches)`, query: { q: selective } },
          { title: `commonest sampled fragment (${fragmentMatches.get(commonest)} listed matches)`, query: { q: commonest } },
        ],
      },
      {
        key: "code",
        label: "by full credit code",
        reqs: codes.map((c) => ({ path: `/agencies?q=${enc(c)}` })),
        samples: [{ title: "full code", query: { q: codes[0]! } }],
      },
      {
        key: "prefix",
        label: "by credit-code prefix (10)",
        reqs: codes.map((c) => ({ path: `/agencies?q=${enc(c.slice(0, 10))}` })),
        samples: [{ title: "first 10 characters", query: { q: codes[0]!.slice(0, 10) } }],
      },
      {
        key: "list",
        label: "default listing (no filter)",
        reqs: Array.from({ length: need }, () => ({ path: "/agencies" })),
        samples: [{ title: "no filter", query: {} }],
      },
      { key: "healthz", label: "/healthz (trivial route)", reqs: Array.from({ length: need }, () => ({ path: "/healthz" })), samples: [] },
    ];
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- load

type Sample = { ms: number; tag?: string };

async function measure(base: string, reqs: Req[]): Promise<{ samples: Sample[]; errors: number; capped: boolean }> {
  const samples: Sample[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + SECONDS * 1000;
  let capped = false;
  const worker = async () => {
    while (next < reqs.length) {
      if (aborted) return;
      if (performance.now() > deadline) {
        capped = true;
        return;
      }
      const req = reqs[next++]!;
      const t0 = performance.now();
      try {
        const res = await timedGet(base + req.path, 30_000);
        if (res.status !== 200) errors++;
        else samples.push({ ms: ms(t0), tag: req.tag });
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { samples, errors, capped };
}

function row(label: string, values: number[], errors: number | string): (string | number)[] {
  if (!values.length) return [label, 0, "–", "–", "–", "–", errors];
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return [label, sorted.length, fmt(percentile(sorted, 50)), fmt(percentile(sorted, 95)), fmt(percentile(sorted, 99)), fmt(mean), errors];
}

// ---------------------------------------------------------------- plans

type Captured = { query: string; params: string; duration: number };

async function explainPlans(kinds: Kind[]) {
  const captured: Captured[] = [];
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: benchUrl }), log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", (e) => captured.push({ query: e.query, params: e.params, duration: e.duration }));
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  // The plans the server gets: its connections run without parallel workers unless told (decision 042).
  await client.query(`SET max_parallel_workers_per_gather = ${parallelWorkers()}`);
  await client.query(`SET jit = off`); // as on the app's connections (decision 044)
  try {
    const explain = async (title: string, run: () => Promise<unknown>) => {
      await run(); // warm the caches and Prisma's query plan cache
      captured.length = 0;
      const t0 = performance.now();
      await run();
      const total = ms(t0);
      const statements = captured.splice(0);
      console.log(
        `\n### ${title}  (Prisma call ${fmt(total)} ms in-process, ${statements.length} SQL statement${statements.length === 1 ? "" : "s"})`,
      );
      for (const [i, s] of statements.entries()) {
        const params = JSON.parse(s.params || "[]") as unknown[];
        const shown =
          params.length > 6 ? `${JSON.stringify(params.slice(0, 3)).slice(0, -1)},… ${params.length} params]` : JSON.stringify(params);
        // Long IN lists ($2,$3,…,$45) are shortened for reading; the plan is of the full statement.
        const sql = s.query.replace(/\$(\d+)(?:,\$\d+){3,},\$(\d+)/g, "$$$1,…,$$$2");
        console.log(`\n-- [${i + 1}] ${fmt(s.duration)} ms in Prisma; params ${shown}\n${sql}`);
        const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, params);
        console.log(plan.rows.map((r) => "   " + clip(r["QUERY PLAN"], 200)).join("\n"));
      }
    };
    for (const k of kinds) {
      for (const sample of k.samples)
        await explain(`${k.label}, ${sample.title}: searchDirectory(${JSON.stringify(sample.query)})`, () =>
          searchDirectory(prisma, sample.query),
        );
    }
    await explain("directoryFacets (runs on every /agencies request)", () => directoryFacets(prisma));

    // Why not pg_trgm: a 2-character Chinese fragment has no complete trigram.
    console.log(`\n## pg_trgm on the same names (docs/decisions/007-chinese-search.md)`);
    const nameKind = kinds.find((k) => k.key === "name");
    const fragment = (nameKind?.samples[0]?.query.q ?? "华测").trim();
    const sampled = (nameKind?.reqs ?? []).map((r) => new URL(r.path, "http://x").searchParams.get("q") ?? "");
    const fragment3 = sampled.find((q, i) => Array.from(q).length === 3 && nameKind!.reqs[i]!.tag !== "no match") ?? "华测勘";
    try {
      await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      await client.query("SET jit = off"); // keeps the forced-index plan readable
      const t0 = performance.now();
      await client.query(`CREATE INDEX bench_org_name_trgm ON "Organization" USING gin (name gin_trgm_ops)`);
      await client.query(`ANALYZE "Organization"`);
      const size = (
        await client.query<{ s: string }>(
          `SELECT pg_size_pretty(pg_relation_size('bench_org_name_trgm')) || ' (nameGrams GIN: ' || pg_size_pretty(pg_relation_size('"Organization_nameGrams_idx"')) || ')' AS s`,
        )
      ).rows[0]!.s;
      console.log(`trigram GIN index on "Organization".name built in ${(ms(t0) / 1000).toFixed(1)} s, ${size}`);
      const trgms = await client.query<{ q: string; t: string }>(`SELECT q, show_trgm(q)::text AS t FROM unnest($1::text[]) q`, [
        [fragment, fragment3, "上海华测勘察"],
      ]);
      for (const r of trgms.rows) console.log(`show_trgm('${r.q}') = ${r.t}`);
      const plans: [string, string, unknown[]][] = [
        [
          `LIKE '%${fragment}%' with the trigram index available`,
          `SELECT id FROM "Organization" WHERE name LIKE '%' || $1 || '%'`,
          [fragment],
        ],
        [
          `LIKE '%${fragment}%', seq scan disabled (the index is forced)`,
          `SELECT id FROM "Organization" WHERE name LIKE '%' || $1 || '%'`,
          [fragment],
        ],
        [`3 characters: LIKE '%${fragment3}%'`, `SELECT id FROM "Organization" WHERE name LIKE '%' || $1 || '%'`, [fragment3]],
        [
          `the unigram+bigram GIN, as directory.server.ts queries it`,
          `SELECT id FROM "Organization" WHERE "nameGrams" @> $2::text[] AND name ILIKE '%' || $1 || '%'`,
          [fragment, queryGrams(fragment)],
        ],
      ];
      for (const [i, [title, sql, params]] of plans.entries()) {
        if (i === 1) await client.query("SET enable_seqscan = off");
        const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        if (i === 1) await client.query("RESET enable_seqscan");
        console.log(`\n-- ${title}\n` + plan.rows.map((r) => "   " + clip(r["QUERY PLAN"], 200)).join("\n"));
      }
    } catch (e) {
      console.log(`(pg_trgm not available here: ${e instanceof Error ? e.message : e})`);
    } finally {
      await client.query("RESET enable_seqscan").catch(() => undefined);
      await client.query(`DROP INDEX IF EXISTS bench_org_name_trgm`).catch(() => undefined);
    }
  } finally {
    await client.end();
    await prisma.$disconnect();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const t0 = performance.now();
  console.log(
    `Directory benchmark: ${AGENCIES.toLocaleString("en")} agencies, ${CREDENTIALS.toLocaleString("en")} credentials, ${ITEMS} catalogue items`,
  );
  console.log(
    `PostgreSQL: ${new URL(adminUrl!).host}, database ${DB_NAME}; ${N} requests per query type after ${WARMUP} warm-up, concurrency ${CONCURRENCY}`,
  );
  if (!REUSE) {
    await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${DB_NAME}" ENCODING 'UTF8' TEMPLATE template0`);
  }
  dbCreated = true;
  {
    const m0 = performance.now();
    const applied = await applyMigrations({ connectionString: benchUrl }, path.join(ROOT, "prisma/migrations"));
    console.log(`  migrations: ${applied.length} applied in ${(ms(m0) / 1000).toFixed(1)} s`);
  }
  console.log(REUSE ? "Reusing the seeded database (--reuse)." : "Seeding:");
  const timings = REUSE ? [] : await seed();
  const version = await (async () => {
    const c = new pg.Client({ connectionString: benchUrl });
    await c.connect();
    try {
      const v = await c.query<{ v: string }>(
        "SELECT current_setting('server_version') || ', lc_collate ' || datcollate AS v FROM pg_database WHERE datname = current_database()",
      );
      const counts = await c.query<{ t: string; n: string }>(
        `SELECT t, n FROM (
           SELECT 1 o, 'CatalogueItem' t, count(*) n FROM "CatalogueItem" UNION ALL SELECT 2, 'Organization', count(*) FROM "Organization"
           UNION ALL SELECT 3, 'Agency', count(*) FROM "Agency" UNION ALL SELECT 4, 'Agency LISTED', count(*) FROM "Agency" WHERE status = 'LISTED'
           UNION ALL SELECT 5, 'Credential', count(*) FROM "Credential" UNION ALL SELECT 6, 'Credential expired', count(*) FROM "Credential" WHERE "validUntil" <= now()
           UNION ALL SELECT 7, 'CredentialItem', count(*) FROM "CredentialItem") c ORDER BY o`,
      );
      const sizes = await c.query<{ t: string; s: string }>(
        `SELECT relname t, pg_size_pretty(pg_relation_size(oid)) s FROM pg_class WHERE relname IN ('Organization', 'Organization_nameGrams_idx', 'Agency', 'Credential', 'CredentialItem') ORDER BY relname`,
      );
      const examples = await c.query<{ name: string; creditCode: string }>(
        `SELECT name, "creditCode" FROM "Organization" ORDER BY id LIMIT 5`,
      );
      console.log(
        "\nRow counts:\n" +
          table(
            ["table", "rows"],
            counts.rows.map((r) => [r.t, Number(r.n).toLocaleString("en")]),
          ),
      );
      console.log("\nSizes: " + sizes.rows.map((r) => `${r.t} ${r.s}`).join(", "));
      console.log("Example names: " + examples.rows.map((r) => `${r.name} ${r.creditCode}`).join("; "));
      return v.rows[0]!.v;
    } finally {
      await c.end();
    }
  })();
  console.log(`PostgreSQL ${version}`);

  ensureBuild();
  const s0 = performance.now();
  const base = await startServer();
  console.log(`\nServer (scripts/server.mjs, NODE_ENV=production) up at ${base} in ${(ms(s0) / 1000).toFixed(1)} s`);

  const kinds = await samples();
  const load0 = os.loadavg()[0]!;
  const results: (string | number)[][] = [];
  for (const k of kinds) {
    if (aborted) return;
    await measure(base, k.reqs.slice(0, WARMUP));
    const r = await measure(base, k.reqs.slice(WARMUP));
    results.push(
      row(
        k.label + (r.capped ? " (time cap)" : ""),
        r.samples.map((x) => x.ms),
        r.errors,
      ),
    );
    const tags = [...new Set(r.samples.map((x) => x.tag).filter((t): t is string => !!t))].sort();
    if (tags.length > 1)
      for (const t of tags)
        results.push(
          row(
            `  · ${t}`,
            r.samples.filter((x) => x.tag === t).map((x) => x.ms),
            "",
          ),
        );
    console.log(`  ${k.label}: done (${r.samples.length} ok, ${r.errors} errors)`);
  }
  if (aborted) return;
  const load1 = os.loadavg()[0]!;
  await stopServer();

  if (timings.length)
    console.log(
      `\nSeed timings:\n` +
        table(
          ["step", "rows", "seconds"],
          timings.map((t) => [t.step, t.rows.toLocaleString("en"), (t.ms / 1000).toFixed(1)]),
        ),
    );
  console.log(
    `\nLatency per request, ms (client-side around GET + full gzip body, 127.0.0.1, concurrency ${CONCURRENCY}, ${WARMUP} warm-up requests not counted;` +
      ` ${os.cpus().length}-core machine, 1-min load average ${load0.toFixed(1)} before / ${load1.toFixed(1)} after the requests):\n` +
      table(["query type", "n", "p50", "p95", "p99", "mean", "errors"], results),
  );

  if (PLANS !== "none" && !aborted) {
    console.log(
      `\n## Plans: the SQL Prisma sends (captured from $on("query") while running the app's searchDirectory/directoryFacets), EXPLAIN (ANALYZE, BUFFERS)`,
    );
    await explainPlans(kinds);
  }
  console.log(`\nTotal ${(ms(t0) / 1000).toFixed(0)} s.`);
}

// Bounded total time: whatever hangs, the server is stopped and the database dropped.
const watchdog = setTimeout(() => {
  console.error(`\nThe run exceeded --max-minutes=${MAX_MINUTES}: stopping the server and dropping the database…`);
  if (serverLog.length) console.error(`Last server output:\n${serverLog.slice(-20).join("")}`);
  void cleanup().finally(() => process.exit(1));
}, MAX_MINUTES * 60_000);
watchdog.unref();

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
