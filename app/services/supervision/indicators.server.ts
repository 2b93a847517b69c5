/**
 * The regulator dashboard: work queues and the indicators a district reports
 * (docs/decisions/012-district-indicators.md). Every indicator is one SQL
 * statement that aggregates in the database; only per-month (and per-item)
 * figures come back to JavaScript.
 *
 * Definitions, used consistently:
 *  - month: calendar month in Beijing time (UTC+8, no daylight saving);
 *  - posted: a request that was published, at its `opensAt`;
 *  - award: the award in force, at the publication time of the request's latest
 *    中选公示 (AWARD announcement) — an upheld objection re-awards with a new
 *    announcement, so the latest one names the standing winner; requests whose
 *    award was revoked with nobody left (awardedBidId NULL) do not count;
 *  - winning price ratio: the awarded bid's amount / the request's price cap;
 *  - outside the district: the winning agency's registered region does not
 *    start with the district's code prefix (DISTRICT_REGION_CODE);
 *  - days to award: award time − opensAt, in days;
 *  - on time: a COMPLETED request with deliveredAt <= dueAt, by month of completedAt.
 */
import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { pendingCredentialCount } from "~/services/agencies/credential-review.server";
import { DUE_PROCESS_STATUSES } from "~/schemas/case-stages";
import { dbNow } from "~/services/clock.server";

type Client = Db | Prisma.TransactionClient;

// ───────────────────────── period and district ─────────────────────────

const BEIJING_OFFSET_MS = 8 * 3600_000;
/** Longest period one page may ask for: the SQL stays bounded and the charts readable. */
export const MAX_MONTHS = 60;
export const DEFAULT_MONTHS = 12;
/** Catalogue items shown on their own in the volume charts; the rest are "other". */
export const TOP_ITEMS = 6;

export type Period = { from: string; to: string };

export type Range = {
  from: string;
  to: string;
  months: string[];
  /** UTC instants: start of `from` and start of the month after `to` (exclusive), Beijing time. */
  fromUtc: Date;
  toUtc: Date;
  itemId: string | null;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  const m = MONTH.exec(value);
  return !!m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return y! * 12 + (m! - 1);
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** UTC instant at which a Beijing-time month starts. */
export function monthStartUtc(month: string): Date {
  const i = monthIndex(month);
  return new Date(Date.UTC(Math.floor(i / 12), i % 12, 1) - BEIJING_OFFSET_MS);
}

/** The Beijing-time month of an instant, "YYYY-MM". */
export function beijingMonth(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthOf(i));
  return out;
}

export function addMonths(month: string, n: number): string {
  return monthOf(monthIndex(month) + n);
}

/** The last `DEFAULT_MONTHS` months up to and including the current one (database clock, Beijing time). */
export function defaultPeriod(now: Date): Period {
  const to = beijingMonth(now);
  return { from: addMonths(to, -(DEFAULT_MONTHS - 1)), to };
}

/** Field errors (i18n keys) for a requested period, or none. */
export function periodErrors(p: { from?: string; to?: string }): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (p.from !== undefined && !isMonth(p.from)) errors.from = ["supervision.errors.month"];
  if (p.to !== undefined && !isMonth(p.to)) errors.to = ["supervision.errors.month"];
  if (!errors.from && !errors.to && p.from && p.to) {
    if (monthIndex(p.from) > monthIndex(p.to)) errors.to = ["supervision.errors.order"];
    else if (monthIndex(p.to) - monthIndex(p.from) + 1 > MAX_MONTHS) errors.to = ["supervision.errors.tooLong"];
  }
  return errors;
}

export function rangeOf(period: Period, itemId: string | null = null): Range {
  return {
    from: period.from,
    to: period.to,
    months: monthsBetween(period.from, period.to),
    fromUtc: monthStartUtc(period.from),
    toUtc: monthStartUtc(addMonths(period.to, 1)),
    itemId,
  };
}

/**
 * The district whose agencies count as "inside" for the no-area-restriction
 * indicator: env DISTRICT_REGION_CODE, a GB/T 2260 code; default 310107
 * (上海市普陀区, the plan's district — Organization.regionCode stores Shanghai's
 * districts at that level).
 */
