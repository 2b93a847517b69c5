import type { MiddlewareFunction } from "react-router";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence in depth next to SameSite=Lax cookies: every state-changing
 * request must carry an Origin (or, failing that, a Referer) from this site.
 * A request with neither is refused too: every browser sends Origin on POST.
 */
export function isSameOrigin(request: Request): boolean {
  if (SAFE.has(request.method)) return true;
  const allowed = new Set<string>([new URL(request.url).host]);
  for (const o of (process.env.APP_ORIGIN ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    try {
      allowed.add(new URL(o).host);
    } catch {
      /* ignore malformed configuration entries */
    }
  }
  const source = request.headers.get("Origin") ?? request.headers.get("Referer");
  if (!source || source === "null") return false;
  try {
    return allowed.has(new URL(source).host);
  } catch {
    return false;
  }
}

export const originCheckMiddleware: MiddlewareFunction<Response> = async ({ request }, next) => {
  if (!isSameOrigin(request)) {
    throw new Response("Cross-origin request refused", { status: 403, statusText: "CrossOrigin" });
  }
  return next();
};
