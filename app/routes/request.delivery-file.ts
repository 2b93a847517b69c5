import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { Route } from "./+types/request.delivery-file";
import { getDb } from "~/db/client.server";
import { requireUser } from "~/lib/session.server";
import { contentDisposition, storagePath, storedFileSize } from "~/services/documents/documents.server";
import { canReadDeliveryFile, deliveryDocument } from "~/services/requests/award-view.server";

const ID_PATTERN = /^[0-9a-f-]{1,64}$/i;

function plain(status: number, text: string) {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

/**
 * GET /requests/:id/deliveries/:deliveryId/file — a delivered result report,
 * streamed to the owning enterprise, the delivering (winning) agency and
 * regulators only. Anonymous → login redirect.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!ID_PATTERN.test(params.id) || !ID_PATTERN.test(params.deliveryId)) throw plain(404, "Not Found");
  const doc = await deliveryDocument(await getDb(), params.id, params.deliveryId);
  if (!doc) throw plain(404, "Not Found");
  if (!canReadDeliveryFile(user, { enterpriseOrgId: doc.enterpriseOrgId, ownerOrgId: doc.ownerOrgId })) throw plain(403, "Forbidden");
  const size = await storedFileSize(doc.storageKey);
  if (size === null) throw plain(404, "Not Found");
  const body = Readable.toWeb(createReadStream(storagePath(doc.storageKey))) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": doc.mime,
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(doc.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
