import type { Db } from "~/db/client.server";
import { STAGES } from "~/schemas/navigator";

/** Read models of the navigator's rules and followed projects (decision 039). */

const RULE_SELECT = {
  id: true,
  stage: true,
  position: true,
  industries: true,
  scale: true,
  govFunded: true,
  note: true,
  noteEn: true,
  status: true,
  version: true,
  changedAt: true,
  zoneId: true,
  item: { select: { code: true, name: true, nameEn: true } },
  zone: { select: { code: true, name: true } },
} as const;

/** The rules in process order (stage, position, item code); the retired ones too when asked (the admin's list). */
export async function listRules(db: Db, options: { includeRetired?: boolean } = {}) {
  const rows = await db.navigatorRule.findMany({
    where: options.includeRetired ? {} : { status: "IN_FORCE" },
    select: RULE_SELECT,
  });
  return rows.sort(
    (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.position - b.position || a.item.code.localeCompare(b.item.code),
  );
}
export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

/** When the published rules last changed (any add, edit or retirement), or null before the first rule. */
export async function rulesUpdatedAt(db: Db): Promise<Date | null> {
  const r = await db.navigatorRule.aggregate({ _max: { changedAt: true } });
  return r._max.changedAt;
}

export async function ruleForEdit(db: Db, id: string) {
  return db.navigatorRule.findUnique({ where: { id }, select: RULE_SELECT });
}

/** The enterprise's followed projects, newest first (its own organization only). */
export async function myProjects(db: Db, orgId: string) {
  return db.followedProject.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      industry: true,
      scale: true,
      govFunded: true,
      zoneId: true,
      zone: { select: { code: true, name: true } },
    },
  });
}
