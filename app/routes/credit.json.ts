import type { Route } from "./+types/credit.json";
import { isBusy } from "~/lib/http.server";
import { visitor } from "~/lib/route.server";
import { dbNow } from "~/services/clock.server";
import {
  OPEN_DATA_MAX_PAGE_SIZE,
  OPEN_DATA_PAGE_SIZE,
  openDataDocument,
  parseDisclosureQuery,
} from "~/services/supervision/disclosure.server";

const headers = {
  "Content-Type": "application/json; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
  // States are computed against the clock: a short shared cache at most.
  "Cache-Control": "public, max-age=60",
  // X-Content-Type-Options comes from scripts/server.mjs (once for every response).
};

/**
 * Open data (信用公示 JSON): the same entries and filters as /credit, public,
 * no login. Schema: docs/open-data.md. Bad parameters are ignored or clamped.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const query = parseDisclosureQuery(url.searchParams, { defaultPageSize: OPEN_DATA_PAGE_SIZE, maxPageSize: OPEN_DATA_MAX_PAGE_SIZE });
  try {
    const { db } = await visitor(request);
    const body = await openDataDocument(db, query, await dbNow(db), url.origin);
    return new Response(JSON.stringify(body), { headers });
  } catch (error) {
    if (!isBusy(error)) throw error;
    return new Response(JSON.stringify({ error: "busy" }), {
      status: 503,
      headers: { ...headers, "Cache-Control": "no-store", "Retry-After": "2" },
    });
  }
}
