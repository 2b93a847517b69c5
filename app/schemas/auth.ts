import { z } from "~/lib/zod";
import { creditCodeSchema } from "~/lib/credit-code";

// Messages are i18n keys (errors.*); the UI translates them next to the field.
const email = z
  .string({ error: "errors.required" })
  .trim()
  .toLowerCase()
  .min(1, "errors.required")
  .max(200, "errors.tooLong")
  .pipe(z.email("errors.email"));
const password = z.string({ error: "errors.required" }).min(10, "errors.passwordShort").max(200, "errors.tooLong");
const requiredText = (max: number) => z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");

export const loginSchema = z.object({
  email,
  password: z.string({ error: "errors.required" }).min(1, "errors.required").max(200, "errors.tooLong"),
  redirectTo: z.string().optional(),
});

const phone = z
  .string({ error: "errors.required" })
  .trim()
  .regex(/^[0-9+\-() ]{7,20}$/, "errors.phone");

const base = {
  email,
  password,
  confirmPassword: z.string({ error: "errors.required" }),
  name: requiredText(50),
  orgName: requiredText(100),
  contactPhone: phone,
};

const regionCode = z.string({ error: "errors.region" }).regex(/^\d{6}$/, "errors.region");

export const registerSchema = z
  .discriminatedUnion(
    "accountType",
    [
      z.object({
        accountType: z.literal("ENTERPRISE"),
        orgKind: z.enum(["COMPANY", "NATURAL_PERSON", "GOVERNMENT"], { error: "errors.invalidChoice" }),
        creditCode: z.string().trim().optional(),
        ...base,
      }),
      z.object({
        accountType: z.literal("AGENCY"),
        entityType: z.enum(["COMPANY", "PARTNERSHIP", "INDIVIDUAL_BUSINESS", "PUBLIC_INSTITUTION"], { error: "errors.invalidChoice" }),
        creditCode: creditCodeSchema,
        regionCode,
        regionCodeProvince: z.string().trim().optional(),
        ...base,
      }),
    ],
    { error: "errors.invalidChoice" },
  )
  .superRefine((value, ctx) => {
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "errors.passwordMismatch" });
    }
    // Companies and government departments have a credit code; natural persons do not.
    if (value.accountType === "ENTERPRISE" && value.orgKind !== "NATURAL_PERSON") {
      const parsed = creditCodeSchema.safeParse(value.creditCode ?? "");
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", path: ["creditCode"], message: parsed.error.issues[0]?.message ?? "errors.required" });
      }
    }
  });

export type RegisterInput = z.infer<typeof registerSchema>;
