import { getDb } from "~/db/client.server";

/** Load-balancer health check: answers 200 when the database answers. */
export async function loader() {
  const db = await getDb();
  await db.$queryRaw`SELECT 1`;
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
