import { z } from "~/lib/zod";
import { yuanToFen } from "~/lib/money";
import { isRealDate } from "~/schemas/agency";

// 合同备案 and the request's project documents (#16). Messages are i18n keys, shown next to their fields.

const date = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v), "contractFiles.errors.date");

const contractFacts = {
  amount: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .transform((v, ctx) => {
      const fen = yuanToFen(v);
      if (fen === null || fen <= 0n) {
        ctx.addIssue({ code: "custom", message: "contractFiles.errors.amount" });
        return z.NEVER;
      }
      return fen;
    }),
  signedOn: date,
  startsOn: date,
  endsOn: date,
};

function datesInOrder(v: { signedOn: string; startsOn: string; endsOn: string }, ctx: z.RefinementCtx) {
  if (v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "contractFiles.errors.datesInverted" });
  if (v.startsOn < v.signedOn) ctx.addIssue({ code: "custom", path: ["startsOn"], message: "contractFiles.errors.startsBeforeSigning" });
}

/** The recorded contract's facts, as typed: the amount in yuan, three calendar dates (Beijing). The file is read from the form. */
export const recordContractSchema = z.object(contractFacts).superRefine(datesInOrder);
export type RecordContractInput = z.infer<typeof recordContractSchema>;

/** An attachment's description; the files are read from the form. */
export const attachSchema = z.object({ description: z.string().default("") });

export const removeAttachmentSchema = z.object({ attachmentId: z.string().trim().min(1, "errors.required") });

export const MAX_AMENDMENT_REASON = 500;

/**
 * 合同备案变更 (decision 040): the contract's whole facts after the change, as
 * the record form, and why. A new file is optional (read from the form).
 */
export const amendContractSchema = z
  .object({
    ...contractFacts,
    reason: z
      .string({ error: "errors.required" })
      .trim()
      .min(1, "errors.required")
      .max(MAX_AMENDMENT_REASON, "contractFiles.errors.reasonTooLong"),
  })
  .superRefine(datesInOrder);
export type AmendContractInput = z.infer<typeof amendContractSchema>;
