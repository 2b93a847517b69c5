import type { Db } from "~/db/client.server";
import { factsData } from "~/lib/announcement-facts";
import { DomainError } from "~/lib/errors";
import { formatBeijingMinute } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import type { SessionUser } from "~/lib/session.server";
import type { AmendContractInput } from "~/schemas/contract";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { inspectUploads, removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { notify } from "~/services/notifications/notify.server";
import { lockRequest } from "~/services/requests/data.server";
import { currentContract } from "../contract-history.server";
import { CONTRACT_KIND } from "../contract-files";
import { conflict, forbidden, fullRequest, requestTo, winnerOf } from "./common.server";
import { checkContractFacts, contractFacts } from "./record-contract.server";

/**
 * 合同备案变更 (decision 040): the enterprise corrects its recorded contract —
 * a new file and/or the amount and dates, always with a reason — while the
 * service runs (the request machine's AMEND_CONTRACT, a self-transition like
 * RECORD_CONTRACT). The facts pass the record's checks; the record and every
 * earlier amendment stay (a new ContractAmendment row holds the facts after
 * the change); the change is announced (CONTRACT_AMENDMENT) with the facts
 * before and after, audited in the same transaction, and told to the agency.
 */
export async function amendContract(db: Db, user: SessionUser, requestId: string, input: AmendContractInput & { files: File[] }) {
  await inspectUploads(input.files, "document", 1);
  const [file] = input.files;
  const stored: { key?: string } = {};
  try {
    return await db.$transaction(
      async (tx) => {
        const r = await lockRequest(tx, requestId);
        if (user.role !== "ENTERPRISE" || r.enterpriseOrgId !== user.organizationId) throw forbidden("requests.errors.ownerOnly");
        const full = await fullRequest(tx, requestId);
        const winner = await winnerOf(tx, full.awardedBidId);
        const before = await currentContract(tx, requestId);
        const to = requestTo(r.status, { type: "AMEND_CONTRACT", isRecorded: !!before, reason: input.reason });
        if (!to || !winner || !before) throw conflict(before ? "contractFiles.errors.notAmendable" : "contractFiles.errors.notRecorded");
        const now = await dbNow(tx);
        checkContractFacts(input, { awardFen: winner.amountFen, publicityEndsAt: full.publicityEndsAt, now });
        const same =
          input.amount === before.amountFen &&
          input.signedOn === before.signedOn &&
          input.startsOn === before.startsOn &&
          input.endsOn === before.endsOn;
        if (same && !file) throw new DomainError("UNCHANGED", 422, "contractFiles.errors.nothingChanged", "amount");
        const doc = file
          ? await storeUpload(tx, { file, ownerOrgId: r.enterpriseOrgId, kind: CONTRACT_KIND, uploadedById: user.id })
          : null;
        if (doc) stored.key = doc.storageKey;
        const day = (d: string) => new Date(`${d}T00:00:00Z`);
        const amendment = await tx.contractAmendment.create({
          data: {
            requestId,
            documentId: doc?.id ?? null,
            amountFen: input.amount,
            signedOn: day(input.signedOn),
            startsOn: day(input.startsOn),
            endsOn: day(input.endsOn),
            reason: input.reason,
            amendedById: user.id,
            amendedAt: now,
          },
        });
        await tx.serviceRequest.update({ where: { id: requestId }, data: { version: { increment: 1 } } });
        const facts = {
          ...(await contractFacts(tx, r.enterpriseOrgId, full, winner, input)),
          previousAmountFen: before.amountFen.toString(),
          previousSignedOn: before.signedOn,
          previousStartsOn: before.startsOn,
          previousEndsOn: before.endsOn,
          newFile: !!doc,
          reason: input.reason,
          amendedAt: now.toISOString(),
        };
        await appendAudit(tx, {
          aggregateType: "request",
          aggregateId: requestId,
          fromState: r.status,
          event: "AMEND_CONTRACT",
          toState: to,
          actorId: user.id,
          payload: {
            ...facts,
            amendmentId: amendment.id,
            ...(doc ? { documentId: doc.id, sha256: doc.sha256, size: doc.size } : {}),
          },
        });
        await tx.announcement.create({
          data: {
            kind: "CONTRACT_AMENDMENT",
            title: `合同备案变更公告：${full.title}`,
            body: [
              `项目编号：${full.code}`,
              `服务事项：${full.item.name}`,
              `委托方：${facts.enterpriseName}`,
              `服务机构：${winner.agency.organization.name}`,
              `合同金额：${formatYuan(input.amount)}（变更前 ${formatYuan(before.amountFen)}）`,
              `签订日期：${input.signedOn}（变更前 ${before.signedOn}）`,
              `履行期限：${input.startsOn} 至 ${input.endsOn}（变更前 ${before.startsOn} 至 ${before.endsOn}）`,
              doc ? "合同文件：已更换" : "合同文件：未更换",
              `变更理由：${input.reason}`,
              `变更时间：${formatBeijingMinute(now)}（北京时间）`,
            ].join("\n"),
            entityType: "request",
            entityId: requestId,
            data: factsData("CONTRACT_AMENDMENT", facts, { requestId, agencyId: winner.agencyId, amendmentId: amendment.id }),
          },
        });
        await notify(tx, { orgId: winner.agency.organizationId, kind: "CONTRACT_AMENDED", data: { requestId, title: full.title } });
        return { amendmentId: amendment.id };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (stored.key) await removeStoredFile(stored.key);
    throw error;
  }
}
