import { RETRY_AFTER_SECONDS } from "~/lib/db-availability.server";
import { checkReadiness } from "~/services/health.server";

/**
 * Readiness (decision 024): 200 "ready" when the database answers and the
 * instance is not shutting down; 503 otherwise, so a load balancer sends the
 * traffic elsewhere (or nowhere) until it is back.
 */
export async function loader() {
  const r = await checkReadiness();
  const headers = { "Content-Type": "text/plain", "Cache-Control": "no-store" };
  if (r.ready) return new Response("ready", { headers });
  return new Response(`not ready: ${r.reason}`, { status: 503, headers: { ...headers, "Retry-After": String(RETRY_AFTER_SECONDS) } });
}
