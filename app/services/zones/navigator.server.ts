import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { countingCredential } from "~/services/agencies/credential-review.server";
import { dbNow } from "~/services/clock.server";
import { STAGES, type Industry, type Scale, type Stage } from "~/schemas/navigator";
import { ruleApplies, type ProjectFacts } from "~/services/navigator/fanout.server";
import { beijingToday, validOn } from "./data.server";

/**
 * 项目导航 (rows 51, 73; decision 036): from a project's industry, scale and zone, the
 * intermediary items it needs in the order of the approval process, each with its guide
 * (the catalogue item's page), typical time, the price range of past awards, how many
 * listed agencies can serve it, and whether the zone's valid result exempts it.
 * The rules are data kept with the catalogue (NavigatorRule, decision 039); a rule whose
 * item is retired is left out, and an item two rules name is listed once (the first).
 */

/** The rules that apply to a project, in process order (stage, then position, then item code). */
export async function neededRules(db: Db, project: ProjectFacts) {
  const rules = await db.navigatorRule.findMany({
    where: { status: "IN_FORCE", item: { status: "IN_FORCE" } },
    select: {
      itemId: true,
      zoneId: true,
      stage: true,
      position: true,
      industries: true,
      scale: true,
      govFunded: true,
      note: true,
      noteEn: true,
      item: { select: { code: true } },
    },
  });
  return rules
    .filter((r) => ruleApplies(r, project))
    .sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.position - b.position || a.item.code.localeCompare(b.item.code));
}

/** Requests whose award stands (a winning bid the enterprise pays): the price range of past awards. */
const AWARDED = ["CONTRACTED", "IN_SERVICE", "DELIVERED", "COMPLETED"];

export type NavigatorStep = {
  code: string;
  name: string;
  nameEn: string;
  stage: Stage;
  note: string;
  noteEn: string;
  timeLimitDays: number;
  minFen: string | null;
  maxFen: string | null;
  awards: number;
  agencies: number;
  exemption: { zoneId: string; resultId: string; issuer: string; validUntil: Date } | null;
};

export async function projectNavigator(
  db: Db,
  q: { industry: Industry; scale: Scale; govFunded: boolean; zoneId: string | null },
): Promise<NavigatorStep[]> {
  const seen = new Set<string>();
  const rules = (await neededRules(db, q)).filter((r) => !seen.has(r.itemId) && !!seen.add(r.itemId));
  const now = await dbNow(db);
  const items = await db.catalogueItem.findMany({
    where: { id: { in: rules.map((r) => r.itemId) }, status: "IN_FORCE" },
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
    const item = byCode.get(r.item.code);
    if (!item) return [];
    const price = priceOf.get(item.id);
    const result = results.find((x) => x.itemId === item.id);
    return [
      {
        code: item.code,
        name: item.name,
        nameEn: item.nameEn,
        stage: r.stage,
        note: r.note,
        noteEn: r.noteEn,
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
