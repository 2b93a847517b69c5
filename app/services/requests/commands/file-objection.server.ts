import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { inspectUploads, removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { notify } from "~/services/notifications/notify.server";
import { lockRequest } from "~/services/requests/data.server";
import { requireText } from "../validation";
import { MAX_EVIDENCE_FILES, OBJECTION_EVIDENCE_KIND } from "../contract-files";
import { agencyOfUser, conflict, forbidden, fullRequest, notifyRegulators, winnerOf } from "./common.server";

/**
 * 异议: during publicity (before publicityEndsAt by the database clock) an
 * agency that took part in the round — its bid was ranked and lost, or was
 * invalidated — may object, with a reason. The current winner cannot object to
 * its own award, an agency that withdrew or never bid cannot object, and one
 * agency has at most one pending objection per request. Up to three evidence
 * files (checked like every upload) go with it, owned by the objecting agency
 * and read by it, the enterprise and regulators (decision 034).
 */
export async function fileObjection(db: Db, user: SessionUser, requestId: string, reasonInput: string, evidence: File[] = []) {
  const reason = requireText(reasonInput);
  await inspectUploads(evidence, "evidence", MAX_EVIDENCE_FILES);
  const stored: string[] = [];
  try {
    return await inTx();
  } catch (error) {
    for (const key of stored) await removeStoredFile(key);
    throw error;
  }

  function inTx() {
    return db.$transaction(
      async (tx) => {
        const r = await lockRequest(tx, requestId);
        const agency = await agencyOfUser(tx, user);
        if (!agency) throw forbidden("award.errors.notBidder");
        const bid = await tx.bid.findUnique({
          where: { requestId_agencyId: { requestId, agencyId: agency.id } },
          select: { id: true, status: true },
        });
        if (!bid || bid.status === "WITHDRAWN" || bid.status === "SUBMITTED") throw forbidden("award.errors.notBidder");
        if (bid.status === "WON") throw forbidden("award.errors.winnerCannotObject");
        const full = await fullRequest(tx, requestId);
        const now = await dbNow(tx);
        if (r.status !== "AWARD_PUBLICITY" || !full.publicityEndsAt || now >= full.publicityEndsAt)
          throw conflict("award.errors.publicityOver");
        const pending = await tx.objection.count({ where: { requestId, agencyId: agency.id, status: "PENDING" } });
        if (pending > 0) throw conflict("award.errors.duplicateObjection");
        const objection = await tx.objection.create({ data: { requestId, agencyId: agency.id, reason, createdAt: now } });
        const files = [];
        for (const file of evidence) {
          const doc = await storeUpload(tx, {
            file,
            ownerOrgId: agency.organizationId,
            kind: OBJECTION_EVIDENCE_KIND,
            uploadedById: user.id,
          });
          stored.push(doc.storageKey);
          await tx.objectionEvidence.create({ data: { objectionId: objection.id, documentId: doc.id } });
          files.push({ documentId: doc.id, sha256: doc.sha256, size: doc.size });
        }
        await appendAudit(tx, {
          aggregateType: "request",
          aggregateId: requestId,
          fromState: r.status,
          event: "OBJECTION_FILED",
          toState: r.status,
          actorId: user.id,
          payload: {
            objectionId: objection.id,
            agencyId: agency.id,
            awardedBidId: full.awardedBidId,
            reason,
            ...(files.length ? { evidence: files } : {}),
          },
        });
        const data = { requestId, title: full.title, code: full.code };
        await notifyRegulators(tx, "OBJECTION_FILED", data);
        await notify(tx, { orgId: full.enterpriseOrgId, kind: "OBJECTION_FILED", data });
        const winner = await winnerOf(tx, full.awardedBidId);
        if (winner) await notify(tx, { orgId: winner.agency.organizationId, kind: "OBJECTION_FILED", data });
        return objection;
      },
      { timeout: 30_000 },
    );
  }
}
