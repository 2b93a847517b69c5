import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { Route } from "./+types/documents.$id";
import { getDb } from "~/db/client.server";
import { requireUser } from "~/lib/session.server";
import { canReadDocument, contentDisposition, storagePath, storedFileSize } from "~/services/documents/documents.server";

const ID_PATTERN = /^[0-9a-f-]{1,64}$/i;

function plain(status: number, text: string) {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

/**
 * GET /documents/:id — an uploaded document, streamed to its owner
 * organization and to regulators/admins only. Anonymous → login redirect.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!ID_PATTERN.test(params.id)) throw plain(404, "Not Found");
  const db = await getDb();
  const doc = await db.document.findUnique({
    where: { id: params.id },
    select: { ownerOrgId: true, storageKey: true, mime: true, originalName: true },
  });
  if (!doc) throw plain(404, "Not Found");
  if (!canReadDocument(user, doc)) throw plain(403, "Forbidden");
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
