// Security headers sent on every response of the production server (scripts/server.mjs).
// Kept apart so tests can mount the same middleware on a bare Express app.
// Routes must not repeat these: @react-router/express *appends* a route's
// headers, so a second X-Content-Type-Options would be sent twice.
// The Content-Security-Policy is per document (a nonce): see app/entry.server.tsx.

/** HSTS for a year, subdomains included: production over HTTPS only, never for INSECURE_COOKIES=1 (plain-HTTP LAN demo). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * @param {Record<string, string | undefined>} env
 * @returns {boolean}
 */
export function wantsHsts(env = process.env) {
  return env.NODE_ENV === "production" && env.INSECURE_COOKIES !== "1";
}

/**
 * @param {Record<string, string | undefined>} env
 * @returns {(req: unknown, res: { setHeader(name: string, value: string): unknown }, next: () => void) => void}
 */
export function securityHeaders(env = process.env) {
  const hsts = wantsHsts(env);
  return (_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (hsts) res.setHeader("Strict-Transport-Security", HSTS);
    next();
  };
}
