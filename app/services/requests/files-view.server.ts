import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { MAX_AMENDMENT_REASON } from "~/schemas/contract";
import { MAX_UPLOAD_BYTES } from "~/services/documents/documents.server";
import { currentContract, requestOfContractFile } from "./contract-history.server";
import { isUnpublishedState } from "./enums";
import {
  ATTACHMENT_KIND,
  CONTRACT_KIND,
  MAX_ATTACHMENT_DESCRIPTION,
  MAX_ATTACHMENTS,
  MAX_EVIDENCE_FILES,
  OBJECTION_EVIDENCE_KIND,
} from "./contract-files";

/**
 * Who reads the files of a request (decision 034), and what the request page
 * shows of them.
 *
 * - Project documents (REQUEST_ATTACHMENT) are part of the request: whoever
 *   may see the request reads them — anyone, signed in or not, once it is
 *   published; before that its enterprise, and the regulator reviewing a held one.
 * - The recorded contract's file (CONTRACT): the two parties and regulators.
 *   Its amount and dates are public through the CONTRACT_RECORD announcement.
 * - Objection evidence (OBJECTION_EVIDENCE): the objecting agency and
 *   regulators under its name; the enterprise, which answers for its award,
 *   under a neutral name. Not the winner, not other bidders, not the public.
 */
type Reader = { role: string; organizationId: string | null } | null;

export type FileAccess = "original" | "neutral" | null;

function canSeeRequest(user: Reader, r: { status: string; enterpriseOrgId: string }): boolean {
  if (!isUnpublishedState(r.status)) return true;
  if (user?.role === "ENTERPRISE" && user.organizationId === r.enterpriseOrgId) return true;
  return r.status === "FAIRNESS_REVIEW" && user?.role === "REGULATOR";
}

function isContractParty(user: Reader, r: { enterpriseOrgId: string }, winnerOrgId: string | null): boolean {
  if (!user) return false;
  if (user.role === "REGULATOR") return true;
  if (!user.organizationId) return false;
  return (
    (user.role === "ENTERPRISE" && user.organizationId === r.enterpriseOrgId) ||
    (user.role === "AGENCY" && user.organizationId === winnerOrgId)
  );
}

function evidenceAccess(user: Reader, objectorOrgId: string, enterpriseOrgId: string): FileAccess {
  if (!user) return null;
  if (user.role === "REGULATOR") return "original";
  if (user.role === "AGENCY" && user.organizationId === objectorOrgId) return "original";
  if (user.role === "ENTERPRISE" && user.organizationId === enterpriseOrgId) return "neutral";
  return null;
}

const requestAccessSelect = {
  status: true,
  enterpriseOrgId: true,
  awardedBidId: true,
} as const;

async function winnerOrgOf(db: Db, awardedBidId: string | null): Promise<string | null> {
  if (!awardedBidId) return null;
  const bid = await db.bid.findUnique({ where: { id: awardedBidId }, select: { agency: { select: { organizationId: true } } } });
  return bid?.agency.organizationId ?? null;
}

/** The access to one of the request file kinds (documents/access.server.ts asks), or undefined for another kind. */
export async function requestFileAccess(db: Db, user: Reader, doc: { id: string; kind: string }): Promise<FileAccess | undefined> {
  switch (doc.kind) {
    case ATTACHMENT_KIND: {
      const a = await db.requestAttachment.findUnique({ where: { documentId: doc.id }, select: { requestId: true } });
      const r = a && (await db.serviceRequest.findUnique({ where: { id: a.requestId }, select: requestAccessSelect }));
      return r && canSeeRequest(user, r) ? "original" : null;
    }
    case CONTRACT_KIND: {
      // The record's file and every amendment's: the old files stay readable to the same parties (decision 040).
      const requestId = await requestOfContractFile(db, doc.id);
      const r = requestId && (await db.serviceRequest.findUnique({ where: { id: requestId }, select: requestAccessSelect }));
      return r && isContractParty(user, r, await winnerOrgOf(db, r.awardedBidId)) ? "original" : null;
    }
    case OBJECTION_EVIDENCE_KIND: {
      const e = await db.objectionEvidence.findUnique({
        where: { documentId: doc.id },
        select: { objectionId: true },
      });
      const o =
        e &&
        (await db.objection.findUnique({
          where: { id: e.objectionId },
          select: { agencyId: true, request: { select: { enterpriseOrgId: true } } },
        }));
      if (!o) return null;
      const agency = await db.agency.findUnique({ where: { id: o.agencyId }, select: { organizationId: true } });
      return agency ? evidenceAccess(user, agency.organizationId, o.request.enterpriseOrgId) : null;
    }
    default:
      return undefined;
  }
}

