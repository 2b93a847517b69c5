import type { Db } from "~/db/client.server";
import { DomainError, FieldErrors } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { inspectUploads, removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { reviewFairCompetition } from "~/services/fair-competition/engine";
import { lockRequest } from "~/services/requests/data.server";
import { refusalFieldErrors } from "../fair-competition";
import { recordRefusal } from "../fairness-review.server";
import { requireText } from "../validation";
import { ATTACHMENT_KIND, MAX_ATTACHMENT_DESCRIPTION, MAX_ATTACHMENTS } from "../contract-files";
import { requestTo } from "./common.server";

/**
 * The enterprise attaches project documents for bidders (项目资料) to its draft:
 * one to five files in all, each checked like every upload, with a description
 * that goes through the fair-competition review like the request's other texts
 * (a clear violation is refused here and counted; doubtful wording is reviewed
 * with the whole request when it is published). Only a draft changes (EDIT):
 * a published request's documents are what the bidders priced.
 */
export async function attachDocuments(db: Db, user: SessionUser, requestId: string, input: { files: File[]; description: string }) {
  const description = requireText(input.description, "description", MAX_ATTACHMENT_DESCRIPTION);
  if (input.files.length === 0) throw new DomainError("FILE_REQUIRED", 400, "award.errors.fileRequired", "files");
  await inspectUploads(input.files, "files", MAX_ATTACHMENTS);
  const review = reviewFairCompetition({ description });
  if (review.outcome === "refuse") {
    if (user.organizationId) await recordRefusal(db, user.organizationId, review);
    throw new FieldErrors(refusalFieldErrors(review), 422);
  }
  const stored: string[] = [];
  try {
    return await db.$transaction(
      async (tx) => {
        const r = await lockRequest(tx, requestId);
        if (user.role !== "ENTERPRISE" || r.enterpriseOrgId !== user.organizationId)
          throw new DomainError("FORBIDDEN", 403, "requests.errors.ownerOnly");
        const to = requestTo(r.status, { type: "EDIT" });
        if (!to) throw new DomainError("NOT_DRAFT", 409, "contractFiles.errors.notDraft", "files");
        const held = await tx.requestAttachment.count({ where: { requestId } });
        if (held + input.files.length > MAX_ATTACHMENTS)
          throw new DomainError("TOO_MANY_FILES", 400, "contractFiles.errors.tooManyFiles", "files", { max: MAX_ATTACHMENTS });
        const now = await dbNow(tx);
        const added = [];
        for (const file of input.files) {
          const doc = await storeUpload(tx, { file, ownerOrgId: r.enterpriseOrgId, kind: ATTACHMENT_KIND, uploadedById: user.id });
          stored.push(doc.storageKey);
          const a = await tx.requestAttachment.create({ data: { requestId, documentId: doc.id, description, createdAt: now } });
          added.push({ attachmentId: a.id, documentId: doc.id, sha256: doc.sha256, size: doc.size, name: doc.originalName });
        }
        await tx.serviceRequest.update({ where: { id: requestId }, data: { version: { increment: 1 } } });
        await appendAudit(tx, {
          aggregateType: "request",
          aggregateId: requestId,
          fromState: r.status,
          event: "ATTACH_DOCUMENTS",
          toState: to,
          actorId: user.id,
          payload: { description, files: added },
        });
        return added;
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    for (const key of stored) await removeStoredFile(key);
    throw error;
  }
}
