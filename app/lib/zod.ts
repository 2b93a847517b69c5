// Zod for the whole app, configured before any schema is built.
//
// jitless: Zod 4 compiles object parsers with `new Function` after probing
// whether eval is allowed. The Content-Security-Policy forbids eval
// (no 'unsafe-eval', decision 016), and the browser reports the probe as a
// violation even though Zod catches it. Without the JIT Zod parses the same
// way, only a little slower, on the server and in the browser alike.
// Import `z` from here, never from "zod" (eslint's no-restricted-imports).
import { z } from "zod";

z.config({ jitless: true });

export { z };

/**
 * Dates users type are bounded to years 2000–2100 (decision 017): year 0000 or
 * 275760 parses in JavaScript but not in PostgreSQL, and no deadline or
 * certificate of this market lies outside that range. Message: errors.dateRange.
 */
export const DATE_YEAR_MIN = 2000;
export const DATE_YEAR_MAX = 2100;

export function yearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= DATE_YEAR_MIN && year <= DATE_YEAR_MAX;
}

/** The message for a date field whose value has a date's shape: out of range, or not a date at all. */
export function dateIssue(value: string, invalidMessage: string): string {
  const m = /^\s*(\d{4,6})-/.exec(value);
  return m && !yearInRange(Number(m[1])) ? "errors.dateRange" : invalidMessage;
}
