import type { Db } from "~/db/client.server";
import { factsData } from "~/lib/announcement-facts";
import { DomainError } from "~/lib/errors";
import { formatBeijingMinute, formatDate } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import type { SessionUser } from "~/lib/session.server";
import type { RecordContractInput } from "~/schemas/contract";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { inspectUploads, removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { notify } from "~/services/notifications/notify.server";
import { lockRequest } from "~/services/requests/data.server";
import { CONTRACT_KIND } from "../contract-files";
import { conflict, forbidden, fullRequest, requestTo, winnerOf } from "./common.server";

/**
 * 合同备案 (decision 034): once the contract is signed (IN_SERVICE or
 * DELIVERED), the enterprise records it once — the signed file, the amount
 * and the signing, start and end dates — and the record is announced
 * (CONTRACT_RECORD: parties, amount and dates public; the file is not). The
 * amount may not exceed the awarded bid: the contract cannot raise the price
 * the selection fixed. The signing date is not after today (Beijing, by the
 * database clock) and not before the award's publicity ended.
 */
export async function recordContract(db: Db, user: SessionUser, requestId: string, input: RecordContractInput & { files: File[] }) {
  const [file] = input.files;
  if (!file) throw new DomainError("FILE_REQUIRED", 400, "award.errors.fileRequired", "document");
  await inspectUploads(input.files, "document", 1);
  const stored: { key?: string } = {};
  try {
    return await db.$transaction(
      async (tx) => {
        const r = await lockRequest(tx, requestId);
        if (user.role !== "ENTERPRISE" || r.enterpriseOrgId !== user.organizationId) throw forbidden("requests.errors.ownerOnly");
        const full = await fullRequest(tx, requestId);
        const winner = await winnerOf(tx, full.awardedBidId);
        const recorded = await tx.contractRecord.count({ where: { requestId } });
        const to = requestTo(r.status, { type: "RECORD_CONTRACT", isRecorded: recorded > 0 });
        if (!to || !winner) throw conflict(recorded > 0 ? "contractFiles.errors.alreadyRecorded" : "contractFiles.errors.notSigned");
        const now = await dbNow(tx);
        checkContractFacts(input, { awardFen: winner.amountFen, publicityEndsAt: full.publicityEndsAt, now });
        const doc = await storeUpload(tx, { file, ownerOrgId: r.enterpriseOrgId, kind: CONTRACT_KIND, uploadedById: user.id });
        stored.key = doc.storageKey;
        const day = (d: string) => new Date(`${d}T00:00:00Z`);
        await tx.contractRecord.create({
          data: {
            requestId,
            documentId: doc.id,
            amountFen: input.amount,
            signedOn: day(input.signedOn),
            startsOn: day(input.startsOn),
            endsOn: day(input.endsOn),
            recordedById: user.id,
            recordedAt: now,
          },
        });
        await tx.serviceRequest.update({ where: { id: requestId }, data: { version: { increment: 1 } } });
        const facts = { ...(await contractFacts(tx, r.enterpriseOrgId, full, winner, input)), recordedAt: now.toISOString() };
        await appendAudit(tx, {
          aggregateType: "request",
          aggregateId: requestId,
          fromState: r.status,
          event: "RECORD_CONTRACT",
          toState: to,
          actorId: user.id,
          payload: { ...facts, documentId: doc.id, sha256: doc.sha256, size: doc.size },
        });
        await tx.announcement.create({
          data: {
            kind: "CONTRACT_RECORD",
            title: `合同备案公告：${full.title}`,
            body: [
              `项目编号：${full.code}`,
              `服务事项：${full.item.name}`,
              `委托方：${facts.enterpriseName}`,
              `服务机构：${winner.agency.organization.name}`,
              `合同金额：${formatYuan(input.amount)}`,
              `签订日期：${input.signedOn}`,
              `履行期限：${input.startsOn} 至 ${input.endsOn}`,
              `备案时间：${formatBeijingMinute(now)}（北京时间）`,
            ].join("\n"),
            entityType: "request",
            entityId: requestId,
            data: factsData("CONTRACT_RECORD", facts, { requestId, agencyId: winner.agencyId }),
          },
        });
        await notify(tx, { orgId: winner.agency.organizationId, kind: "CONTRACT_RECORDED", data: { requestId, title: full.title } });
        return { documentId: doc.id };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (stored.key) await removeStoredFile(stored.key);
    throw error;
  }
}

/**
 * The checks a recorded contract's facts pass, on record and on amendment
 * (decisions 034, 040): not above the awarded bid, signed not after today and
 * not before the award's publicity ended (Beijing dates by the database clock).
 */
export function checkContractFacts(
  input: { amount: bigint; signedOn: string },
  facts: { awardFen: bigint; publicityEndsAt: Date | null; now: Date },
) {
  if (input.amount > facts.awardFen)
    throw new DomainError("ABOVE_AWARD", 422, "contractFiles.errors.aboveAward", "amount", { amount: formatYuan(facts.awardFen) });
  if (input.signedOn > formatDate(facts.now)) throw new DomainError("FUTURE", 422, "contractFiles.errors.signedInFuture", "signedOn");
  if (facts.publicityEndsAt && input.signedOn < formatDate(facts.publicityEndsAt))
    throw new DomainError("EARLY", 422, "contractFiles.errors.signedBeforePublicity", "signedOn");
}

/** What a contract record or amendment publishes and audits of the request, its parties and the contract's terms. */
export async function contractFacts(
  tx: Pick<Db, "organization">,
  enterpriseOrgId: string,
  full: { title: string; code: string; item: { name: string; nameEn: string } },
  winner: { agency: { organization: { name: string } } },
  input: { amount: bigint; signedOn: string; startsOn: string; endsOn: string },
) {
  const enterprise = await tx.organization.findUniqueOrThrow({ where: { id: enterpriseOrgId }, select: { name: true } });
  return {
    title: full.title,
    code: full.code,
    itemName: full.item.name,
    itemNameEn: full.item.nameEn,
    enterpriseName: enterprise.name,
    agencyName: winner.agency.organization.name,
    amountFen: input.amount.toString(),
    signedOn: input.signedOn,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
  };
}
