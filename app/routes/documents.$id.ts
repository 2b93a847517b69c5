import type { Route } from "./+types/documents.$id";
import { signedIn } from "~/lib/route.server";
import { documentForReader } from "~/services/documents/access.server";
import { DOCUMENT_ID_PATTERN, fileResponse, plainResponse } from "~/services/documents/documents.server";

/**
 * GET /documents/:id — an uploaded document, streamed as a download to the
 * roles that need it (services/documents/access.server.ts). Anonymous → login redirect.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, db } = await signedIn(request);
  if (!DOCUMENT_ID_PATTERN.test(params.id)) throw plainResponse(404, "Not Found");
  const doc = await documentForReader(db, user, params.id);
  if (!doc) throw plainResponse(404, "Not Found");
  if (doc === "forbidden") throw plainResponse(403, "Forbidden");
  return fileResponse(doc);
}
