import { dateIssue, yearInRange, z } from "~/lib/zod";
import { yuanToFen } from "~/lib/money";

// Messages are i18n keys; the route shows them next to their fields.
const text = (max: number) => z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: "requests.errors.integer" })
    .int("requests.errors.integer")
    .min(min, "requests.errors.range")
    .max(max, "requests.errors.range");
// An empty optional number field means "not given", not 0.
const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), int(min, max).optional());
const yuan = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .transform((v, ctx) => {
    const fen = yuanToFen(v);
    if (fen === null || fen <= 0n) {
      ctx.addIssue({ code: "custom", message: "requests.errors.money" });
      return z.NEVER;
    }
    return fen;
  });

/** "类型|等级" per line (level optional): only credential types and levels, nothing else. */
export function parseQualificationLines(input: string): { type: string; level: string }[] | null {
  const out: { type: string; level: string }[] = [];
  for (const raw of input.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const [type, level = "", ...rest] = line.split(/[|｜]/).map((s) => s.trim());
    if (!type || rest.length > 0 || type.length > 50 || level.length > 20) return null;
    out.push({ type, level });
  }
  return out;
}

/** "统一社会信用代码|理由" per line: every avoided agency needs a reason. */
export function parseAvoidanceLines(input: string): { creditCode: string; reason: string }[] | null {
  const out: { creditCode: string; reason: string }[] = [];
  for (const raw of input.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const [code, ...reason] = line.split(/[|｜]/).map((s) => s.trim());
    const why = reason.join("|").trim();
    if (!code || !why || why.length > 200) return null;
    out.push({ creditCode: code.normalize("NFKC").toUpperCase(), reason: why });
  }
  return out;
}

export const requestFormSchema = z
  .object({
    intent: z.enum(["publish", "draft"]).default("publish"),
    itemCode: z.string({ error: "requests.errors.item" }).trim().min(1, "requests.errors.item"),
    title: text(100),
    description: text(5000),
    fundingSource: z.enum(["ENTERPRISE", "GOVERNMENT"], { error: "errors.invalidChoice" }),
    priceMode: z.enum(["AMOUNT", "DISCOUNT"], { error: "errors.invalidChoice" }).default("AMOUNT"),
    priceCap: z.string().optional(),
    basePrice: z.string().optional(),
    discountRate: z.string().optional(),
    selectionMethod: z.enum(["DIRECT", "LOWEST_PRICE", "RANDOM_DRAW", "SCORED", "AVERAGE_PRICE"], { error: "errors.invalidChoice" }),
    closesAt: z.string({ error: "errors.required" }).trim().min(1, "errors.required"),
    minBidders: optionalInt(1, 50),
    serviceDays: int(1, 3650),
    publicityDays: optionalInt(1, 30).transform((v) => v ?? 3),
    qualifications: z.string().max(2000, "errors.tooLong").default(""),
    avoidances: z.string().max(5000, "errors.tooLong").default(""),
    weightPrice: optionalInt(0, 100),
    weightCredit: optionalInt(0, 100),
    weightDays: optionalInt(0, 100),
    // 区域评估 (decision 036): the project's zone (a zone id, or empty) and, when asked, why a covered item is bought anyway.
    zoneId: z.string().trim().max(64, "zones.errors.zoneUnknown").default(""),
    zoneReason: z.string().trim().max(500, "errors.tooLong").default(""),
  })
  .transform((v, ctx) => {
    // Principle 4: budget-funded requests (政府委托) must be competitive.
    if (v.fundingSource === "GOVERNMENT" && v.selectionMethod === "DIRECT") {
      ctx.addIssue({ code: "custom", path: ["selectionMethod"], message: "requests.errors.governmentNeedsCompetition" });
    }
    let priceCapFen: bigint | undefined;
    let basePriceFen: bigint | null = null;
    let discountRateBp: number | null = null;
    if (v.priceMode === "AMOUNT") {
      const r = yuan.safeParse(v.priceCap ?? "");
      if (r.success) priceCapFen = r.data;
      else ctx.addIssue({ code: "custom", path: ["priceCap"], message: r.error.issues[0]!.message });
    } else {
      const base = yuan.safeParse(v.basePrice ?? "");
      if (!base.success) ctx.addIssue({ code: "custom", path: ["basePrice"], message: base.error.issues[0]!.message });
      const rate = Number((v.discountRate ?? "").trim());
      if (
        !(v.discountRate ?? "").trim() ||
        !Number.isFinite(rate) ||
        rate < 0 ||
        rate >= 100 ||
        !/^\d{1,2}(\.\d{1,2})?$/.test((v.discountRate ?? "").trim())
      ) {
        ctx.addIssue({ code: "custom", path: ["discountRate"], message: "requests.errors.discountRate" });
      } else if (base.success) {
        basePriceFen = base.data;
        discountRateBp = Math.round(rate * 100);
        // Cap = base × (1 − rate), rounded down to the fen.
        priceCapFen = (base.data * BigInt(10_000 - discountRateBp)) / 10_000n;
        if (priceCapFen <= 0n) ctx.addIssue({ code: "custom", path: ["discountRate"], message: "requests.errors.discountRate" });
      }
    }
    const closesAt = parseBeijingDateTime(v.closesAt);
    if (!closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: dateIssue(v.closesAt, "requests.errors.dateTime") });
    const qualificationReqs = parseQualificationLines(v.qualifications);
    if (!qualificationReqs) ctx.addIssue({ code: "custom", path: ["qualifications"], message: "requests.errors.qualificationFormat" });
    const avoidances = parseAvoidanceLines(v.avoidances);
    if (!avoidances) ctx.addIssue({ code: "custom", path: ["avoidances"], message: "requests.errors.avoidanceReason" });
    let scoringWeights: { price: number; credit: number; serviceDays: number } | null = null;
    if (v.selectionMethod === "SCORED") {
      const w = { price: v.weightPrice ?? 0, credit: v.weightCredit ?? 0, serviceDays: v.weightDays ?? 0 };
      if (w.price + w.credit + w.serviceDays !== 100)
        ctx.addIssue({ code: "custom", path: ["weightPrice"], message: "requests.errors.weights" });
      else scoringWeights = w;
    }
    const competitive = v.selectionMethod !== "DIRECT";
    return {
      intent: v.intent,
      itemCode: v.itemCode,
      title: v.title,
      description: v.description,
      fundingSource: v.fundingSource,
      priceMode: v.priceMode,
      priceCapFen: priceCapFen ?? 0n,
      basePriceFen,
      discountRateBp,
      selectionMethod: v.selectionMethod,
      closesAt: closesAt ?? new Date(0),
      // Competitive methods default to 3 valid bids (流标 below); direct selection needs one.
      minBidders: v.minBidders ?? (competitive ? 3 : 1),
      serviceDays: v.serviceDays,
      publicityDays: v.publicityDays,
      qualificationReqs: qualificationReqs ?? [],
      avoidances: avoidances ?? [],
      scoringWeights,
      zoneId: v.zoneId,
      zoneReason: v.zoneReason,
    };
  });

