import { z } from "~/lib/zod";

/**
 * 公民身份号码 (citizen / resident ID number), GB 11643-1999.
 *
 * Layout of the 18 characters:
 *   1–6    address code (GB/T 2260 administrative division; the first digit is 1–8)
 *   7–14   date of birth, YYYYMMDD
 *   15–17  sequence code (odd for men, even for women)
 *   18     check character, ISO 7064 MOD 11-2 over positions 1–17: weights 2^(17−i) mod 11
 *          (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2), C = (12 − Σ mod 11) mod 11, 10 written "X"
 *
 * Like `credit-code.ts` for the credit code: normalization (full-width to half-width, trim,
 * lower-case x), a reasoned result and a zod schema whose messages are i18n keys.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

export type ResidentIdError = "length" | "charset" | "birthDate" | "checksum";
export type ResidentIdResult = { ok: true; id: string } | { ok: false; reason: ResidentIdError };

export function normalizeResidentId(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .trim()
    .toUpperCase();
}

/** The check character for the first 17 digits. Throws on anything but 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`Expected 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? "X" : String(c);
}

function realBirthDate(yyyymmdd: string): boolean {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  // No one now practising was born before 1900; the upper bound is loose on purpose (no wall clock here).
  if (y < 1900 || y > 2100) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function validateResidentId(input: string): ResidentIdResult {
  const id = normalizeResidentId(input);
  if (id.length !== 18) return { ok: false, reason: "length" };
  if (!/^[1-8]\d{16}[\dX]$/.test(id)) return { ok: false, reason: "charset" };
  if (!realBirthDate(id.slice(6, 14))) return { ok: false, reason: "birthDate" };
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: "checksum" };
  return { ok: true, id };
}

/**
 * The form shown everywhere after saving (decision 035): the first 3 and the last 4 characters.
 * The birth date (7–14) and the county (4–6) are hidden; what remains tells two namesakes apart.
 */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 3)}${"*".repeat(id.length - 7)}${id.slice(-4)}`;
}

/** For seed and test data: appends the check character to 17 digits. */
export function makeResidentId(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

/** Zod: outputs the normalized number. Messages: "errors.required", "practitioners.errors.idNumber.{length|charset|birthDate|checksum}". */
export const residentIdSchema = z.string({ error: "errors.required" }).transform((value, ctx) => {
  if (normalizeResidentId(value) === "") {
    ctx.issues.push({ code: "custom", message: "errors.required", input: value });
    return z.NEVER;
  }
  const result = validateResidentId(value);
  if (!result.ok) {
    ctx.issues.push({ code: "custom", message: `practitioners.errors.idNumber.${result.reason}`, input: value });
    return z.NEVER;
  }
  return result.id;
});