export function districtRegionCode(): string {
  const configured = process.env.DISTRICT_REGION_CODE?.trim();
  return configured && /^\d{6}$/.test(configured) ? configured : "310107";
}

/** 310107 → "310107" (the district); 310100 → "3101"; 310000 → "31" (the whole province). */
export function districtPrefix(code: string): string {
  let p = code;
  while (p.length > 2 && p.endsWith("00")) p = p.slice(0, -2);
  return p;
}

// ───────────────────────── work queues ─────────────────────────

export type WorkQueues = {
  registrations: number;
  /** Credentials added after listing, awaiting verification (decision 015). */
  credentials: number;
  objections: number;
  /** Requests held for the fair-competition review (公平竞争审查) before publication. */
  fairness: number;
  casesOpen: number;
  casesUnderReview: number;
  /** Cases in due process before a heavy sanction (decision 033), by status: each is work for a regulator in turn. */
  dueProcess: Record<(typeof DUE_PROCESS_STATUSES)[number], number>;
  appeals: number;
  suspended: number;
  suspendedAgencies: { id: string; name: string; until: string | null; reason: string | null }[];
};

export async function workQueues(db: Client): Promise<WorkQueues> {
  const [registrations, credentials, objections, fairness, cases, suspended, suspendedAgencies] = await Promise.all([
    db.agency.count({ where: { status: "APPLIED" } }),
    pendingCredentialCount(db),
    db.objection.count({ where: { status: "PENDING" } }),
    db.fairnessReview.count({ where: { outcome: "PENDING" } }),
    db.supervisionCase.groupBy({
      by: ["status"],
      where: { status: { in: ["OPEN", "UNDER_REVIEW", ...DUE_PROCESS_STATUSES, "APPEAL"] } },
      _count: { _all: true },
    }),
    db.agency.count({ where: { status: "SUSPENDED" } }),
    db.agency.findMany({
      where: { status: "SUSPENDED" },
      orderBy: [{ suspendedUntil: "asc" }, { id: "asc" }],
      take: 10,
      select: { id: true, suspendedUntil: true, statusReason: true, organization: { select: { name: true } } },
    }),
  ]);
  const byStatus = new Map(cases.map((c) => [c.status, c._count._all]));
  return {
    registrations,
    credentials,
    objections,
    fairness,
    casesOpen: byStatus.get("OPEN") ?? 0,
    casesUnderReview: byStatus.get("UNDER_REVIEW") ?? 0,
    dueProcess: Object.fromEntries(DUE_PROCESS_STATUSES.map((s) => [s, byStatus.get(s) ?? 0])) as WorkQueues["dueProcess"],
    appeals: byStatus.get("APPEAL") ?? 0,
    suspended,
    suspendedAgencies: suspendedAgencies.map((a) => ({
      id: a.id,
      name: a.organization.name,
      until: a.suspendedUntil?.toISOString() ?? null,
      reason: a.statusReason,
    })),
  };
}

// ───────────────────────── indicators ─────────────────────────

const itemFilter = (range: Range, column: Prisma.Sql) => (range.itemId ? Prisma.sql`AND ${column} = ${range.itemId}` : Prisma.empty);

/**
 * The awards in force made in the range: one row per request, at the time of its
 * latest AWARD announcement. "max(publishedAt) over announcements after `from`"
 * equals the request's overall latest one whenever it is in the range, so the
 * scan is an index range on (kind, publishedAt).
 */
