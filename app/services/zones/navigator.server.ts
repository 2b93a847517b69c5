import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { countingCredential } from "~/services/agencies/credential-review.server";
import { dbNow } from "~/services/clock.server";
import { INDUSTRIES, type Industry, type Scale } from "~/schemas/navigator";
import { beijingToday, validOn } from "./data.server";

/**
 * 项目导航 (rows 51, 73; decision 036): from a project's industry, scale and zone, the
 * intermediary items it needs in the order of the approval process, each with its guide
 * (the catalogue item's page), typical time, the price range of past awards, how many
 * listed agencies can serve it, and whether the zone's valid result exempts it.
 * The rules are this table (published with the page); an item not in the catalogue, or
 * retired, is left out.
 */

/** Approval stages in their order: 用地规划 → 立项与评估 → 施工许可 → 竣工验收. */
export const STAGES = ["LAND", "APPROVAL", "PERMIT", "COMPLETION"] as const;
export type Stage = (typeof STAGES)[number];

type Rule = { code: string; stage: Stage; industries: readonly Industry[]; largeOnly?: boolean };
const ALL = INDUSTRIES;

export const NAVIGATOR_RULES: readonly Rule[] = [
  { code: "ZJ-PT-001", stage: "LAND", industries: ALL },
  { code: "ZJ-PT-002", stage: "LAND", industries: ALL },
  { code: "ZJ-PT-004", stage: "LAND", industries: ["INFRASTRUCTURE", "COMMERCIAL"], largeOnly: true },
  { code: "ZJ-PT-008", stage: "APPROVAL", industries: ALL },
  { code: "ZJ-PT-003", stage: "APPROVAL", industries: ALL },
  { code: "ZJ-PT-009", stage: "APPROVAL", industries: ["INDUSTRIAL", "INFRASTRUCTURE"] },
  { code: "ZJ-PT-005", stage: "APPROVAL", industries: ["INFRASTRUCTURE", "COMMERCIAL"] },
  { code: "ZJ-PT-006", stage: "APPROVAL", industries: ALL, largeOnly: true },
  { code: "ZJ-PT-007", stage: "APPROVAL", industries: ["INFRASTRUCTURE"], largeOnly: true },
  { code: "ZJ-PT-013", stage: "APPROVAL", industries: ["INDUSTRIAL", "COMMERCIAL"] },
  { code: "ZJ-PT-014", stage: "APPROVAL", industries: ["INDUSTRIAL"] },
  { code: "ZJ-PT-011", stage: "PERMIT", industries: ALL },
  { code: "ZJ-PT-010", stage: "PERMIT", industries: ALL },
  { code: "ZJ-PT-015", stage: "COMPLETION", industries: ["INDUSTRIAL"] },
  { code: "ZJ-PT-012", stage: "COMPLETION", industries: ["INDUSTRIAL", "COMMERCIAL", "RESIDENTIAL"] },
];

/** The rules that apply, in process order (the table's order within a stage). */
export function neededRules(industry: Industry, scale: Scale): Rule[] {
  return NAVIGATOR_RULES.filter((r) => r.industries.includes(industry) && (!r.largeOnly || scale === "LARGE")).sort(
    (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
  );
}

/** Requests whose award stands (a winning bid the enterprise pays): the price range of past awards. */
const AWARDED = ["CONTRACTED", "IN_SERVICE", "DELIVERED", "COMPLETED"];

export type NavigatorStep = {
  code: string;
  name: string;
  nameEn: string;
  stage: Stage;
  timeLimitDays: number;
  minFen: string | null;
  maxFen: string | null;
  awards: number;
  agencies: number;
  exemption: { zoneId: string; resultId: string; issuer: string; validUntil: Date } | null;
};

export async function projectNavigator(db: Db, q: { industry: Industry; scale: Scale; zoneId: string | null }): Promise<NavigatorStep[]> {
  const rules = neededRules(q.industry, q.scale);
  const now = await dbNow(db);
  const items = await db.catalogueItem.findMany({
    where: { code: { in: rules.map((r) => r.code) }, status: "IN_FORCE" },
    select: { id: true, code: true, name: true, nameEn: true, timeLimitDays: true },
  });
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const [prices, agencies, results] = await Promise.all([
    db.$queryRaw<{ itemId: string; min: bigint; max: bigint; n: number }[]>`
      SELECT r."itemId", MIN(b."amountFen") AS min, MAX(b."amountFen") AS max, COUNT(*)::int AS n
      FROM "ServiceRequest" r JOIN "Bid" b ON b.id = r."awardedBidId"
      WHERE r.status::text IN (${Prisma.join(AWARDED)}) AND r."itemId" IN (${Prisma.join(ids)})
      GROUP BY r."itemId"`,
    Promise.all(
      items.map((i) =>
        db.agency.count({
          where: { status: "LISTED", credentials: { some: { ...countingCredential(now), items: { some: { itemId: i.id } } } } },
        }),
      ),
    ),
    q.zoneId
      ? db.zoneAssessment.findMany({
          where: { zoneId: q.zoneId, itemId: { in: ids }, ...validOn(beijingToday(now)) },
          orderBy: [{ validUntil: "desc" }, { id: "asc" }],
          select: { id: true, zoneId: true, itemId: true, issuer: true, validUntil: true },
        })
      : [],
  ]);
  const priceOf = new Map(prices.map((p) => [p.itemId, p]));
  const byCode = new Map(items.map((i, n) => [i.code, { ...i, agencies: agencies[n]! }]));
  return rules.flatMap((r) => {
    const item = byCode.get(r.code);
    if (!item) return [];
    const price = priceOf.get(item.id);
    const result = results.find((x) => x.itemId === item.id);
    return [
      {
        code: item.code,
        name: item.name,
        nameEn: item.nameEn,
        stage: r.stage,
        timeLimitDays: item.timeLimitDays,
        minFen: price ? price.min.toString() : null,
        maxFen: price ? price.max.toString() : null,
        awards: price?.n ?? 0,
        agencies: item.agencies,
        exemption: result ? { zoneId: result.zoneId, resultId: result.id, issuer: result.issuer, validUntil: result.validUntil } : null,
      },
    ];
  });
}
