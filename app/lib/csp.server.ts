import { createHash, randomBytes } from "node:crypto";

/** A fresh nonce for one HTML response: 128 random bits, base64. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The policy sent with every HTML document (docs/decisions/016-content-security-policy.md).
 * Scripts only from this origin or inline with this response's nonce; styles may be
 * inline (see the decision for why); nothing may frame the app.
 */
export function contentSecurityPolicy(nonce: string): string {
  return policy(`'nonce-${nonce}'`);
}

/**
 * The same policy for a document that may be cached and served again
 * (decision 032): a nonce must never be reused, so such a document allows
 * its inline scripts by their hashes instead. It is rendered with a one-off
 * marker nonce on the scripts React and React Router write; exactly those
 * are hashed and the marker is removed. An inline script the page did not put
 * there itself (markup injected through data) has no marker and stays blocked,
 * as it would be under a nonce.
 */
export function hashedScriptsPolicy(html: string, marker: string): { html: string; policy: string } {
  const attribute = ` nonce="${marker}"`;
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (!m[1]!.includes(attribute)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(m[2]!, "utf8").digest("base64")}'`);
  }
  // A page with no script at all (an anonymous reader's page, decision 037) allows none.
  if (!/<script\b/i.test(html)) return { html: html.replaceAll(attribute, ""), policy: policy(null) };
  return { html: html.replaceAll(attribute, ""), policy: policy([...hashes].join(" ")) };
}

/** An inline <script> (no src attribute): its attributes and its text, as the browser hashes it. */
const INLINE_SCRIPT = /<script\b((?:(?!\bsrc=)[^>])*)>([\s\S]*?)<\/script>/gi;

/** `null`: no script of any kind may run. */
function policy(inlineScripts: string | null): string {
  return [
    "default-src 'self'",
    inlineScripts === null ? "script-src 'none'" : `script-src 'self'${inlineScripts ? ` ${inlineScripts}` : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