function wonCte(range: Range): Prisma.Sql {
  return Prisma.sql`
    WITH award AS (
      SELECT a."entityId" AS id, max(a."publishedAt") AS at
      FROM "Announcement" a
      WHERE a.kind = 'AWARD' AND a."entityType" = 'request' AND a."publishedAt" >= ${range.fromUtc}
      GROUP BY a."entityId"
      HAVING max(a."publishedAt") < ${range.toUtc}
    ), won AS (
      SELECT to_char(award.at + interval '8 hours', 'YYYY-MM') AS month, award.at, r."itemId", r."opensAt", r."createdAt",
             r."priceCapFen", b."amountFen", b."agencyId"
      FROM award
      JOIN "ServiceRequest" r ON r.id = award.id
      JOIN "Bid" b ON b.id = r."awardedBidId"
      WHERE TRUE ${itemFilter(range, Prisma.sql`r."itemId"`)}
    )`;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Requests posted per month by catalogue item (SQL). */
export async function requestsByMonthItem(db: Client, range: Range) {
  return db.$queryRaw<{ month: string; itemId: string; n: number }[]>`
    SELECT to_char(r."opensAt" + interval '8 hours', 'YYYY-MM') AS month, r."itemId", count(*)::int AS n
    FROM "ServiceRequest" r
    WHERE r."opensAt" >= ${range.fromUtc} AND r."opensAt" < ${range.toUtc} ${itemFilter(range, Prisma.sql`r."itemId"`)}
    GROUP BY 1, 2`;
}

/**
 * One row per (month, item), per month (itemId null, level "month") and for the
 * whole period (month null, level "total"): award counts, the winning price /
 * cap bands (integer arithmetic, so exactly 70 % falls in 60–70 %) and median,
 * awards won from outside the district, days from posting to award (median,
 * 90th percentile). Every award-based indicator comes from this one statement:
 * one pass over the awards in force, grouped three ways.
 */
export type AwardRow = {
  level: "item" | "month" | "total";
  month: string | null;
  itemId: string | null;
  n: number;
  ratioMedian: number | null;
  b1: number;
  b2: number;
  b3: number;
  b4: number;
  b5: number;
  outside: number;
  daysMedian: number | null;
  daysP90: number | null;
};

export async function awardAggregates(db: Client, range: Range, districtCode = districtRegionCode()): Promise<AwardRow[]> {
  const prefix = `${districtPrefix(districtCode)}%`;
  const rows = await db.$queryRaw<(Omit<AwardRow, "level"> & { gm: number; gi: number })[]>`
    ${wonCte(range)}
    SELECT month, "itemId", GROUPING(month)::int AS gm, GROUPING("itemId")::int AS gi, count(*)::int AS n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ratio) AS "ratioMedian",
           count(*) FILTER (WHERE "amountFen" * 10 <= "priceCapFen" * 6)::int AS b1,
           count(*) FILTER (WHERE "amountFen" * 10 > "priceCapFen" * 6 AND "amountFen" * 10 <= "priceCapFen" * 7)::int AS b2,
           count(*) FILTER (WHERE "amountFen" * 10 > "priceCapFen" * 7 AND "amountFen" * 10 <= "priceCapFen" * 8)::int AS b3,
           count(*) FILTER (WHERE "amountFen" * 10 > "priceCapFen" * 8 AND "amountFen" * 10 <= "priceCapFen" * 9)::int AS b4,
           count(*) FILTER (WHERE "amountFen" * 10 > "priceCapFen" * 9)::int AS b5,
           count(*) FILTER (WHERE outside)::int AS outside,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS "daysMedian",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS "daysP90"
    FROM (
      SELECT won.month, won."itemId", won."amountFen", won."priceCapFen",
             won."amountFen"::float8 / NULLIF(won."priceCapFen", 0)::float8 AS ratio,
             EXTRACT(EPOCH FROM (won.at - COALESCE(won."opensAt", won."createdAt")))::float8 / 86400 AS days,
             (o."regionCode" IS NULL OR o."regionCode" NOT LIKE ${prefix}) AS outside
      FROM won JOIN "Agency" ag ON ag.id = won."agencyId" JOIN "Organization" o ON o.id = ag."organizationId"
    ) x
    GROUP BY GROUPING SETS ((month, "itemId"), (month), ())`;
  return rows.map(({ gm, gi, ...r }) => ({ ...r, level: gm ? "total" : gi ? "month" : "item" }));
}

/** Awards in force per month by catalogue item. */
export async function awardsByMonthItem(db: Client, range: Range) {
  return itemRows(await awardAggregates(db, range));
}

function itemRows(rows: AwardRow[]) {
  return rows.filter((r) => r.level === "item").map((r) => ({ month: r.month!, itemId: r.itemId!, n: r.n }));
}

function perMonth(rows: AwardRow[]) {
  const map = new Map(rows.filter((r) => r.level === "month").map((r) => [r.month!, r]));
  return { at: (m: string) => map.get(m), total: rows.find((r) => r.level === "total") };
}

export type VolumeSeries = { key: string; code: string | null; name: string; nameEn: string; requests: number[]; awards: number[] };
export type Volume = { series: VolumeSeries[]; requests: number[]; awards: number[]; totalRequests: number; totalAwards: number };

type ItemCount = { month: string; itemId: string; n: number };

async function volumeOf(db: Client, range: Range, requests: ItemCount[], awards: ItemCount[], topItems: number): Promise<Volume> {
  const totals = new Map<string, number>();
  for (const r of [...requests, ...awards]) totals.set(r.itemId, (totals.get(r.itemId) ?? 0) + r.n);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // A lone leftover item is shown by name rather than as "other".
  const top = ranked.slice(0, ranked.length > topItems + 1 ? topItems : topItems + 1).map(([id]) => id);
  const items = top.length
    ? await db.catalogueItem.findMany({ where: { id: { in: top } }, select: { id: true, code: true, name: true, nameEn: true } })
    : [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const monthAt = new Map(range.months.map((m, i) => [m, i]));
  const zeros = () => range.months.map(() => 0);
  const series: VolumeSeries[] = top.map((id) => ({
    key: id,
    code: byId.get(id)?.code ?? null,
    name: byId.get(id)?.name ?? id,
    nameEn: byId.get(id)?.nameEn ?? id,
    requests: zeros(),
    awards: zeros(),
  }));
  const other: VolumeSeries = { key: "other", code: null, name: "", nameEn: "", requests: zeros(), awards: zeros() };
  const seriesOf = new Map(series.map((s) => [s.key, s]));
  const fill = (rows: ItemCount[], field: "requests" | "awards") => {
    for (const r of rows) {
      const i = monthAt.get(r.month);
      if (i === undefined) continue;
      (seriesOf.get(r.itemId) ?? other)[field][i]! += r.n;
    }
  };
  fill(requests, "requests");
  fill(awards, "awards");
  if (other.requests.some((n) => n > 0) || other.awards.some((n) => n > 0)) series.push(other);
  const sum = (field: "requests" | "awards") => range.months.map((_, i) => series.reduce((s, x) => s + x[field][i]!, 0));
  const req = sum("requests");
  const aw = sum("awards");
  return { series, requests: req, awards: aw, totalRequests: req.reduce((a, b) => a + b, 0), totalAwards: aw.reduce((a, b) => a + b, 0) };
}

/** Requests posted and awards made per month, the top items on their own and the rest as "other". */
export async function volume(db: Client, range: Range, topItems = TOP_ITEMS): Promise<Volume> {
  const [requests, awards] = await Promise.all([requestsByMonthItem(db, range), awardAggregates(db, range)]);
  return volumeOf(db, range, requests, itemRows(awards), topItems);
}

export const RATIO_BUCKETS = ["le60", "60to70", "70to80", "80to90", "gt90"] as const;
export type RatioBucket = (typeof RATIO_BUCKETS)[number];
export type PriceRatio = {
  buckets: { key: RatioBucket; count: number }[];
  median: (number | null)[];
  count: number[];
  overallMedian: number | null;
  total: number;
};

function priceRatioOf(range: Range, rows: AwardRow[]): PriceRatio {
  const m = perMonth(rows);
  const t = m.total;
  return {
    buckets: RATIO_BUCKETS.map((key, i) => ({ key, count: num(t?.[`b${i + 1}` as "b1"]) })),
    median: range.months.map((x) => numOrNull(m.at(x)?.ratioMedian)),
    count: range.months.map((x) => num(m.at(x)?.n)),
    overallMedian: numOrNull(t?.ratioMedian),
    total: num(t?.n),
  };
}

/** Winning price / cap: distribution over the period and the median per month. */
export async function priceRatio(db: Client, range: Range): Promise<PriceRatio> {
  return priceRatioOf(range, await awardAggregates(db, range));
}

export type OutsideShare = {
  awards: number[];
  outside: number[];
  share: (number | null)[];
  total: { awards: number; outside: number; share: number | null };
};

function outsideOf(range: Range, rows: AwardRow[]): OutsideShare {
  const m = perMonth(rows);
  const share = (n: number, o: number) => (n > 0 ? o / n : null);
  const awards = range.months.map((x) => num(m.at(x)?.n));
  const outside = range.months.map((x) => num(m.at(x)?.outside));
  const total = { awards: num(m.total?.n), outside: num(m.total?.outside), share: share(num(m.total?.n), num(m.total?.outside)) };
  return { awards, outside, share: awards.map((n, i) => share(n, outside[i]!)), total };
}

/** Share of awards won by agencies registered outside the district (the no-area-restriction indicator). */
export async function outsideShare(db: Client, range: Range, districtCode = districtRegionCode()): Promise<OutsideShare> {
  return outsideOf(range, await awardAggregates(db, range, districtCode));
}

export type DaysToAward = {
  count: number[];
  median: (number | null)[];
  p90: (number | null)[];
  overall: { count: number; median: number | null; p90: number | null };
};

function daysOf(range: Range, rows: AwardRow[]): DaysToAward {
  const m = perMonth(rows);
  return {
    count: range.months.map((x) => num(m.at(x)?.n)),
    median: range.months.map((x) => numOrNull(m.at(x)?.daysMedian)),
    p90: range.months.map((x) => numOrNull(m.at(x)?.daysP90)),
    overall: { count: num(m.total?.n), median: numOrNull(m.total?.daysMedian), p90: numOrNull(m.total?.daysP90) },
  };
}

/** Days from posting (opensAt) to the award in force: median and 90th percentile per month of award. */
export async function daysToAward(db: Client, range: Range): Promise<DaysToAward> {
  return daysOf(range, await awardAggregates(db, range));
}

export type OnTime = {
  completed: number[];
  onTime: number[];
  rate: (number | null)[];
  total: { completed: number; onTime: number; rate: number | null };
};

/** Completed requests delivered by their due date, over completed requests, per month of completion. */
export async function onTimeDelivery(db: Client, range: Range): Promise<OnTime> {
  const rows = await db.$queryRaw<{ month: string | null; n: number; ontime: number }[]>`
    SELECT month, count(*)::int AS n, count(*) FILTER (WHERE ontime)::int AS ontime
    FROM (
      SELECT to_char(r."completedAt" + interval '8 hours', 'YYYY-MM') AS month, r."deliveredAt" <= r."dueAt" AS ontime
      FROM "ServiceRequest" r
      WHERE r.status = 'COMPLETED' AND r."completedAt" >= ${range.fromUtc} AND r."completedAt" < ${range.toUtc}
        ${itemFilter(range, Prisma.sql`r."itemId"`)}
    ) x
    GROUP BY GROUPING SETS ((month), ())`;
  const map = new Map(rows.filter((r) => r.month !== null).map((r) => [r.month!, r]));
  const t = rows.find((r) => r.month === null);
  const rate = (n: number, o: number) => (n > 0 ? o / n : null);
  const completed = range.months.map((x) => num(map.get(x)?.n));
  const onTime = range.months.map((x) => num(map.get(x)?.ontime));
  return {
    completed,
    onTime,
    rate: completed.map((n, i) => rate(n, onTime[i]!)),
    total: { completed: num(t?.n), onTime: num(t?.ontime), rate: rate(num(t?.n), num(t?.ontime)) },
  };
}

export type Indicators = {
  range: { from: string; to: string; months: string[]; itemId: string | null };
  district: { code: string; prefix: string };
  volume: Volume;
  priceRatio: PriceRatio;
  outside: OutsideShare;
  daysToAward: DaysToAward;
  onTime: OnTime;
};

/** Every indicator for a period (and optionally one catalogue item): three SQL statements. */
export async function districtIndicators(db: Client, range: Range, districtCode = districtRegionCode()): Promise<Indicators> {
  const [requests, awards, onTime] = await Promise.all([
    requestsByMonthItem(db, range),
    awardAggregates(db, range, districtCode),
    onTimeDelivery(db, range),
  ]);
  return {
    range: { from: range.from, to: range.to, months: range.months, itemId: range.itemId },
    district: { code: districtCode, prefix: districtPrefix(districtCode) },
    volume: await volumeOf(db, range, requests, itemRows(awards), TOP_ITEMS),
    priceRatio: priceRatioOf(range, awards),
    outside: outsideOf(range, awards),
    daysToAward: daysOf(range, awards),
    onTime,
  };
}

/** The default period from the database clock. */
export async function currentDefaultPeriod(db: Client): Promise<Period> {
  return defaultPeriod(await dbNow(db));
}
