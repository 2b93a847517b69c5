import type { Route } from "./+types/requests.$id.deliveries.$deliveryId.file";
import { signedIn } from "~/lib/route.server";
import { DOCUMENT_ID_PATTERN, fileResponse, plainResponse } from "~/services/documents/documents.server";
import { canReadDeliveryFile, deliveryDocument } from "~/services/requests/award-view.server";

/**
 * GET /requests/:id/deliveries/:deliveryId/file — a delivered result report,
 * streamed to the owning enterprise, the delivering (winning) agency and
 * regulators only. Anonymous → login redirect.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, db } = await signedIn(request);
  if (!DOCUMENT_ID_PATTERN.test(params.id) || !DOCUMENT_ID_PATTERN.test(params.deliveryId)) throw plainResponse(404, "Not Found");
  const doc = await deliveryDocument(db, params.id, params.deliveryId);
  if (!doc) throw plainResponse(404, "Not Found");
  if (!canReadDeliveryFile(user, { enterpriseOrgId: doc.enterpriseOrgId, ownerOrgId: doc.ownerOrgId }))
    throw plainResponse(403, "Forbidden");
  return fileResponse(doc);
}
