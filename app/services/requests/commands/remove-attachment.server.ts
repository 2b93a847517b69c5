import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { removeStoredFile } from "~/services/documents/documents.server";
import { lockRequest } from "~/services/requests/data.server";
import { requestTo } from "./common.server";

/**
 * The enterprise takes a project document off its draft (EDIT). The file is
 * deleted once the transaction has committed; the audit event keeps its hash.
 */
export async function removeAttachment(db: Db, user: SessionUser, requestId: string, attachmentId: string) {
  const removed = await db.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    if (user.role !== "ENTERPRISE" || r.enterpriseOrgId !== user.organizationId)
      throw new DomainError("FORBIDDEN", 403, "requests.errors.ownerOnly");
    const a = await tx.requestAttachment.findFirst({ where: { id: attachmentId, requestId } });
    if (!a) throw new DomainError("NOT_FOUND", 404, "contractFiles.errors.notFound");
    const to = requestTo(r.status, { type: "EDIT" });
    if (!to) throw new DomainError("NOT_DRAFT", 409, "contractFiles.errors.notDraft");
    const doc = await tx.document.delete({ where: { id: a.documentId } });
    await tx.requestAttachment.delete({ where: { id: a.id } });
    await tx.serviceRequest.update({ where: { id: requestId }, data: { version: { increment: 1 } } });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: requestId,
      fromState: r.status,
      event: "REMOVE_ATTACHMENT",
      toState: to,
      actorId: user.id,
      payload: { attachmentId: a.id, documentId: doc.id, sha256: doc.sha256, name: doc.originalName },
    });
    return doc;
  });
  await removeStoredFile(removed.storageKey);
}
