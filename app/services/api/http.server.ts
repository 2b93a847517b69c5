import { createHash } from "node:crypto";
import type { RouterContextProvider } from "react-router";
import { clientIpContext } from "~/context";
import { getDb, type Db } from "~/db/client.server";
import { isBusy } from "~/lib/http.server";
import type { z } from "~/lib/zod";
import { checkParams, checkUrl } from "~/middleware/input-guard.server";
import { takeApiToken } from "./rate-limit.server";

/**
 * The public API's HTTP pipeline (decision 028): every /api/v1 operation and
 * /api/openapi.json answer through `apiGet`, so that rate limit, parameter
 * errors, CORS, ETag/304 and the one error shape are decided in one place.
 *
 * Errors are RFC 9457 problem details (application/problem+json): 400 bad
 * parameter, 404 unknown resource, 405 any method but GET/HEAD/OPTIONS, 429
 * over the client's budget (Retry-After), 503 busy database (Retry-After).
 */

export const API_PREFIX = "/api/v1/";
export const OPENAPI_PATH = "/api/openapi.json";

/** Paths answered by the JSON pipeline (the /api page itself is an ordinary page). */
export function isApiPath(pathname: string): boolean {
  return pathname === OPENAPI_PATH || pathname.startsWith(API_PREFIX) || pathname === "/api/v1";
}

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, Link",
} as const;

export type ProblemCode = "bad-parameter" | "not-found" | "method-not-allowed" | "too-many-requests" | "busy";

const TITLES: Record<ProblemCode, { status: number; title: string }> = {
  "bad-parameter": { status: 400, title: "Bad parameter" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "too-many-requests": { status: 429, title: "Too many requests" },
  busy: { status: 503, title: "Service busy" },
};

/** A refusal a handler throws; `apiGet` answers it as problem details. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: { parameter: string; message: string }[],
  ) {
    super(detail);
  }
}

export function problemResponse(
  request: Request,
  code: ProblemCode,
  detail: string,
  extra: { errors?: { parameter: string; message: string }[]; headers?: Record<string, string> } = {},
): Response {
  const url = new URL(request.url);
  const { status, title } = TITLES[code];
  const body = {
    type: `${url.origin}/api#problem-${code}`,
    title,
    status,
    detail,
    instance: url.pathname,
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...CORS, ...extra.headers },
  });
}

/** A strong validator: the body's SHA-256, so equal bytes always have the same tag. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ is ignored, `*` matches anything. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((v) => {
    const t = v.trim().replace(/^W\//, "");
    return t === "*" || t === etag;
  });
}

function clientIp(context: unknown): string {
  const c = context as Partial<RouterContextProvider> | undefined;
  try {
    return typeof c?.get === "function" ? c.get(clientIpContext) : "unknown";
  } catch {
    return "unknown";
  }
}

/** Query parameters through a strict zod schema: unknown or repeated names, and bad values, are 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  // A Map, not `{}`: a parameter named `constructor` or `__proto__` is just a name.
  const seen = new Map<string, string>();
  const errors: { parameter: string; message: string }[] = [];
  for (const [k, v] of url.searchParams) {
    if (seen.has(k)) errors.push({ parameter: k, message: "Given more than once." });
    seen.set(k, v);
  }
  const raw = Object.fromEntries(seen);
  if (errors.length) throw new ApiProblem("bad-parameter", "A query parameter is repeated.", errors);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const keys = (i as { keys?: string[] }).keys;
      return { parameter: keys?.length ? keys.join(", ") : String(i.path[0] ?? ""), message: i.message };
    });
    throw new ApiProblem("bad-parameter", `Bad query parameter: ${issues.map((i) => i.parameter).join(", ")}.`, issues);
  }
  return parsed.data;
}

export type ApiArgs = { request: Request; params: Record<string, string | undefined>; context?: unknown };
export type ApiHandlerContext = { db: Db; url: URL };

/**
 * Runs one GET operation: rate limit, then the handler (which parses its
 * parameters and returns the JSON body, or null for 404), then ETag/304.
 */
export async function apiGet(
  { request, params, context }: ApiArgs,
  handler: (ctx: ApiHandlerContext) => Promise<unknown>,
  notFound = "No such resource.",
): Promise<Response> {
  const url = new URL(request.url);
  // The root middleware checks these too (apiMiddleware); repeated here so a loader called alone answers the same.
  const refusal = checkUrl(url) ?? checkParams(params);
  if (refusal) {
    return refusal.status === 404
      ? problemResponse(request, "not-found", notFound)
      : problemResponse(request, "bad-parameter", "The URL holds characters no parameter may contain.");
  }
  const verdict = takeApiToken(clientIp(context));
  if (!verdict.allowed) {
    return problemResponse(request, "too-many-requests", `Request budget exhausted; retry in ${verdict.retryAfterSeconds} s.`, {
      headers: { "Retry-After": String(verdict.retryAfterSeconds), "RateLimit-Limit": String(verdict.limit), "RateLimit-Remaining": "0" },
    });
  }
  let data: unknown;
  try {
    data = await handler({ db: await getDb(), url });
  } catch (error) {
    if (error instanceof ApiProblem) return problemResponse(request, error.code, error.detail, { errors: error.errors });
    if (isBusy(error)) return problemResponse(request, "busy", "The database is busy; retry shortly.", { headers: { "Retry-After": "2" } });
    throw error;
  }
  if (data === null) return problemResponse(request, "not-found", notFound);
  const body = JSON.stringify(data);
  const etag = etagOf(body);
  const headers = {
    "Content-Type": "application/json; charset=utf-8",
    // Shared caches may keep an answer a minute; clients revalidate with If-None-Match.
    "Cache-Control": "public, max-age=60",
    ETag: etag,
    "RateLimit-Limit": String(verdict.limit),
    "RateLimit-Remaining": String(verdict.remaining),
    ...CORS,
  };
  if (matchesIfNoneMatch(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

/** CORS preflight: any origin may GET, with If-None-Match; no credentials. */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Accept",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/**
 * Root middleware for API paths, before the origin check and the input guard
 * (their refusals are HTML pages; an API client gets problem details): a
 * preflight is answered, any method but GET/HEAD is 405 before its body is
 * read (the API has no state to change, so no CSRF question arises), and a
 * malformed URL or id is 400/404.
 */
export async function apiGate(request: Request, params: Record<string, string | undefined>): Promise<Response | null> {
  const url = new URL(request.url);
  if (!isApiPath(url.pathname)) return null;
  const method = request.method.toUpperCase();
  if (method === "OPTIONS") return preflightResponse();
  if (method !== "GET" && method !== "HEAD") {
    return problemResponse(request, "method-not-allowed", "The API is read-only: use GET.", {
      headers: { Allow: "GET, HEAD, OPTIONS" },
    });
  }
  const refusal = checkUrl(url) ?? checkParams(params);
  if (!refusal) return null;
  return refusal.status === 404
    ? problemResponse(request, "not-found", "No such resource.")
    : problemResponse(request, "bad-parameter", "The URL holds characters no parameter may contain.");
}

/**
 * The Express layer's refusal of a malformed raw URL on an API path
 * (scripts/server.mjs, decision 017's first layer): problem details, not the
 * HTML page. The URL itself is not echoed (it is what was malformed).
 */
export function apiRawUrlRefusal(origin: string): Response {
  return problemResponse(new Request(`${origin}${API_PREFIX}`), "bad-parameter", "The URL holds characters no parameter may contain.");
}
