import { z } from "~/lib/zod";

/**
 * 统一社会信用代码 (Unified Social Credit Identifier), GB 32100-2015.
 *
 * Layout of the 18 characters:
 *   1      登记管理部门码 (registration authority, e.g. 9 = 市场监管/工商, 5 = 民政, 1 = 机构编制)
 *   2      机构类别码     (organization type, e.g. 91 = 企业, 92 = 个体工商户)
 *   3–8    登记管理机关行政区划码 (GB/T 2260 six-digit administrative division code)
 *   9–17   主体标识码 (组织机构代码, GB 11714: 8 body chars + its own check char at position 17)
 *   18     校验码, over positions 1–17 (see `creditCodeCheckChar`)
 *
 * Charset: 0-9 and the upper-case letters except I, O, Z, S, V (31 symbols, valued 0..30).
 *
 * Decision on the inner GB 11714 check char (position 17):
 *   GB 32100 says positions 9–17 *are* the organization code as defined by GB 11714, so a correctly
 *   issued code also satisfies the GB 11714 check (every real code in our tests does). The only check
 *   character GB 32100 itself defines and tells validators to verify, however, is position 18, and
 *   that one is computed over positions 1–17 — it already catches every single-character error and
 *   every adjacent transposition (31 is prime and consecutive weights differ), so the inner check
 *   adds no typo detection. Like the common public validators, `validateCreditCode` therefore checks
 *   only position 18 by default, so a correctly registered organization is never turned away by a
 *   stricter rule than the registry's own. Pass `{ strict: true }` to also require the GB 11714 inner
 *   check (a failure is reported as "checksum"); `organizationCodeCheckChar` is exported for that and
 *   for building realistic seed data.
 */

export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type CreditCodeError = "length" | "charset" | "checksum" | "region";
export type CreditCodeResult = { ok: true; code: string } | { ok: false; reason: CreditCodeError };

const CHARSET_RE = /^[0-9A-HJ-NP-RTUW-Y]+$/;

/**
 * Trims, converts full-width characters (ＡＢＣ１２３, ideographic space) to half-width and upper-cases.
 * Inner spaces are kept on purpose: they make the value the wrong length, which is the honest error.
 */
export function normalizeCreditCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .trim()
    .toUpperCase();
}

function charValue(ch: string): number {
  const v = CREDIT_CODE_CHARSET.indexOf(ch);
  if (v < 0 || ch.length !== 1) throw new RangeError(`Invalid credit code character: ${JSON.stringify(ch)}`);
  return v;
}

/** Check character (position 18) for the first 17 characters. Throws on bad length or charset. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`Expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * GB 11714 organization-code check character for the 8-character body (positions 9–16 of a credit code).
 * Digits count at face value, letters A..Z as 10..35; C = 11 - (Σ v·w mod 11), 10 → "X", 11 → "0".
 */
export function organizationCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError(`Expected 8 characters 0-9/A-Z, got ${JSON.stringify(body8)}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!;
    const v = ch <= "9" ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
    sum += v * ORG_CODE_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

export function validateCreditCode(input: string, options: { strict?: boolean } = {}): CreditCodeResult {
  const code = normalizeCreditCode(input);
  if (code.length !== 18) return { ok: false, reason: "length" };
  if (!CHARSET_RE.test(code)) return { ok: false, reason: "charset" };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, reason: "region" };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: "checksum" };
  if (options.strict && organizationCodeCheckChar(code.slice(8, 16)) !== code[16]) return { ok: false, reason: "checksum" };
  return { ok: true, code };
}

export function isValidCreditCode(input: string, options: { strict?: boolean } = {}): boolean {
  return validateCreditCode(input, options).ok;
}

/** For seed data: normalizes the 17-character prefix and appends its check character. */
export function makeCreditCode(prefix17: string): string {
  const prefix = normalizeCreditCode(prefix17);
  return prefix + creditCodeCheckChar(prefix);
}

/**
 * Zod schema: accepts any string, outputs the normalized code. Messages are i18n keys:
 * "errors.required" (missing / blank) and "errors.creditCode.{length|charset|region|checksum}".
 */
export const creditCodeSchema = z.string({ error: "errors.required" }).transform((value, ctx) => {
  if (normalizeCreditCode(value) === "") {
    ctx.issues.push({ code: "custom", message: "errors.required", input: value });
    return z.NEVER;
  }
  const result = validateCreditCode(value);
  if (!result.ok) {
    ctx.issues.push({ code: "custom", message: `errors.creditCode.${result.reason}`, input: value });
    return z.NEVER;
  }
  return result.code;
});
