import type { Route } from "./+types/inspections.$id.draw.json";
import { visitor } from "~/lib/route.server";
import { planDrawRecord } from "~/services/inspections/queries.server";

/**
 * GET /inspections/:id/draw.json — an inspection plan's draw, machine-readable
 * (decision 030): the commitment, weights, frozen entrants and inspector pool
 * from creation; after the draw the seed, the drawn agencies with their
 * inspectors, and our own verification. Public; 404 for an unknown plan.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const record = await planDrawRecord(db, params.id);
  const headers = { "Content-Type": "application/json; charset=utf-8" };
  if (!record) return new Response(JSON.stringify({ error: "not_found" }), { status: 404, headers });
  return new Response(JSON.stringify(record, null, 2), {
    headers: { ...headers, "Cache-Control": "no-cache", "Content-Disposition": `inline; filename="inspection-draw-${record.code}.json"` },
  });
}
