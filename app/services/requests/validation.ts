import { DomainError } from "~/lib/errors";

/** Longest objection, decision or return reason. */
export const MAX_REASON_CHARS = 2000;
export const MAX_NOTE_CHARS = 2000;
export const MAX_LEGAL_BASIS_CHARS = 500;

/** A required free-text reason: trimmed, 1–2000 characters, else a 400 next to its field. */
export function requireText(value: string | null | undefined, field = "reason", max = MAX_REASON_CHARS): string {
  const text = (value ?? "").trim();
  if (!text) throw new DomainError("REQUIRED", 400, "errors.required", field);
  if (Array.from(text).length > max) throw new DomainError("TOO_LONG", 400, "errors.tooLong", field);
  return text;
}
