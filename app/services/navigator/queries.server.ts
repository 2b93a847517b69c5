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

/** The fields of a rule a version may change, in the order the history shows them. */
export const HISTORY_FIELDS = [
  "itemCode",
  "zone",
  "stage",
  "position",
  "industries",
  "scale",
  "govFunded",
  "note",
  "noteEn",
  "status",
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];
export type HistoryValue = string | number | boolean | string[] | null;

type Snapshot = Partial<Record<Exclude<HistoryField, "zone">, HistoryValue>> & {
  zoneId?: string | null;
  version?: number;
  reason?: string;
};

/**
 * A rule's versions, oldest first, read from its audit chain (`navigatorRule`,
 * decision 039: each event holds the whole rule after the change and the reason):
 * the event, its instant, the version it made, the reason, and the fields that
 * differ from the version before (all of them for the first). A block is named by
 * its zone's code and name. Who made the change is not part of it (public page).
 * Null: no such rule.
 */
export async function ruleHistory(db: Db, id: string) {
  const rule = await db.navigatorRule.findUnique({ where: { id }, select: RULE_SELECT });
  if (!rule) return null;
  const events = await db.auditEvent.findMany({
    where: { aggregateType: "navigatorRule", aggregateId: id },
    orderBy: { seq: "asc" },
    select: { seq: true, event: true, at: true, payload: true },
  });
  const snapshots = events.map((e) => (e.payload ?? {}) as Snapshot);
  const zoneIds = [...new Set(snapshots.map((s) => s.zoneId).filter((z): z is string => typeof z === "string"))];
  const zones = new Map(
    (await db.zone.findMany({ where: { id: { in: zoneIds } }, select: { id: true, code: true, name: true } })).map((z) => [
      z.id,
      `${z.code} ${z.name}`,
    ]),
  );
  const valueOf = (s: Snapshot, field: HistoryField): HistoryValue =>
    field === "zone" ? (s.zoneId ? (zones.get(s.zoneId) ?? s.zoneId) : null) : (s[field] ?? null);
  const versions = events.map((e, n) => {
    const after = snapshots[n]!;
    const before = n > 0 ? snapshots[n - 1]! : null;
    const changes = HISTORY_FIELDS.flatMap((field) => {
      const to = valueOf(after, field);
      if (!before) return field === "status" ? [] : [{ field, before: null, after: to, first: true }];
      const from = valueOf(before, field);
      return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, before: from, after: to, first: false }];
    });
    return { seq: e.seq, event: e.event, at: e.at, version: after.version ?? null, reason: after.reason ?? "", changes };
  });
  return { rule, versions };
}
export type RuleHistory = NonNullable<Awaited<ReturnType<typeof ruleHistory>>>;
