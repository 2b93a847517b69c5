import { isBusy } from "~/lib/http.server";
import { isDomainError } from "~/lib/errors";
import { LogGapError } from "./log.server";

/**
 * The HTTP side of the public proof endpoints (/audit/inclusion.json,
 * /audit/consistency.json): parameter parsing and JSON answers. A proof for
 * explicit tree sizes never changes (the tree of a checkpoint is fixed), so it
 * is cached long; one against "the newest checkpoint" only as long as the feed.
 * Machine-facing: messages are plain English, with a stable `error` code.
 */
const JSON_TYPE = { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" };

/** A tree size or sequence number: absent → undefined; anything but a plain non-negative integer → a message. */
export function parseSize(raw: string | null, name: string): number | undefined | string {
  if (raw === null) return undefined;
  if (!/^(0|[1-9][0-9]{0,14})$/.test(raw)) return `${name} must be a non-negative integer`;
  return Number(raw);
}

export function badRequest(message: string): Response {
  return new Response(JSON.stringify({ error: "bad_request", message }), {
    status: 400,
    headers: { ...JSON_TYPE, "Cache-Control": "no-store" },
  });
}

export async function proofResponse(build: () => Promise<unknown>, fixed: boolean): Promise<Response> {
  try {
    const body = await build();
    return new Response(JSON.stringify(body, null, 2), {
      headers: { ...JSON_TYPE, "Cache-Control": fixed ? "public, max-age=86400, immutable" : "public, max-age=60" },
    });
  } catch (error) {
    if (isBusy(error)) {
      return new Response(JSON.stringify({ error: "busy", message: "try again shortly" }), {
        status: 503,
        headers: { ...JSON_TYPE, "Cache-Control": "no-store", "Retry-After": "2" },
      });
    }
    if (error instanceof LogGapError) {
      // The log lost an event it had already published a position for: no proof can be honest now.
      return new Response(JSON.stringify({ error: "log_broken", message: error.message }), {
        status: 503,
        headers: { ...JSON_TYPE, "Cache-Control": "no-store" },
      });
    }
    if (!isDomainError(error)) throw error;
    return new Response(JSON.stringify({ error: error.code.toLowerCase(), message: error.message }), {
      status: error.status,
      headers: { ...JSON_TYPE, "Cache-Control": "no-store" },
    });
  }
}
