import { z } from "~/lib/zod";
import { parseBeijingDateTime } from "~/schemas/request";

// The commands of the award panel (POST /requests/:id/award). Messages are i18n
// keys. Free text is passed on as typed: the award module trims and checks it
// (required, length) inside its transaction and names the field it refuses.

/** A text field that may be missing from the form (the module decides whether it is required). */
const text = z.string().default("");

export const pickSchema = z.object({ bidId: z.string({ error: "errors.required" }).trim().min(1, "errors.required") });

export const reasonSchema = z.object({ reason: text });

export const decideSchema = z.object({
  objectionId: text,
  decision: z.enum(["UPHOLD", "DISMISS"], { error: "errors.invalidChoice" }),
  reason: text,
  legalBasis: text,
  evidence: text,
});

export const deliverSchema = z.object({ note: text });

export const noInput = z.object({});

/** The next round's deadline, as typed in a datetime-local field (Beijing time). */
export const republishSchema = z.object({
  closesAt: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .transform((v, ctx) => {
      const at = parseBeijingDateTime(v);
      if (!at) {
        ctx.addIssue({ code: "custom", message: "requests.errors.dateTime" });
        return z.NEVER;
      }
      return at;
    }),
});
