import type { Prisma } from "~/generated/prisma/client";
import { formatBeijingMinute } from "./format";
import { formatYuan } from "./money";
import { z } from "./zod";

/**
 * 公告 in the reader's language. Each announcement stores, besides the
 * Chinese text of record written at publish time (title, body), the facts it
 * states in its `data` column with a version `v`: ids, names, amounts in fen,
 * instants as ISO text, enum codes. A page renders the title and body lines
 * from those facts with the reader's translations — instants in Beijing time,
 * said so; codes by their names. An announcement without facts (published
 * before they were stored) or with facts of an unknown version, or whose facts
 * name a code without a translation, is shown as its stored text.
 *
 * Pure: no database, no React. `announcementFacts` runs on the server and keeps
 * only the fields below (never the rest of the data column); `announcementText`
 * runs wherever the page renders.
 */

export const ANNOUNCEMENT_FACTS_VERSION = 1;

const v = z.literal(ANNOUNCEMENT_FACTS_VERSION);
const text = z.string();
const instant = z.iso.datetime({ offset: true });
const fen = z.string().regex(/^-?\d+$/);
const count = z.number().int().nonnegative();
const method = z.enum(["DIRECT", "LOWEST_PRICE", "RANDOM_DRAW", "SCORED", "AVERAGE_PRICE"]);
const item = { itemName: text, itemNameEn: text.nullable().optional() };

const factsByKind = {
  REQUEST_OPEN: z.object({
    v,
    title: text,
    code: text,
    ...item,
    method,
    priceCapFen: fen,
    closesAt: instant,
    commitment: text.nullable().optional(),
  }),
  AWARD: z.object({
    v,
    title: text,
    code: text,
    ...item,
    method,
    priceCapFen: fen,
    winnerName: text,
    amountFen: fen,
    publicityEndsAt: instant,
    /** Present on a re-award after an upheld objection: whose award was revoked (null when unknown). */
    revokedAgencyName: text.nullable().optional(),
    reawarded: z.boolean().optional(),
  }),
  FAILED: z.discriminatedUnion("reason", [
    z.object({ v, title: text, code: text, reason: z.literal("TOO_FEW_BIDS"), validBids: count, minBidders: count }),
    z.object({ v, title: text, code: text, reason: z.literal("OBJECTION_UPHELD") }),
  ]),
  CONTRACT: z.object({
    v,
    title: text,
    code: text,
    ...item,
    agencyName: text,
    amountFen: fen,
    contractedAt: instant,
    serviceDays: count,
    dueAt: instant,
  }),
  TERMINATED: z.object({ v, title: text, code: text, agencyName: text, reason: text }),
  OBJECTION_DECISION: z.object({
    v,
    title: text,
    code: text,
    objectorName: text,
    decision: z.enum(["UPHELD", "DISMISSED"]),
    reason: text,
    legalBasis: text,
    evidence: text,
  }),
  CATALOGUE_CHANGE: z.discriminatedUnion("event", [
    z.object({
      v,
      event: z.enum(["CREATE_ITEM", "EDIT_ITEM", "RETIRE_ITEM"]),
      code: text,
      version: count,
      name: text,
      nameEn: text.nullable().optional(),
      department: text,
      reason: text,
      changedFields: z.array(text),
    }),
    z.object({
      v,
      event: z.literal("INITIAL_CATALOGUE"),
      items: z.array(z.object({ code: text, name: text, nameEn: text.nullable().optional() })),
    }),
  ]),
} as const;

type FactsByKind = { [K in keyof typeof factsByKind]: { kind: K } & z.infer<(typeof factsByKind)[K]> };
/** The facts of one announcement, tagged with its kind. */
export type AnnouncementFacts = FactsByKind[keyof FactsByKind];

type Kind = keyof typeof factsByKind;
const isKind = (kind: string): kind is Kind => Object.hasOwn(factsByKind, kind);

