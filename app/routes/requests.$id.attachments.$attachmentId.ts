import type { Route } from "./+types/requests.$id.attachments.$attachmentId";
import { visitor } from "~/lib/route.server";
import { DOCUMENT_ID_PATTERN, fileResponse, plainResponse } from "~/services/documents/documents.server";
import { attachmentForVisitor } from "~/services/requests/files-view.server";

/**
 * GET /requests/:id/attachments/:attachmentId — a project document for
 * bidders, to whoever may see the request (decision 034): anyone once it is
 * published, signed in or not; before that only its enterprise, and the
 * regulator reviewing a held one (404 to everyone else, like the request).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, db } = await visitor(request);
  if (!DOCUMENT_ID_PATTERN.test(params.id) || !DOCUMENT_ID_PATTERN.test(params.attachmentId)) throw plainResponse(404, "Not Found");
  const doc = await attachmentForVisitor(db, user, params.id, params.attachmentId);
  if (!doc) throw plainResponse(404, "Not Found");
  return fileResponse(doc);
}
