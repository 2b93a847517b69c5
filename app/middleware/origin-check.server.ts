import type { MiddlewareFunction } from "react-router";
import en from "~/i18n/en";
import zh from "~/i18n/zh";
import { logger } from "~/lib/logger.server";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginParts = { method: string; host: string; origin: string | null; referer: string | null };

/**
 * CSRF defence in depth next to SameSite=Lax cookies: every state-changing
 * request must carry an Origin (or, failing that, a Referer) from this site.
 * A request with neither is refused too: every current browser sends Origin on POST.
 */
export function isSameOriginParts({ method, host, origin, referer }: OriginParts): boolean {
  if (SAFE.has(method.toUpperCase())) return true;
  const allowed = new Set<string>([host]);
  for (const o of (process.env.APP_ORIGIN ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    try {
      allowed.add(new URL(o).host);
    } catch {
      logger.warn({ event: "config", setting: "APP_ORIGIN" }, `APP_ORIGIN entry ignored, not a URL: ${o.slice(0, 100)}`);
    }
  }
  const source = origin ?? referer;
  if (!source || source === "null") return false;
  try {
    return allowed.has(new URL(source).host);
  } catch {
    return false;
  }
}

export function isSameOrigin(request: Request): boolean {
  return isSameOriginParts({
    method: request.method,
    host: new URL(request.url).host,
    origin: request.headers.get("Origin"),
    referer: request.headers.get("Referer"),
  });
}

/** The refusal, in both languages: it is sent before the language is known. */
export function crossOriginRefusal(): Response {
  const body = `<!doctype html><html lang="zh"><meta charset="utf-8"><title>403</title><h1>403 ${zh.errors.forbiddenTitle}</h1><p>${zh.errors.crossOrigin}</p><p lang="en">${en.errors.crossOrigin}</p><p><a href="/">${zh.errors.goHome}</a></p></html>`;
  return new Response(body, { status: 403, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/** Second layer (also covers `npm run dev`): production refuses in scripts/server.mjs first. */
export const originCheckMiddleware: MiddlewareFunction<Response> = async ({ request }, next) => {
  if (!isSameOrigin(request)) throw new Response("Cross-origin request refused", { status: 403, statusText: "CrossOrigin" });
  return next();
};