/** One project document of a request as this visitor may download it, "forbidden", or null when there is none. */
export async function attachmentForVisitor(db: Db, user: Reader, requestId: string, attachmentId: string) {
  const a = await db.requestAttachment.findFirst({ where: { id: attachmentId, requestId }, select: { documentId: true } });
  if (!a) return null;
  const r = await db.serviceRequest.findUnique({ where: { id: requestId }, select: requestAccessSelect });
  // An unpublished request's documents are as invisible as the request itself (404, not 403).
  if (!r || !canSeeRequest(user, r)) return null;
  return db.document.findUnique({ where: { id: a.documentId }, select: { storageKey: true, mime: true, originalName: true } });
}

export type FileLink = { url: string; name: string; size: number };

/** What the request page shows of the request's files to this visitor (who already may see the request). */
export async function requestFilesPanel(db: Db, user: SessionUser | null, requestId: string) {
  const r = await db.serviceRequest.findUnique({ where: { id: requestId }, select: requestAccessSelect });
  if (!r || !canSeeRequest(user, r)) return null;
  const isOwner = user?.role === "ENTERPRISE" && user.organizationId === r.enterpriseOrgId;
  const [attachments, record, winnerOrgId] = await Promise.all([
    db.requestAttachment.findMany({
      where: { requestId },
      orderBy: { createdAt: "asc" },
      select: { id: true, description: true, documentId: true },
    }),
    currentContract(db, requestId),
    winnerOrgOf(db, r.awardedBidId),
  ]);
  const contractDocIds = record ? record.history.flatMap((e) => (e.documentId ? [e.documentId] : [])) : [];
  const docIds = [...attachments.map((a) => a.documentId), ...contractDocIds];
  const docs = new Map(
    (await db.document.findMany({ where: { id: { in: docIds } }, select: { id: true, originalName: true, size: true } })).map((d) => [
      d.id,
      d,
    ]),
  );
  const party = isContractParty(user, r, winnerOrgId);
  const fileOf = (documentId: string | null): FileLink | null => {
    const d = documentId ? docs.get(documentId) : undefined;
    return party && d ? { url: `/documents/${d.id}`, name: d.originalName, size: d.size } : null;
  };
  const serving = r.status === "IN_SERVICE" || r.status === "DELIVERED";
  return {
    requestId,
    attachments: attachments.map((a) => {
      const d = docs.get(a.documentId);
      return {
        id: a.id,
        description: a.description,
        name: d?.originalName ?? "",
        size: d?.size ?? 0,
        url: `/requests/${requestId}/attachments/${a.id}`,
      };
    }),
    contract: record
      ? {
          amountFen: record.amountFen.toString(),
          signedOn: record.signedOn,
          startsOn: record.startsOn,
          endsOn: record.endsOn,
          recordedAt: record.recordedAt.toISOString(),
          amendedAt: record.amendedAt?.toISOString() ?? null,
          file: fileOf(record.documentId),
          // 合同备案变更 (decision 040): every version, the record first; the facts public, the files the parties'.
          history: record.history.map((e) => ({
            kind: e.kind,
            id: e.id,
            amountFen: e.amountFen.toString(),
            signedOn: e.signedOn,
            startsOn: e.startsOn,
            endsOn: e.endsOn,
            reason: e.reason,
            at: e.at.toISOString(),
            file: fileOf(e.documentId),
          })),
        }
      : null,
    can: {
      attach: isOwner && r.status === "DRAFT",
      record: isOwner && !record && serving,
      amend: isOwner && !!record && serving,
    },
    limits: {
      attachments: MAX_ATTACHMENTS,
      evidence: MAX_EVIDENCE_FILES,
      description: MAX_ATTACHMENT_DESCRIPTION,
      uploadMb: MAX_UPLOAD_BYTES / 1024 / 1024,
      amendmentReason: MAX_AMENDMENT_REASON,
    },
  };
}
export type RequestFilesPanel = NonNullable<Awaited<ReturnType<typeof requestFilesPanel>>>;