export type RequestInput = z.infer<typeof requestFormSchema>;

/** "2026-12-01T17:00" from a datetime-local input, read as Beijing time (UTC+8, no DST). */
export function parseBeijingDateTime(value: string): Date | null {
  const m = value.trim().match(/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "00"] = m;
  // Years 2000–2100 only (PostgreSQL refuses year 0000), and a day that exists (no 2月31日 rolled into March).
  if (!yearInRange(Number(y))) return null;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`);
  if (Number.isNaN(date.getTime())) return null;
  const local = new Date(date.getTime() + 8 * 3600_000);
  return local.getUTCDate() === Number(d) && local.getUTCMonth() + 1 === Number(mo) ? date : null;
}

export const bidFormSchema = z.object({
  intent: z.enum(["submit", "withdraw"]).default("submit"),
  amount: z.string().optional(),
  serviceDays: z.string().optional(),
  proposal: z.string().max(5000, "errors.tooLong").optional(),
});

export const MAX_PROPOSAL_LENGTH = 5000;

/**
 * A sealed bid as the agency types it: the amount in yuan (two decimals at
 * most) becomes fen, the service days an integer 1–3650, the proposal trimmed
 * text. The cap and the request's own limits are the bid module's checks.
 */
/** A form field that may be missing: checked as the empty string. */
const given = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? "", schema);

export const bidSchema = z.object({
  amount: given(
    z.string().transform((v, ctx) => {
      const fen = yuanToFen(v);
      if (fen === null || fen <= 0n) {
        ctx.addIssue({ code: "custom", message: "requests.errors.money" });
        return z.NEVER;
      }
      return fen;
    }),
  ),
  serviceDays: given(
    z.string().transform((v, ctx) => {
      const days = Number(v.trim());
      if (!Number.isInteger(days) || days < 1 || days > 3650) {
        ctx.addIssue({ code: "custom", message: "requests.errors.range" });
        return z.NEVER;
      }
      return days;
    }),
  ),
  proposal: given(z.string().trim().min(1, "errors.required").max(MAX_PROPOSAL_LENGTH, "errors.tooLong")),
});

/** Cancelling an own request: the reason is published with the cancellation. */
export const cancelSchema = z.object({ reason: given(z.string().trim().min(1, "errors.required").max(500, "errors.tooLong")) });
