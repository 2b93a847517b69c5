import type { Route } from "./+types/audit.checkpoints.json";
import { visitor } from "~/lib/route.server";
import { publicCheckpoints } from "~/services/audit/audit.server";

/**
 * GET /audit/checkpoints.json?page=N — the signed checkpoints, newest first,
 * and every public key that signed one (docs/audit.md). Public and cacheable.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
  const body = await publicCheckpoints(db, Number.isFinite(page) ? page : 1);
  return new Response(JSON.stringify(body, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=60" },
  });
}
