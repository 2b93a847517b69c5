import { createHash } from "node:crypto";
import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { isDatabaseUnavailable } from "~/lib/db-availability.server";
import { getLocale } from "~/middleware/i18next";
import { publicDataVersion } from "~/services/http-cache/version.server";

/**
 * HTTP caching of the public pages for anonymous visitors (decision 032).
 *
 * A GET of a public page without a session cookie gets a strong ETag made of
 * what the page is a function of — the build, the language, the URL, and the
 * database's write version and minute (publicDataVersion) — computed BEFORE
 * anything is rendered: a matching If-None-Match is answered 304 at the cost
 * of one small query. The page itself is rendered with a hash-based Content
 * Security Policy instead of a per-response nonce (entry.server.tsx), so the
 * same bytes may be kept and served again by the browser or a shared cache.
 *
 * Never cached: anything with a session cookie (a signed-in view, which is
 * where sealed or personal data could appear), a non-200 answer, a response
 * that sets a cookie or that its route marked private or no-store, every
 * POST, data request and resource route.
 */

/** The public document routes of app/routes.ts (anyone may read them; the modules filter sealed data). */
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/catalogue(\/[^/]+)?$/,
  /^\/agencies(\/[^/]+)?$/,
  /^\/requests$/,
  /^\/requests\/(?!new$)[^/]+$/,
  /^\/announcements(\/[^/]+)?$/,
  /^\/credit$/,
  /^\/audit$/,
  /^\/inspections(\/[^/]+)?$/,
];

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((p) => p.test(pathname));
}

/** A signed-in (or once signed-in) browser: its pages are personal and never shared. */
function hasSessionCookie(request: Request): boolean {
  return /(?:^|;\s*)__session=/.test(request.headers.get("Cookie") ?? "");
}

const cacheableContext = createContext<boolean>(false);

/** For entry.server.tsx: render this document so it can be cached (a hash-based CSP, no nonce). */
export function isCacheableDocument(context: Readonly<RouterContextProvider>): boolean {
  return context.get(cacheableContext);
}

let buildVersion: string | undefined;
/**
 * The build's manifest version: scripts/server.mjs gives it at start, and
 * entry.server.tsx on every render (under `react-router dev`, the first
 * render). Until it is known, nothing is tagged or answered 304.
 */
export function noteBuildVersion(version: string): void {
  buildVersion = version;
}

function seconds(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Browsers revalidate every time (max-age=0); a CDN or reverse proxy may serve a copy for s-maxage, and a stale one while it revalidates. */
export function publicCacheControl(): string {
  return `public, max-age=0, s-maxage=${seconds("PUBLIC_CACHE_S_MAXAGE", 10)}, stale-while-revalidate=${seconds("PUBLIC_CACHE_SWR", 30)}`;
}

/** If-None-Match against our strong tag (weak comparison, as RFC 9110 §13.1.2 asks for this header). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/**
 * The response is compressed after this (scripts/server.mjs) according to
 * Accept-Encoding; a strong tag names one byte sequence, so the encodings the
 * client accepts are part of it.
 */
function encodings(request: Request): string {
  return (request.headers.get("Accept-Encoding") ?? "").toLowerCase().replace(/\s+/g, "");
}

/**
 * Pages rendered for a tag, kept in this process (decision 032, amended): the tag is computed before rendering from
 * the build, language, URL, the database's write version and the minute, and a strong tag promises one byte
 * sequence — so the bytes rendered once for a tag are the answer to every request with that tag, until a write or
 * the minute moves it. Public anonymous pages only (the middleware's own gate), never a page that set a cookie or
 * was marked private. Bounded by entries (`PUBLIC_RENDER_CACHE`, default 300; 0 turns it off) and bytes (64 MB);
 * the oldest insertion goes first.
 */
class RenderedPages {
  private readonly pages = new Map<string, { body: Uint8Array<ArrayBuffer>; headers: [string, string][] }>();
  private bytes = 0;
  readonly limit = seconds("PUBLIC_RENDER_CACHE", 300);
  private readonly maxBytes = 64 * 1024 * 1024;

  get(tag: string) {
    return this.pages.get(tag);
  }

  set(tag: string, page: { body: Uint8Array<ArrayBuffer>; headers: [string, string][] }) {
    if (this.pages.has(tag) || page.body.byteLength > this.maxBytes / 16) return;
    this.pages.set(tag, page);
    this.bytes += page.body.byteLength;
    for (const [oldest, p] of this.pages) {
      if (this.pages.size <= this.limit && this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= p.body.byteLength;
    }
  }
}
const renderedPages = new RenderedPages();

export const httpCacheMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  if (request.method !== "GET" || process.env.PUBLIC_CACHE === "off") return next();
  const url = new URL(request.url);
  if (!isPublicPage(url.pathname) || hasSessionCookie(request)) return next();
  // ?lng= switches the language by a cookie that depends on the cookie sent, not on the tag: never answered from
  // the tag (a 304 or a stored page would skip the Set-Cookie and leave the browser in the other language).
  const switching = url.searchParams.has("lng");

  let version: string;
  try {
    version = await publicDataVersion();
  } catch (error) {
    // The page's own loaders meet the outage and answer 503 (decision 024).
    if (isDatabaseUnavailable(error)) return next();
    throw error;
  }
  const build = buildVersion;
  const etag = build
    ? `"${createHash("sha256")
        .update(`${build}\n${getLocale(context)}\n${url.pathname}${url.search}\n${version}\n${encodings(request)}`)
        .digest("base64url")
        .slice(0, 27)}"`
    : undefined;
  const headers = { "Cache-Control": publicCacheControl(), Vary: "Cookie" };
  if (etag && !switching && matchesIfNoneMatch(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, ...headers } });
  }
  // The same tag names the same bytes (a strong tag, decision 032): a page rendered for it is answered again.
  const stored = etag && !switching ? renderedPages.get(etag) : undefined;
  if (stored) return new Response(stored.body, { status: 200, headers: stored.headers });

  context.set(cacheableContext, true);
  const response = await next();
  // A route that marks its answer private or no-store keeps it that way.
  const own = response.headers.get("Cache-Control") ?? "";
  if (/\b(private|no-store)\b/.test(own)) return response;
  if (etag && response.status === 200 && !response.headers.has("Set-Cookie") && buildVersion === build) {
    response.headers.set("ETag", etag);
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    if (renderedPages.limit > 0 && !switching && response.body) {
      const body = new Uint8Array(await response.arrayBuffer());
      renderedPages.set(etag, { body, headers: [...response.headers] });
      return new Response(body, { status: 200, headers: response.headers });
    }
  } else {
    response.headers.set("Cache-Control", "private, no-cache");
  }
  return response;
};