/** The evidence files of a request's objections that this user may read, by objection id. */
export async function objectionEvidenceLinks(db: Db, user: SessionUser | null, requestId: string): Promise<Record<string, FileLink[]>> {
  if (!user) return {};
  const objections = await db.objection.findMany({ where: { requestId }, select: { id: true, agencyId: true } });
  if (objections.length === 0) return {};
  const [rows, r, agencies] = await Promise.all([
    db.objectionEvidence.findMany({ where: { objectionId: { in: objections.map((o) => o.id) } } }),
    db.serviceRequest.findUniqueOrThrow({ where: { id: requestId }, select: { enterpriseOrgId: true } }),
    db.agency.findMany({ where: { id: { in: objections.map((o) => o.agencyId) } }, select: { id: true, organizationId: true } }),
  ]);
  if (rows.length === 0) return {};
  const orgOf = new Map(agencies.map((a) => [a.id, a.organizationId]));
  const agencyOf = new Map(objections.map((o) => [o.id, o.agencyId]));
  const docs = new Map(
    (
      await db.document.findMany({
        where: { id: { in: rows.map((e) => e.documentId) } },
        select: { id: true, originalName: true, size: true, mime: true, createdAt: true },
      })
    ).map((d) => [d.id, d]),
  );
  const out: Record<string, FileLink[]> = {};
  for (const e of rows) {
    const access = evidenceAccess(user, orgOf.get(agencyOf.get(e.objectionId) ?? "") ?? "", r.enterpriseOrgId);
    const d = docs.get(e.documentId);
    if (!access || !d) continue;
    const name = access === "original" ? d.originalName : `evidence.${d.mime.split("/")[1] ?? "bin"}`;
    (out[e.objectionId] ??= []).push({ url: `/documents/${d.id}`, name, size: d.size });
  }
  return out;
}

/** The descriptions of a request's project documents, as the fair-competition review reads them (field "attachments"). */
export async function attachmentTexts(db: Pick<Db, "requestAttachment">, requestId: string): Promise<{ attachments: string }> {
  const rows = await db.requestAttachment.findMany({ where: { requestId }, orderBy: { createdAt: "asc" }, select: { description: true } });
  return { attachments: rows.map((a) => a.description).join("\n") };
}

/**
 * The recorded contract as open data (decision 040): the parties, the amount
 * and the dates — never the file, which only the parties and regulators read.
 * Null when none is recorded. The caller has already checked the request is public.
 */
export async function publicContractRecord(db: Db, requestId: string) {
  const record = await currentContract(db, requestId);
  if (!record) return null;
  const r = await db.serviceRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { awardedBidId: true, enterprise: { select: { name: true } } },
  });
  const bid = r.awardedBidId
    ? await db.bid.findUnique({
        where: { id: r.awardedBidId },
        select: { agencyId: true, agency: { select: { organization: { select: { name: true } } } } },
      })
    : null;
  const [original, ...amendments] = record.history;
  return {
    enterpriseName: r.enterprise.name,
    agencyId: bid?.agencyId ?? null,
    agencyName: bid?.agency.organization.name ?? null,
    amountFen: record.amountFen.toString(),
    signedOn: record.signedOn,
    startsOn: record.startsOn,
    endsOn: record.endsOn,
    recordedAt: record.recordedAt,
    amendedAt: record.amendedAt,
    original: original!,
    amendments,
  };
}
