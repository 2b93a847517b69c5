import type { Route } from "./+types/documents.$id";
import { getDb } from "~/db/client.server";
import { requireUser } from "~/lib/session.server";
import { canReadDocument, DOCUMENT_ID_PATTERN, fileResponse, plainResponse } from "~/services/documents/documents.server";
import { canReadCaseEvidence, CASE_EVIDENCE_KIND } from "~/services/supervision/cases.server";

/**
 * GET /documents/:id — an uploaded document, streamed to its owner
 * organization and to regulators/admins only. Anonymous → login redirect.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!DOCUMENT_ID_PATTERN.test(params.id)) throw plainResponse(404, "Not Found");
  const db = await getDb();
  const doc = await db.document.findUnique({
    where: { id: params.id },
    select: { ownerOrgId: true, storageKey: true, mime: true, originalName: true, kind: true },
  });
  if (!doc) throw plainResponse(404, "Not Found");
  // Complaint evidence is also readable by the users of the agency complained about.
  if (!canReadDocument(user, doc) && !(doc.kind === CASE_EVIDENCE_KIND && (await canReadCaseEvidence(db, user, params.id)))) throw plainResponse(403, "Forbidden");
  // …under a neutral file name: the uploader's own name for the file may identify the complainant.
  return fileResponse(canReadDocument(user, doc) ? doc : { ...doc, originalName: `evidence.${doc.mime.split("/")[1]}` });
}
