import type { Db, Tx } from "~/db/client.server";
import type { NavigatorRule } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import type { RuleEditInput, RuleInput, RuleRetireInput } from "~/schemas/navigator";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notifyRuleChange, type RuleFacts } from "./fanout.server";

/**
 * The navigator's rules (产业项目行政审批相关中介服务目录, rows 51, 73; decision 039),
 * kept with the catalogue by its admin. Each change — add, edit, retire — is one
 * transaction: the rule's row (version + 1), its audit event (`navigatorRule` chain,
 * the whole rule and the reason) and a notification to each followed project it
 * concerns. A retired rule stays readable in the audit log; it no longer applies.
 * Like a catalogue item, a rule is IN_FORCE until retired (one way, no machine: the
 * update's `status: IN_FORCE, version` condition is the check).
 */

const notFound = () => new DomainError("NOT_FOUND", 404, "navigator.errors.ruleNotFound");
const stale = () => new DomainError("STALE_VERSION", 409, "navigator.errors.staleVersion");

/** The rule's columns from the form, with its item and block checked (422 at the field). */
async function ruleData(tx: Tx, input: RuleInput) {
  const item = await tx.catalogueItem.findUnique({
    where: { code: input.itemCode.toUpperCase() },
    select: { id: true, code: true, name: true, status: true },
  });
  if (!item || item.status !== "IN_FORCE") throw new DomainError("ITEM", 422, "navigator.errors.item", "itemCode");
  const zoneId = input.zone || null;
  if (zoneId && !(await tx.zone.findUnique({ where: { id: zoneId }, select: { id: true } })))
    throw new DomainError("ZONE", 422, "zones.errors.zoneUnknown", "zone");
  return {
    item,
    data: {
      itemId: item.id,
      zoneId,
      stage: input.stage,
      position: input.position,
      industries: input.industries,
      scale: input.scale === "LARGE" ? "LARGE" : null,
      govFunded: input.govFunded === "ANY" ? null : input.govFunded === "YES",
      note: input.note,
      noteEn: input.noteEn,
    },
  };
}

function facts(r: NavigatorRule): RuleFacts {
  return { zoneId: r.zoneId, industries: r.industries, scale: r.scale, govFunded: r.govFunded };
}

function snapshot(r: NavigatorRule, itemCode: string) {
  return {
    itemCode,
    zoneId: r.zoneId,
    stage: r.stage,
    position: r.position,
    industries: r.industries,
    scale: r.scale,
    govFunded: r.govFunded,
    note: r.note,
    noteEn: r.noteEn,
    status: r.status,
    version: r.version,
  };
}

async function audit(tx: Tx, r: NavigatorRule, itemCode: string, event: string, fromState: string | null, actorId: string, reason: string) {
  await appendAudit(tx, {
    aggregateType: "navigatorRule",
    aggregateId: r.id,
    fromState,
    event,
    toState: r.status,
    actorId,
    payload: { ...snapshot(r, itemCode), reason },
  });
}

export async function createRule(db: Db, input: RuleInput, actorId: string) {
  return db.$transaction(async (tx) => {
    const { item, data } = await ruleData(tx, input);
    const rule = await tx.navigatorRule.create({ data: { ...data, changedAt: await dbNow(tx), changedById: actorId } });
    await audit(tx, rule, item.code, "CREATE_RULE", null, actorId, input.reason);
    await notifyRuleChange(tx, "NAVIGATOR_RULE_ADDED", [facts(rule)], item);
    return rule;
  });
}

/** Rows of a rule locked for a change: it must exist, be in force and be the version the admin edited. */
async function lockRule(tx: Tx, id: string, version: number, retiredMessage: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "NavigatorRule" WHERE id = ${id} FOR UPDATE`;
  if (!rows[0]) throw notFound();
  const rule = await tx.navigatorRule.findUniqueOrThrow({ where: { id }, include: { item: { select: { code: true, name: true } } } });
  if (rule.status === "RETIRED") throw new DomainError("RULE_RETIRED", 409, retiredMessage);
  if (rule.version !== version) throw stale();
  return rule;
}

const COMPARED = ["itemId", "zoneId", "stage", "position", "industries", "scale", "govFunded", "note", "noteEn"] as const;

export async function editRule(db: Db, id: string, input: RuleEditInput, actorId: string) {
  return db.$transaction(async (tx) => {
    const before = await lockRule(tx, id, input.version, "navigator.errors.retiredNoEdit");
    const { item, data } = await ruleData(tx, input);
    const changed = COMPARED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(data[k]));
    if (changed.length === 0) throw new DomainError("NO_CHANGES", 422, "navigator.errors.noChanges");
    const rule = await tx.navigatorRule.update({
      where: { id },
      data: { ...data, version: { increment: 1 }, changedAt: await dbNow(tx), changedById: actorId },
    });
    await audit(tx, rule, item.code, "EDIT_RULE", before.status, actorId, input.reason);
    // The projects it applied to before (it may no longer) and those it applies to now.
    await notifyRuleChange(tx, "NAVIGATOR_RULE_CHANGED", [facts(before), facts(rule)], item);
    return { rule, changed };
  });
}

export async function retireRule(db: Db, id: string, input: RuleRetireInput, actorId: string) {
  return db.$transaction(async (tx) => {
    const before = await lockRule(tx, id, input.version, "navigator.errors.alreadyRetired");
    const rule = await tx.navigatorRule.update({
      where: { id },
      data: { status: "RETIRED", version: { increment: 1 }, changedAt: await dbNow(tx), changedById: actorId },
    });
    await audit(tx, rule, before.item.code, "RETIRE_RULE", before.status, actorId, input.reason);
    await notifyRuleChange(tx, "NAVIGATOR_RULE_RETIRED", [facts(before)], before.item);
    return rule;
  });
}
