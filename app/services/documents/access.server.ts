import type { Db } from "~/db/client.server";
import { canReadDeliveryFile } from "~/services/requests/award-view.server";
import { requestFileAccess } from "~/services/requests/files-view.server";
import { canReadCaseEvidence } from "~/services/supervision/case-queries.server";
import { CASE_EVIDENCE_KIND } from "~/services/supervision/commands/common.server";

export type DocumentReader = { id: string; role: string; organizationId: string | null };
export type ReadableDocument = { id: string; kind: string; ownerOrgId: string; mime: string };

/**
 * How a user may read a stored document: under its original name, under a
 * neutral one (the uploader's own file name may identify them), or not at all.
 *
 * Least privilege, kind by kind — only the roles whose work needs the file:
 * - CREDENTIAL (an agency's certificate scan): the agency itself and regulators
 *   (who review it). The directory shows the credential's facts, never the scan.
 * - CASE_EVIDENCE: the case's readers — regulators and the complainant's
 *   organization by name; the agency complained about under a neutral name.
 * - DELIVERY (a result report): the request's enterprise, the delivering agency
 *   and regulators (the same rule as /requests/:id/deliveries/:id/file).
 * - REQUEST_ATTACHMENT, CONTRACT, OBJECTION_EVIDENCE (decision 034): the
 *   request's files, by services/requests/files-view.server.ts — project
 *   documents to whoever sees the request; the contract to its parties and
 *   regulators; objection evidence to the objector and regulators, and to the
 *   enterprise under a neutral name.
 * - anything else: its owner organization and regulators.
 * The catalogue admin (ADMIN) maintains the catalogue and reads no one's files.
 * Only a published request's project documents are public (their own route,
 * /requests/:id/attachments/:attachmentId, serves them to anonymous visitors too).
 */
export async function documentAccess(db: Db, user: DocumentReader, doc: ReadableDocument): Promise<"original" | "neutral" | null> {
  const isOwner = user.organizationId !== null && user.organizationId === doc.ownerOrgId;
  const isRegulator = user.role === "REGULATOR";
  const requestFile = await requestFileAccess(db, user, doc);
  if (requestFile !== undefined) return requestFile;
  switch (doc.kind) {
    case CASE_EVIDENCE_KIND:
      if (isRegulator || isOwner) return "original";
      return (await canReadCaseEvidence(db, user, doc.id)) ? "neutral" : null;
    case "DELIVERY": {
      if (isRegulator || (user.role === "AGENCY" && isOwner)) return "original";
      const delivery = await db.delivery.findFirst({
        where: { documentId: doc.id },
        select: { request: { select: { enterpriseOrgId: true } } },
      });
      if (!delivery) return null;
      return canReadDeliveryFile(user, { enterpriseOrgId: delivery.request.enterpriseOrgId, ownerOrgId: doc.ownerOrgId })
        ? "original"
        : null;
    }
    default:
      return isRegulator || isOwner ? "original" : null;
  }
}

/** The name a neutral download goes by: "evidence.pdf", "evidence.png"… */
export function neutralName(doc: { mime: string }): string {
  return `evidence.${doc.mime.split("/")[1] ?? "bin"}`;
}

/**
 * A stored document as this user may download it: the file under its original
 * or a neutral name, "forbidden", or null when there is no such document.
 */
export async function documentForReader(db: Db, user: DocumentReader, id: string) {
  const doc = await db.document.findUnique({
    where: { id },
    select: { id: true, ownerOrgId: true, storageKey: true, mime: true, originalName: true, kind: true },
  });
  if (!doc) return null;
  const access = await documentAccess(db, user, doc);
  if (!access) return "forbidden" as const;
  return access === "original" ? doc : { ...doc, originalName: neutralName(doc) };
}
