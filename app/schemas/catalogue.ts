import { z } from "~/lib/zod";

// Catalogue admin forms. Messages are i18n keys; the UI translates them next to the field.

/** The fields of a catalogue item that make up its published service guide, in display order. */
export const catalogueFields = [
  "code",
  "name",
  "nameEn",
  "aliases",
  "category",
  "categoryEn",
  "department",
  "approvalServed",
  "legalBasis",
  "feeBasis",
  "timeLimitDays",
  "qualificationTypes",
  "standards",
  "materials",
  "procedure",
  "content",
  "fees",
  "qualityControl",
] as const;
export type CatalogueField = (typeof catalogueFields)[number];

/** Fields recorded in a version snapshot: the service guide plus the item's status. */
export const snapshotFields = [...catalogueFields, "status"] as const;
export type SnapshotField = (typeof snapshotFields)[number];

const text = (max: number) => z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");

/** Keeps line breaks, normalises Windows newlines and trims trailing blanks. */
const longText = (max: number) =>
  z
    .string({ error: "errors.required" })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "errors.required").max(max, "errors.tooLong"));

/** The code appears in URLs and on every announcement: letters, digits and hyphens. */
export const codeSchema = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(40, "errors.tooLong")
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "catalogueAdmin.errors.codeFormat")
  .transform((s) => s.toUpperCase());

/** A positive whole number of working days, typed into a text box (full-width digits accepted). */
const timeLimitDays = z
  .string({ error: "errors.required" })
  .transform((s) => s.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))
  .pipe(
    z
      .string()
      .min(1, "errors.required")
      .regex(/^\d+$/, "catalogueAdmin.errors.positiveInteger")
      .transform(Number)
      .pipe(
        z
          .number()
          .int("catalogueAdmin.errors.positiveInteger")
          .min(1, "catalogueAdmin.errors.positiveInteger")
          .max(365, "catalogueAdmin.errors.timeLimitMax"),
      ),
  );

/** One qualification type per line; blank lines and duplicates are dropped. */
const qualificationTypes = z
  .string()
  .optional()
  .transform((s) => [
    ...new Set(
      (s ?? "")
        .split(/\r?\n|\r/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().max(100, "errors.tooLong")).max(20, "catalogueAdmin.errors.tooManyQualifications"));

/** Short names (环评、能评 …), separated by lines, commas or 、; blanks and duplicates dropped. */
const aliases = z
  .string()
  .optional()
  .transform((s) => [
    ...new Set(
      (s ?? "")
        .split(/[\r\n,，、;；]+/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().max(30, "errors.tooLong")).max(20, "catalogueAdmin.errors.tooManyAliases"));

const reason = z
  .string({ error: "catalogueAdmin.errors.reasonRequired" })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "catalogueAdmin.errors.reasonRequired").max(1000, "errors.tooLong"));

/** The version the admin was looking at when they opened the form (optimistic lock). */
const version = z
  .string({ error: "catalogueAdmin.errors.staleVersion" })
  .regex(/^\d+$/, "catalogueAdmin.errors.staleVersion")
  .transform(Number);

const guide = {
  name: text(100),
  nameEn: text(200),
  aliases,
  category: text(50),
  categoryEn: text(100),
  department: text(100),
  approvalServed: longText(2000),
  legalBasis: longText(5000),
  feeBasis: z.enum(["MARKET", "GOVERNMENT"], { error: "errors.invalidChoice" }),
  timeLimitDays,
  qualificationTypes,
  standards: longText(5000),
  materials: longText(5000),
  procedure: longText(5000),
  content: longText(5000),
  fees: longText(5000),
  qualityControl: longText(5000),
};

export const catalogueCreateSchema = z.object({ code: codeSchema, ...guide, reason });

/** The code is the item's public identifier (URLs, announcements, requests), so it is not editable. */
export const catalogueEditSchema = z.object({ ...guide, reason, version });

export const catalogueRetireSchema = z.object({ reason, version });

export type CatalogueGuideInput = z.infer<z.ZodObject<typeof guide>>;
export type CatalogueCreateInput = z.infer<typeof catalogueCreateSchema>;
export type CatalogueEditInput = z.infer<typeof catalogueEditSchema>;
export type CatalogueRetireInput = z.infer<typeof catalogueRetireSchema>;
