import type { Tx } from "~/db/client.server";
import { notify } from "~/services/notifications/notify.server";

/**
 * Who a change of the project navigator concerns (decision 039): the followed
 * projects whose list it changes. Called inside the transaction of the change, so
 * a notification (in-app and its mail, through the outbox) exists exactly when the
 * change was committed.
 */

export type RuleFacts = { zoneId: string | null; industries: string[]; scale: string | null; govFunded: boolean | null };
export type ProjectFacts = { zoneId: string | null; industry: string; scale: string; govFunded: boolean };

/** A rule applies to a project when each of its conditions (block, industry, scale, government funding) holds or is open. */
export function ruleApplies(rule: RuleFacts, project: ProjectFacts): boolean {
  return (
    (rule.zoneId === null || rule.zoneId === project.zoneId) &&
    (rule.industries.length === 0 || rule.industries.includes(project.industry)) &&
    (rule.scale === null || rule.scale === project.scale) &&
    (rule.govFunded === null || rule.govFunded === project.govFunded)
  );
}

type Item = { code: string; name: string };
const FOLLOWER = { id: true, orgId: true, name: true, zoneId: true, industry: true, scale: true, govFunded: true } as const;

async function tell(tx: Tx, projects: { id: string; orgId: string; name: string }[], kind: string, data: Record<string, string>) {
  for (const p of projects) await notify(tx, { orgId: p.orgId, kind, data: { ...data, project: p.name, projectId: p.id } });
  return projects.length;
}

/** A rule was added, changed or retired: the projects it applied to before or applies to after. */
export async function notifyRuleChange(
  tx: Tx,
  kind: "NAVIGATOR_RULE_ADDED" | "NAVIGATOR_RULE_CHANGED" | "NAVIGATOR_RULE_RETIRED",
  versions: RuleFacts[],
  item: Item,
) {
  const zoneIds = versions.map((r) => r.zoneId);
  const followers = await tx.followedProject.findMany({
    where: zoneIds.includes(null) ? {} : { zoneId: { in: zoneIds as string[] } },
    select: FOLLOWER,
    orderBy: { id: "asc" },
  });
  const concerned = followers.filter((f) => versions.some((r) => ruleApplies(r, f)));
  return tell(tx, concerned, kind, { code: item.code, item: item.name });
}

/** The projects whose list holds the item (an in-force rule for it applies to them). */
async function needing(tx: Tx, itemId: string, zoneId?: string) {
  const rules = await tx.navigatorRule.findMany({
    where: { itemId, status: "IN_FORCE" },
    select: { zoneId: true, industries: true, scale: true, govFunded: true },
  });
  if (rules.length === 0) return [];
  const followers = await tx.followedProject.findMany({ where: zoneId ? { zoneId } : {}, select: FOLLOWER, orderBy: { id: "asc" } });
  return followers.filter((f) => rules.some((r) => ruleApplies(r, f)));
}

/** A catalogue item the project needs was changed (its guide) or retired. */
export async function notifyItemChange(tx: Tx, kind: "NAVIGATOR_ITEM_CHANGED" | "NAVIGATOR_ITEM_RETIRED", item: Item & { id: string }) {
  return tell(tx, await needing(tx, item.id), kind, { code: item.code, item: item.name });
}

/** A regional assessment was recorded for the project's zone, for an item it needs: the item may now be exempt. */
export async function notifyExemptionChange(
  tx: Tx,
  zone: { id: string; code: string; name: string },
  item: Item & { id: string },
  validUntil: string,
) {
  return tell(tx, await needing(tx, item.id, zone.id), "NAVIGATOR_EXEMPTION_ADDED", {
    code: item.code,
    item: item.name,
    zone: `${zone.code} ${zone.name}`,
    until: validUntil,
  });
}

/** A zone's result for an item the project needs has ended (decision 041): the item is no longer exempt there. */
export async function notifyExemptionExpired(
  tx: Tx,
  zone: { id: string; code: string; name: string },
  item: Item & { id: string },
  validUntil: string,
) {
  return tell(tx, await needing(tx, item.id, zone.id), "NAVIGATOR_EXEMPTION_EXPIRED", {
    code: item.code,
    item: item.name,
    zone: `${zone.code} ${zone.name}`,
    until: validUntil,
  });
}
