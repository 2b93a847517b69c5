import type { Prisma } from "~/generated/prisma/client";
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
 * (app/lib/announcement-text.ts) renders them wherever the page renders —
 * without zod, which stays out of the browser's bundle.
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
  /** 合同备案 (decision 034): calendar dates as YYYY-MM-DD, the recording instant as ISO text. */
  CONTRACT_RECORD: z.object({
    v,
    title: text,
    code: text,
    ...item,
    enterpriseName: text,
    agencyName: text,
    amountFen: fen,
    signedOn: z.iso.date(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    recordedAt: instant,
  }),
  /** 合同备案变更 (decision 040): the facts after the change, those before, whether the file was replaced, and why. */
  CONTRACT_AMENDMENT: z.object({
    v,
    title: text,
    code: text,
    ...item,
    enterpriseName: text,
    agencyName: text,
    amountFen: fen,
    signedOn: z.iso.date(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    previousAmountFen: fen,
    previousSignedOn: z.iso.date(),
    previousStartsOn: z.iso.date(),
    previousEndsOn: z.iso.date(),
    newFile: z.boolean(),
    reason: text,
    amendedAt: instant,
  }),
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
