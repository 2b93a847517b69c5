import { randomBytes } from "node:crypto";

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
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
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
