import type { Route } from "./+types/documents.$id";
import { getDb } from "~/db/client.server";
import { requireUser } from "~/lib/session.server";
import { documentAccess, neutralName } from "~/services/documents/access.server";
import { DOCUMENT_ID_PATTERN, fileResponse, plainResponse } from "~/services/documents/documents.server";

/**
 * GET /documents/:id — an uploaded document, streamed as a download to the
 * roles that need it (services/documents/access.server.ts). Anonymous → login redirect.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!DOCUMENT_ID_PATTERN.test(params.id)) throw plainResponse(404, "Not Found");
  const db = await getDb();
  const doc = await db.document.findUnique({
    where: { id: params.id },
    select: { id: true, ownerOrgId: true, storageKey: true, mime: true, originalName: true, kind: true },
  });
  if (!doc) throw plainResponse(404, "Not Found");
  const access = await documentAccess(db, user, doc);
  if (!access) throw plainResponse(403, "Forbidden");
  return fileResponse(access === "original" ? doc : { ...doc, originalName: neutralName(doc) });
}
