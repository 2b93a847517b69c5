import type { MiddlewareFunction } from "react-router";
import en from "~/i18n/en";
import zh from "~/i18n/zh";
import { refusalMessageKey, type Refusal } from "~/lib/input-refusal";

/**
 * The one place every request's input is checked before a loader or action
 * runs (decision 017): URL path, route params, query string and, for
 * state-changing methods, the form body. Routes keep parsing their own
 * fields with zod; what reaches them here is always a well-formed form of
 * printable text, so no input can make PostgreSQL, a header or the form
 * parser throw.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Form bodies without files: the largest form (a request with its description and lists) is far below this. */
export const MAX_URLENCODED_BYTES = 1024 * 1024;
/** Multipart bodies: the largest upload form (a complaint with five files of 5 MiB each) plus its text fields. */
export const MAX_MULTIPART_BYTES = 5 * 5 * 1024 * 1024 + 64 * 1024;
/** A URL longer than this is not one we ever link to. */
export const MAX_URL_LENGTH = 8 * 1024;
/** A route param (id, code) is never longer than this. */
const MAX_PARAM_LENGTH = 200;
/** Route params that hold a database id (uuid v7, prisma/schema.prisma): anything else is a 404 before the database. */
const ID_PARAMS = new Set(["id", "deliveryId"]);
const ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Catalogue codes and similar slugs. */
const CODE_SHAPE = /^[\p{L}\p{N}._-]{1,100}$/u;

// C0 controls and DEL; in text bodies tab, newline and carriage return are ordinary.
// eslint-disable-next-line no-control-regex
const CONTROL_ANY = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A percent-encoded C0 control or DEL in a raw URL. */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

/** Text a form field may hold: well-formed UTF-16 (no lone surrogate) without control characters other than \t \n \r. */
export function isCleanText(value: string): boolean {
  return !LONE_SURROGATE.test(value) && !CONTROL_IN_TEXT.test(value);
}

/** A URL component (path segment, param, query key or value): no control character at all. */
export function isCleanUrlText(value: string): boolean {
  return !LONE_SURROGATE.test(value) && !CONTROL_ANY.test(value);
}

/** The raw URL (path and query as sent, before decoding). */
export function checkRawUrl(rawPathAndQuery: string): Refusal | null {
  if (rawPathAndQuery.length > MAX_URL_LENGTH) return { status: 400, reason: "BadInput" };
  if (CONTROL_ANY.test(rawPathAndQuery) || ENCODED_CONTROL.test(rawPathAndQuery)) return { status: 400, reason: "BadInput" };
  const q = rawPathAndQuery.indexOf("?");
  const pathname = q === -1 ? rawPathAndQuery : rawPathAndQuery.slice(0, q);
  try {
    if (!isCleanUrlText(decodeURIComponent(pathname))) return { status: 400, reason: "BadInput" };
  } catch {
    // Malformed percent-encoding (%E0%A4%A, %zz): no route could mean it.
    return { status: 400, reason: "BadInput" };
  }
  return null;
}

export function checkUrl(url: URL): Refusal | null {
  const refusal = checkRawUrl(url.pathname + url.search);
  if (refusal) return refusal;
  for (const [k, v] of url.searchParams) if (!isCleanUrlText(k) || !isCleanUrlText(v)) return { status: 400, reason: "BadInput" };
  return null;
}

export function checkParams(params: Record<string, string | undefined>): Refusal | null {
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!isCleanUrlText(value) || value.length > MAX_PARAM_LENGTH) return { status: 400, reason: "BadInput" };
    // The splat of the not-found route is any path: only its characters are checked.
    if (key === "*") continue;
    if (ID_PARAMS.has(key) ? !ID_SHAPE.test(value) : !CODE_SHAPE.test(value)) return { status: 404, reason: "BadId" };
  }
  return null;
}

export function mediaType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Reads at most `limit` bytes of a body; null when it is longer. */
async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Not awaited: `body` is one branch of request.clone()'s tee, and a branch's cancel settles only once the
      // other branch is cancelled too or the source ends — the route's branch is never read after a refusal, so an
      // awaited cancel hung the request whenever the rest of the body had not arrived yet (a chunked upload over the
      // limit got no answer at all). The server reads and drops the rest after the answer (scripts/server.mjs).
      void reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A state-changing request's body: a form (urlencoded or multipart) that
 * parses, within the size limits, whose field names, text values and file
 * names are clean text. Read from a clone, so the route reads the body as
 * before (and the upload routes keep their own, lower, limits).
 */
export async function checkBody(request: Request): Promise<Refusal | null> {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const type = mediaType(request);
  const multipart = type === "multipart/form-data";
  if (!multipart && type !== "application/x-www-form-urlencoded") return { status: 415, reason: "UnsupportedMediaType" };
  const limit = multipart ? MAX_MULTIPART_BYTES : MAX_URLENCODED_BYTES;
  const declared = request.headers.get("Content-Length");
  if (declared !== null && Number(declared) > limit) return { status: 413, reason: "TooLarge" };
  let form: FormData;
  try {
    const bytes = await readCapped(request.clone().body, limit);
    if (bytes === null) return { status: 413, reason: "TooLarge" };
    form = await new Response(new Uint8Array(bytes), { headers: { "Content-Type": request.headers.get("Content-Type")! } }).formData();
  } catch {
    // A multipart body whose boundary is missing or never closes, or a body cut short.
    return { status: 400, reason: "BadInput" };
  }
  for (const [key, value] of form) {
    if (!isCleanUrlText(key)) return { status: 400, reason: "BadInput" };
    if (typeof value === "string" ? !isCleanText(value) : !isCleanUrlText(value.name)) return { status: 400, reason: "BadInput" };
  }
  return null;
}

/** Everything above, in order: URL, params, body. */
export async function checkRequest(request: Request, params: Record<string, string | undefined>): Promise<Refusal | null> {
  return checkUrl(new URL(request.url)) ?? checkParams(params) ?? (await checkBody(request));
}

/** The refusal as a small page in both languages, for the Express layer (before the language is known). */
export function inputRefusal(refusal: Refusal): Response {
  const key = refusalMessageKey(refusal.reason);
  const body = `<!doctype html><html lang="zh"><meta charset="utf-8"><title>${refusal.status}</title><h1>${refusal.status} ${zh.errors.badRequestTitle}</h1><p>${zh.errors[key]}</p><p lang="en">${en.errors[key]}</p><p><a href="/">${zh.errors.goHome}</a></p></html>`;
  return new Response(body, { status: refusal.status, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/** Root middleware: a refused request renders the error page with its 4xx and a translated reason. */
export const inputGuardMiddleware: MiddlewareFunction<Response> = async ({ request, params }, next) => {
  const refusal = await checkRequest(request, params);
  if (refusal) throw new Response(refusal.reason, { status: refusal.status, statusText: refusal.reason });
  return next();
};
