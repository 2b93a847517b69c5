import type { Db } from "~/db/client.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import type { Industry, Stage } from "~/schemas/navigator";

/**
 * The first 产业项目中介服务目录 (decision 039): the navigator's rules as they were
 * published with decision 036 (industry × scale → item and stage), every block of the
 * district. Version 1 of each rule; the catalogue admin edits them from then on.
 */
export const INITIAL_RULES: readonly { code: string; stage: Stage; industries: readonly Industry[]; largeOnly?: boolean }[] = [
  { code: "ZJ-PT-001", stage: "LAND", industries: [] },
  { code: "ZJ-PT-002", stage: "LAND", industries: [] },
  { code: "ZJ-PT-004", stage: "LAND", industries: ["COMMERCIAL", "INFRASTRUCTURE"], largeOnly: true },
  { code: "ZJ-PT-008", stage: "APPROVAL", industries: [] },
  { code: "ZJ-PT-003", stage: "APPROVAL", industries: [] },
  { code: "ZJ-PT-009", stage: "APPROVAL", industries: ["INDUSTRIAL", "INFRASTRUCTURE"] },
  { code: "ZJ-PT-005", stage: "APPROVAL", industries: ["COMMERCIAL", "INFRASTRUCTURE"] },
  { code: "ZJ-PT-006", stage: "APPROVAL", industries: [], largeOnly: true },
  { code: "ZJ-PT-007", stage: "APPROVAL", industries: ["INFRASTRUCTURE"], largeOnly: true },
  { code: "ZJ-PT-013", stage: "APPROVAL", industries: ["INDUSTRIAL", "COMMERCIAL"] },
  { code: "ZJ-PT-014", stage: "APPROVAL", industries: ["INDUSTRIAL"] },
  { code: "ZJ-PT-011", stage: "PERMIT", industries: [] },
  { code: "ZJ-PT-010", stage: "PERMIT", industries: [] },
  { code: "ZJ-PT-015", stage: "COMPLETION", industries: ["INDUSTRIAL"] },
  { code: "ZJ-PT-012", stage: "COMPLETION", industries: ["INDUSTRIAL", "COMMERCIAL", "RESIDENTIAL"] },
];

/** Seeds the rules once (when there is none), each with its CREATE_RULE audit event. Idempotent. */
export async function seedNavigatorRules(db: Db): Promise<number> {
  if ((await db.navigatorRule.count()) > 0) return 0;
  const items = await db.catalogueItem.findMany({
    where: { code: { in: INITIAL_RULES.map((r) => r.code) } },
    select: { id: true, code: true },
  });
  const idOf = new Map(items.map((i) => [i.code, i.id]));
  return db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    let created = 0;
    for (const [n, r] of INITIAL_RULES.entries()) {
      const itemId = idOf.get(r.code);
      if (!itemId) continue;
      const rule = await tx.navigatorRule.create({
        data: {
          itemId,
          stage: r.stage,
          position: (n + 1) * 10,
          industries: [...r.industries],
          scale: r.largeOnly ? "LARGE" : null,
          changedAt: now,
          changedById: null,
        },
      });
      await appendAudit(tx, {
        aggregateType: "navigatorRule",
        aggregateId: rule.id,
        fromState: null,
        event: "CREATE_RULE",
        toState: "IN_FORCE",
        actorId: null,
        payload: {
          itemCode: r.code,
          stage: r.stage,
          position: rule.position,
          industries: rule.industries,
          scale: rule.scale,
          reason: "初始产业项目中介服务目录",
        },
      });
      created++;
    }
    return created;
  });
}