/** The facts an announcement's data column states, or null (no facts, an unknown kind or version, or malformed). */
export function announcementFacts(kind: string, data: unknown): AnnouncementFacts | null {
  if (!isKind(kind)) return null;
  const parsed = factsByKind[kind].safeParse(data);
  return parsed.success ? ({ kind, ...parsed.data } as AnnouncementFacts) : null;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * What a publisher stores in an announcement's data column for these facts:
 * the facts with the current version (type-checked against the kind), plus
 * whatever else the announcement keeps (the ranking and draw of an award).
 */
export function factsData<K extends Kind>(
  _kind: K,
  facts: DistributiveOmit<z.input<(typeof factsByKind)[K]>, "v">,
  extra?: Prisma.InputJsonObject,
): Prisma.InputJsonObject {
  return { ...extra, ...(facts as Prisma.InputJsonObject), v: ANNOUNCEMENT_FACTS_VERSION };
}

/** A translation function: i18next's `t`, loosely typed (keys are built here). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type AnnouncementText = { title: string; lines: string[] };

class MissingTranslation extends Error {}

/**
 * Title and body lines of an announcement in the language of `t`: from its
 * facts when it has them, otherwise its stored text.
 */
export function announcementText(
  a: { title: string; body?: string; facts: AnnouncementFacts | null },
  t: Translate,
  lang: string,
): AnnouncementText {
  const stored = { title: a.title, lines: a.body ? a.body.split("\n") : [] };
  if (!a.facts) return stored;
  try {
    return render(a.facts, strict(t), lang === "en" ? "en" : "zh");
  } catch (error) {
    if (error instanceof MissingTranslation) return stored;
    throw error;
  }
}

/** `t`, but a missing key (i18next answers with the key itself) is an error: the stored text is shown instead. */
function strict(t: Translate): Translate {
  return (key, options) => {
    const out = t(key, options);
    if (out === key || out === "") throw new MissingTranslation(key);
    return out;
  };
}

function render(f: AnnouncementFacts, t: Translate, lang: "zh" | "en"): AnnouncementText {
  const k = (key: string, options?: Record<string, unknown>) => t(`announcementText.${key}`, options);
  const line = (key: string, options?: Record<string, unknown>) => k(`lines.${key}`, options);
  const time = (iso: string) => k("time", { time: formatBeijingMinute(iso) });
  const yuan = (amount: string) => formatYuan(amount, lang);
  const itemName = (x: { itemName: string; itemNameEn?: string | null }) => (lang === "en" && x.itemNameEn ? x.itemNameEn : x.itemName);
  const methodName = (m: string) => t(`requests.methods.${m}`);
  const title = (key: string, options: Record<string, unknown>) => k(`titles.${key}`, options);

  switch (f.kind) {
    case "REQUEST_OPEN":
      return {
        title: title("REQUEST_OPEN", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("item", { item: itemName(f) }),
          line("method", { method: methodName(f.method) }),
          line("priceCap", { amount: yuan(f.priceCapFen) }),
          line("closesAt", { time: time(f.closesAt) }),
          ...(f.commitment ? [line("commitment", { commitment: f.commitment })] : []),
        ],
      };
    case "AWARD":
      return {
        title: title(f.reawarded ? "AWARD_REAWARDED" : "AWARD", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("item", { item: itemName(f) }),
          line("method", { method: methodName(f.method) }),
          ...(f.reawarded ? [f.revokedAgencyName ? line("revokedNamed", { agency: f.revokedAgencyName }) : line("revoked")] : []),
          line("winner", { agency: f.winnerName, amount: yuan(f.amountFen), cap: yuan(f.priceCapFen) }),
          line("publicity", { time: time(f.publicityEndsAt) }),
        ],
      };
    case "FAILED":
      return {
        title: title("FAILED", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          f.reason === "TOO_FEW_BIDS" ? line("failedTooFew", { valid: f.validBids, min: f.minBidders }) : line("failedObjection"),
        ],
      };
    case "CONTRACT":
      return {
        title: title("CONTRACT", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("item", { item: itemName(f) }),
          line("serviceAgency", { agency: f.agencyName }),
          line("contractAmount", { amount: yuan(f.amountFen) }),
          line("contractedAt", { time: time(f.contractedAt) }),
          line("servicePeriod", { days: f.serviceDays, time: time(f.dueAt) }),
        ],
      };
    case "TERMINATED":
      return {
        title: title("TERMINATED", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("awardedAgency", { agency: f.agencyName }),
          line("terminationReason", { reason: f.reason }),
        ],
      };
    case "OBJECTION_DECISION":
      return {
        title: title("OBJECTION_DECISION", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("objector", { agency: f.objectorName }),
          line("decision", { decision: k(`decisions.${f.decision}`) }),
          line("reason", { reason: f.reason }),
          line("legalBasis", { legalBasis: f.legalBasis }),
          line("evidence", { evidence: f.evidence }),
        ],
      };
    case "CATALOGUE_CHANGE": {
      if (f.event === "INITIAL_CATALOGUE") {
        const names = f.items.map((i) => (lang === "en" && i.nameEn ? i.nameEn : i.name));
        return {
          title: title("CATALOGUE_INITIAL", {}),
          lines: [line("catalogueInitial", { count: f.items.length, names: names.join(k("listSeparator")) })],
        };
      }
      const name = lang === "en" && f.nameEn ? f.nameEn : f.name;
      const facts = { name, code: f.code, version: f.version, department: f.department };
      if (f.event === "CREATE_ITEM")
        return {
          title: title("CATALOGUE_CREATE_ITEM", { name }),
          lines: [line("catalogueCreate", facts), line("catalogueReason", { reason: f.reason })],
        };
      if (f.event === "EDIT_ITEM") {
        const fields = f.changedFields.map((field) => t(`catalogueAdmin.fields.${field}`)).join(k("listSeparator"));
        return {
          title: title("CATALOGUE_EDIT_ITEM", { name, version: f.version }),
          lines: [line("catalogueEdit", { ...facts, fields }), line("catalogueReason", { reason: f.reason })],
        };
      }
      return {
        title: title("CATALOGUE_RETIRE_ITEM", { name }),
        lines: [line("catalogueRetire", facts), line("catalogueRetireReason", { reason: f.reason })],
      };
    }
  }
}
