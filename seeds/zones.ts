/**
 * Demo regional assessments (区域评估, decision 036): three zones of the district with
 * results dated relative to the database clock (valid today, one expired), and two
 * enterprises already told that a result covered their item, so the regulator
 * dashboard's savings card shows something. Written once (skipped when a zone exists).
 */
import type { Db } from "~/db/client.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { districtRegionCode } from "~/services/supervision/indicators.server";
import { beijingToday } from "~/services/zones/data.server";

const DAY = 86_400_000;

type DemoResult = { item: string; issuer: string; issuedDaysAgo: number; validDays: number; conditions?: string };
type DemoZone = { suffix: string; name: string; boundary: string; results: DemoResult[] };

const ZONES: DemoZone[] = [
  {
    suffix: "TP01",
    name: "桃浦智创城",
    boundary: "东至真北路，南至金昌路，西至外环高速，北至沪嘉高速。",
    results: [
      {
        item: "ZJ-PT-002",
        issuer: "上海市地质调查研究院",
        issuedDaysAgo: 200,
        validDays: 3 * 365,
        conditions: "单体建筑高度超过 100 米的项目另行评估。",
      },
      { item: "ZJ-PT-003", issuer: "上海市水务规划设计研究院", issuedDaysAgo: 150, validDays: 3 * 365 },
      { item: "ZJ-PT-006", issuer: "上海市地震局工程地震研究所", issuedDaysAgo: 300, validDays: 5 * 365 },
      {
        item: "ZJ-PT-008",
        issuer: "上海市环境科学研究院",
        issuedDaysAgo: 120,
        validDays: 5 * 365,
        conditions: "限区域规划环评所列产业类型。",
      },
      { item: "ZJ-PT-010", issuer: "上海市防雷中心", issuedDaysAgo: 90, validDays: 2 * 365 },
      // An expired result: shown, but covers nothing.
      { item: "ZJ-PT-005", issuer: "上海市水利工程设计研究院", issuedDaysAgo: 4 * 365, validDays: 3 * 365 },
    ],
  },
  {
    suffix: "ZR01",
    name: "真如城市副中心",
    boundary: "东至交通路，南至铜川路，西至真华路，北至武威东路。",
    results: [
      { item: "ZJ-PT-001", issuer: "上海市测绘院", issuedDaysAgo: 60, validDays: 2 * 365 },
      { item: "ZJ-PT-004", issuer: "上海市文物保护研究中心", issuedDaysAgo: 400, validDays: 3 * 365 },
      { item: "ZJ-PT-009", issuer: "上海市水文总站", issuedDaysAgo: 30, validDays: 3 * 365 },
    ],
  },
  {
    suffix: "CZ01",
    name: "长征镇中环产业园",
    boundary: "东至祁连山南路，南至金沙江路，西至真北路，北至梅川路。",
    results: [{ item: "ZJ-PT-007", issuer: "上海市气候中心", issuedDaysAgo: 45, validDays: 3 * 365 }],
  },
];

export async function seedZones(db: Db): Promise<void> {
  const district = districtRegionCode();
  if (await db.zone.count()) return;
  const regulator = await db.user.findUnique({ where: { email: "regulator@demo.zjcs.cn" }, select: { id: true } });
  const items = new Map((await db.catalogueItem.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]));
  await db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const today = beijingToday(now).getTime();
    const zoneIds: string[] = [];
    for (const z of ZONES) {
      const zone = await tx.zone.create({
        data: { code: `${district}-${z.suffix}`, name: z.name, boundary: z.boundary, createdById: regulator?.id ?? "seed", createdAt: now },
      });
      zoneIds.push(zone.id);
      await appendAudit(tx, {
        aggregateType: "zone",
        aggregateId: zone.id,
        fromState: null,
        event: "CREATE",
        toState: null,
        actorId: regulator?.id ?? null,
        payload: { code: zone.code, name: zone.name, boundary: zone.boundary },
      });
      for (const r of z.results) {
        const itemId = items.get(r.item);
        if (!itemId) throw new Error(`Seed zone result names unknown catalogue item ${r.item}`);
        const issuedOn = new Date(today - r.issuedDaysAgo * DAY);
        const validUntil = new Date(issuedOn.getTime() + r.validDays * DAY);
        const result = await tx.zoneAssessment.create({
          data: {
            zoneId: zone.id,
            itemId,
            issuer: r.issuer,
            issuedOn,
            validUntil,
            conditions: r.conditions ?? "",
            createdById: regulator?.id ?? "seed",
            createdAt: now,
            // The demo's expired result ended before the demo began: its end tells nobody (decision 041).
            expiryHandledAt: validUntil.getTime() < today ? now : null,
          },
        });
        await appendAudit(tx, {
          aggregateType: "zone",
          aggregateId: zone.id,
          fromState: null,
          event: "RECORD_RESULT",
          toState: null,
          actorId: regulator?.id ?? null,
          payload: {
            resultId: result.id,
            itemCode: r.item,
            issuer: r.issuer,
            issuedOn: issuedOn.toISOString().slice(0, 10),
            validUntil: validUntil.toISOString().slice(0, 10),
            conditions: result.conditions,
            document: null,
          },
        });
      }
    }
    // Two enterprises already told (and not buying): the dashboard's savings card.
    const told = [
      { email: "enterprise@demo.zjcs.cn", zone: 0, item: "ZJ-PT-008" },
      { email: "gov@demo.zjcs.cn", zone: 1, item: "ZJ-PT-001" },
    ];
    for (const t of told) {
      const user = await tx.user.findUnique({ where: { email: t.email }, select: { id: true, organizationId: true } });
      const itemId = items.get(t.item)!;
      const result = await tx.zoneAssessment.findFirst({ where: { zoneId: zoneIds[t.zone]!, itemId }, select: { id: true } });
      if (!user?.organizationId || !result) continue;
      await tx.zoneExemption.create({
        data: { zoneId: zoneIds[t.zone]!, itemId, orgId: user.organizationId, resultId: result.id, mode: "REFUSE", createdAt: now },
      });
      await appendAudit(tx, {
        aggregateType: "zone",
        aggregateId: zoneIds[t.zone]!,
        fromState: null,
        event: "EXEMPTION_SHOWN",
        toState: null,
        actorId: user.id,
        payload: { itemId, resultId: result.id, mode: "REFUSE" },
      });
    }
  });
}
