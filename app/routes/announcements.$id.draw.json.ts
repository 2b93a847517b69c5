import type { Route } from "./+types/announcements.$id.draw.json";
import { visitor } from "~/lib/route.server";
import { drawRecord } from "~/services/notifications/announcements.server";

/**
 * GET /announcements/:id/draw.json — the random draw of an award announcement,
 * machine-readable (decision 009): public, cacheable, 404 for any other
 * announcement.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const record = await drawRecord(db, params.id);
  if (!record)
    return new Response(JSON.stringify({ error: "not_found" }), {
      status: 404,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  return new Response(JSON.stringify(record, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Content-Disposition": `inline; filename="draw-${record.announcementId}.json"`,
    },
  });
}
