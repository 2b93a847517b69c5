import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { notify } from "~/services/notifications/notify.server";
import { checkSigners } from "~/services/practitioners/roster.server";
import { lockRequest } from "~/services/requests/data.server";
import { MAX_NOTE_CHARS } from "../validation";
import { conflict, forbidden, fullRequest, requestTo, winnerOf } from "./common.server";

/**
 * The winning agency delivers its result report (PDF / JPEG / PNG, checked by
 * content) with a note: a Delivery row, the document owned by the agency, the
 * request DELIVERED. A late delivery is accepted and recorded as late. The result is signed by
 * practitioners of the agency's roster, none of them suspended or blacklisted (decision 035).
 */
export async function deliverResult(
  db: Db,
  user: SessionUser,
  requestId: string,
  input: { file: File | null; note: string; signerIds?: string[] },
) {
  const note = (input.note ?? "").trim();
  if (Array.from(note).length > MAX_NOTE_CHARS) throw new DomainError("TOO_LONG", 400, "errors.tooLong", "note");
  if (!input.file) throw new DomainError("FILE_REQUIRED", 400, "award.errors.fileRequired", "document");
  const file = input.file;
  // The file is written before the transaction commits; a failed transaction removes it again.
  const stored: { key?: string } = {};
  try {
    return await db.$transaction(
      async (tx) => {
        const r = await lockRequest(tx, requestId);
        const full = await fullRequest(tx, requestId);
        const winner = await winnerOf(tx, full.awardedBidId);
        if (user.role !== "AGENCY" || !winner || user.organizationId !== winner.agency.organizationId)
          throw forbidden("award.errors.notWinner");
        const to = requestTo(r.status, { type: "DELIVER" });
        if (!to) throw conflict("award.errors.notInService");
        const now = await dbNow(tx);
        const signers = await checkSigners(tx, winner.agencyId, input.signerIds ?? [], now);
        const doc = await storeUpload(tx, { file, ownerOrgId: winner.agency.organizationId, kind: "DELIVERY", uploadedById: user.id });
        stored.key = doc.storageKey;
        const delivery = await tx.delivery.create({ data: { requestId, documentId: doc.id, note, createdAt: now, signers } });
        await tx.serviceRequest.update({ where: { id: requestId }, data: { status: to, deliveredAt: now, version: { increment: 1 } } });
        const late = !!full.dueAt && now > full.dueAt;
        await appendAudit(tx, {
          aggregateType: "request",
          aggregateId: requestId,
          fromState: r.status,
          event: "DELIVER",
          toState: to,
          actorId: user.id,
          payload: {
            deliveryId: delivery.id,
            documentId: doc.id,
            sha256: doc.sha256,
            size: doc.size,
            late,
            signers: signers.map((p) => ({ practitionerId: p.practitionerId, name: p.name })),
            dueAt: full.dueAt?.toISOString() ?? null,
          },
        });
        await notify(tx, { orgId: r.enterpriseOrgId, kind: "DELIVERY_SUBMITTED", data: { requestId, title: full.title } });
        return { delivery, late };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (stored.key) await removeStoredFile(stored.key);
    throw error;
  }
}
