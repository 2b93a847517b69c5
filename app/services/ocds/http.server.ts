import { createHash } from "node:crypto";
import { isBusy } from "~/lib/http.server";

/** Open data: any website may read it; a short shared cache (the data changes with every event). */
const BASE_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "public, max-age=60",
};

/** A JSON document with a strong ETag; 304 when the client already has it. */
export function jsonWithEtag(request: Request, body: unknown, extra: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = { ...BASE_HEADERS, ETag: etag, ...extra };
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((v) => v.trim() === etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { headers });
}

/** A refusal: `{ error, message }` with no caching. */
export function jsonError(status: number, error: string, message: string, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error, message }), {
    status,
    headers: { ...BASE_HEADERS, "Cache-Control": "no-store", ...extra },
  });
}

/** Runs a loader body; a busy database is a 503 with Retry-After, anything else propagates. */
export async function orBusy(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (!isBusy(error)) throw error;
    return jsonError(503, "busy", "The service is busy; retry in a moment.", { "Retry-After": "2" });
  }
}

export { BASE_HEADERS as OCDS_HEADERS };
