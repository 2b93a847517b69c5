/**
 * Liveness (decision 024): 200 while the process runs and serves HTTP. It does
 * not ask the database — readiness does (/readyz): restarting an instance
 * because PostgreSQL is down would not bring PostgreSQL back.
 */
export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
