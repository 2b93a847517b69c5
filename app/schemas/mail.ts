import { z } from "~/lib/zod";
import { MAIL_TOPICS } from "~/services/mail/topics";

// Messages are i18n keys; the forms show them next to their fields.
const email = z
  .string({ error: "errors.required" })
  .trim()
  .toLowerCase()
  .min(1, "errors.required")
  .max(200, "errors.tooLong")
  .pipe(z.email("errors.email"));

export const forgotPasswordSchema = z.object({ email });

/** A mailed token: 43 base64url characters (32 random bytes); anything else is answered "invalid link" without a lookup. */
export const tokenSchema = z.string({ error: "mail.tokens.missing" }).trim().min(1, "mail.tokens.missing").max(200, "mail.tokens.invalid");

export const resetPasswordSchema = z
  .object({
    token: tokenSchema,
    password: z.string({ error: "errors.required" }).min(10, "errors.passwordShort").max(200, "errors.tooLong"),
    confirmPassword: z.string({ error: "errors.required" }),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "errors.passwordMismatch" });
  });

/**
 * The preferences form: one checkbox per topic, named `topic` (a checked box
 * sends its value; an unchecked one sends nothing). Unknown values are refused.
 */
export const mailPreferencesSchema = z.object({
  topic: z.array(z.enum(MAIL_TOPICS, { error: "errors.invalidChoice" })).max(MAIL_TOPICS.length * 2, "errors.tooLong"),
});
