import type { Route } from "./+types/zones.$id.results.$resultId.file";
import { visitor } from "~/lib/route.server";
import { fileResponse, plainResponse } from "~/services/documents/documents.server";
import { zoneResultFile } from "~/services/zones/queries.server";

/** GET /zones/:id/results/:resultId/file — an assessment result's report, public like the result (decision 036). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const doc = await zoneResultFile(db, params.id, params.resultId);
  if (!doc) throw plainResponse(404, "Not Found");
  return fileResponse(doc);
}
