import { visitor } from "~/lib/route.server";
import { checkDatabase } from "~/services/health.server";

/** Load-balancer health check: answers 200 when the database answers. */
export async function loader({ request }: { request: Request }) {
  const { db } = await visitor(request);
  await checkDatabase(db);
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
