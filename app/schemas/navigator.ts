import { DomainError } from "~/lib/errors";
import { z } from "~/lib/zod";

/** The project navigator's choices (decision 036), shared by the page's form and the read model. */
export const INDUSTRIES = ["INDUSTRIAL", "COMMERCIAL", "RESIDENTIAL", "INFRASTRUCTURE"] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const SCALES = ["SMALL", "LARGE"] as const;
export type Scale = (typeof SCALES)[number];

/** Approval stages in their order (Prisma enum NavigatorStage): 用地规划 → 立项与评估 → 施工许可 → 竣工验收. */
export const STAGES = ["LAND", "APPROVAL", "PERMIT", "COMPLETION"] as const;
export type Stage = (typeof STAGES)[number];

/** A rule's "government-funded" condition: either, only government-funded, only the others. */
export const GOV_FUNDED = ["ANY", "YES", "NO"] as const;

export const RULE_LIMITS = { note: 500, reason: 500, name: 100 } as const;

const text = (max: number) => z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "errors.tooLong").default("");
const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .regex(/^\d{1,6}$/, "navigator.errors.wholeNumber")
    .transform(Number)
    .pipe(z.number().int().min(min, "navigator.errors.wholeNumber").max(max, "navigator.errors.wholeNumber"));

/**
 * One rule of the 产业项目中介服务目录 (decision 039). The industries are checkboxes
 * (several values of one name) and are read by `ruleIndustries`, not by this schema.
 */
const ruleFields = {
  itemCode: z.string({ error: "navigator.errors.item" }).trim().min(1, "navigator.errors.item").max(40, "navigator.errors.item"),
  /** The industrial block (a zone's id); "" = every block. */
  zone: z.string().trim().max(60, "navigator.errors.zone").default(""),
  stage: z.enum(STAGES, { error: "errors.invalidChoice" }),
  position: wholeNumber(1, 999),
  scale: z.enum(["ANY", "LARGE"], { error: "errors.invalidChoice" }),
  govFunded: z.enum(GOV_FUNDED, { error: "errors.invalidChoice" }),
  note: optionalText(RULE_LIMITS.note),
  noteEn: optionalText(RULE_LIMITS.note),
  reason: text(RULE_LIMITS.reason),
};
export const ruleSchema = z.object(ruleFields);
export type RuleInput = z.infer<typeof ruleSchema> & { industries: Industry[] };
export const ruleEditSchema = z.object({ ...ruleFields, version: wholeNumber(1, 1_000_000) });
export type RuleEditInput = RuleInput & { version: number };
export const ruleRetireSchema = z.object({ reason: text(RULE_LIMITS.reason), version: wholeNumber(1, 1_000_000) });
export type RuleRetireInput = z.infer<typeof ruleRetireSchema>;

/** The checked industries (several values of the field "industries"); none = every industry. Null: a value outside the choices. */
export function ruleIndustries(values: FormDataEntryValue[]): Industry[] | null {
  const chosen = values.filter((v): v is string => typeof v === "string");
  if (chosen.some((v) => !INDUSTRIES.includes(v as Industry))) return null;
  return INDUSTRIES.filter((i) => chosen.includes(i));
}

/** A project an enterprise follows (its description on the navigator, and a name). */
export const followSchema = z.object({
  name: text(RULE_LIMITS.name),
  industry: z.enum(INDUSTRIES, { error: "errors.invalidChoice" }),
  scale: z.enum(SCALES, { error: "errors.invalidChoice" }),
  govFunded: z.enum(["YES", "NO"], { error: "errors.invalidChoice" }),
  zone: z.string().trim().max(60, "zones.errors.zoneUnknown").default(""),
});
export type FollowInput = z.infer<typeof followSchema>;
export const unfollowSchema = z.object({
  projectId: z.string({ error: "navigator.errors.project" }).trim().min(1, "navigator.errors.project").max(60, "navigator.errors.project"),
});

/**
 * The industries of a posted rule form: every value of the checkboxes, checked
 * here because the text-field parser keeps one value per name. A value outside the
 * choices is a 400 at the field; a refusal echoes every ticked box (`echoedAll`).
 */
export function postedIndustries(form: FormData): Industry[] {
  const all = form.getAll("industries");
  const list = ruleIndustries(all);
  if (!list) throw new DomainError("INDUSTRIES", 400, "navigator.errors.industries", "industries");
  return list;
}
