/**
 * Demo request files (decisions 034, 040): project documents on one open
 * history request, and a recorded contract (合同备案) on the most recently
 * completed one, so the demo shows both on the request pages, the
 * CONTRACT_RECORD announcement, the API and OCDS.
 *
 * Every date comes from the history request's own times, which the history
 * placed relative to the database clock: the contract is signed on the
 * Beijing day the history's contract was confirmed (after the award's
 * publicity), runs until the service's due day, and is recorded two hours
 * after signing. Written once (skipped when a history request already has
 * files); the files are small generated PDFs stored like any upload.
 */
import type { Db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { factsData } from "~/lib/announcement-facts";
import { formatBeijingMinute, formatDate } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import { appendAudit } from "~/services/audit/audit.server";
import { removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { ATTACHMENT_KIND, CONTRACT_KIND } from "~/services/requests/contract-files";

type Tx = Prisma.TransactionClient;

const HOUR = 3_600_000;
const HISTORY = { code: { contains: "-H" } } as const;

/** A small valid PDF whose only content is a line of text (no script, no forms). */
function demoPdf(name: string, line: string): File {
  const body = `%PDF-1.4\n% ${line}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return new File([new TextEncoder().encode(body)], name, { type: "application/pdf" });
}

export async function seedRequestFiles(db: Db): Promise<{ created: boolean }> {
  const historyIds = (await db.serviceRequest.findMany({ where: HISTORY, select: { id: true } })).map((r) => r.id);
  if (historyIds.length === 0) return { created: false };
  const existing =
    (await db.requestAttachment.count({ where: { requestId: { in: historyIds } } })) +
    (await db.contractRecord.count({ where: { requestId: { in: historyIds } } }));
  if (existing > 0) return { created: false };
  const stored: string[] = [];
  try {
    await db.$transaction(
      async (tx) => {
        await attachProjectDocuments(tx, stored);
        await recordContract(tx, stored);
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    for (const key of stored) await removeStoredFile(key);
    throw error;
  }
  return { created: true };
}

async function attachProjectDocuments(tx: Tx, stored: string[]) {
  const r = await tx.serviceRequest.findFirst({
    where: { ...HISTORY, status: "OPEN" },
    orderBy: { code: "asc" },
    select: { id: true, title: true, enterpriseOrgId: true, createdById: true, createdAt: true },
  });
  if (!r) return;
  const files = [
    { name: "项目红线图.pdf", description: "项目用地红线图及四至范围" },
    { name: "现场踏勘资料.pdf", description: "现场照片与既有设施清单，供报价参考" },
  ];
  const out: { documentId: string; sha256: string; name: string }[] = [];
  for (const f of files) {
    const doc = await storeUpload(tx, {
      file: demoPdf(f.name, `${r.title} · ${f.description}`),
      ownerOrgId: r.enterpriseOrgId,
      kind: ATTACHMENT_KIND,
      uploadedById: r.createdById,
    });
    stored.push(doc.storageKey);
    await tx.requestAttachment.create({
      data: { requestId: r.id, documentId: doc.id, description: f.description, createdAt: r.createdAt },
    });
    out.push({ documentId: doc.id, sha256: doc.sha256, name: f.name });
  }
  // Attached while the request was a draft, before the history's publication: imported, like the history.
  await appendAudit(tx, {
    aggregateType: "request",
    aggregateId: r.id,
    fromState: "OPEN",
    event: "IMPORT_HISTORY",
    toState: "OPEN",
    actorId: null,
    payload: { note: "演示历史数据：项目资料按原时间导入", attachedAt: r.createdAt.toISOString(), files: out },
  });
}

async function recordContract(tx: Tx, stored: string[]) {
  const r = await tx.serviceRequest.findFirst({
    where: { ...HISTORY, status: "COMPLETED", contractedAt: { not: null }, dueAt: { not: null }, awardedBidId: { not: null } },
    orderBy: [{ completedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      title: true,
      enterpriseOrgId: true,
      createdById: true,
      awardedBidId: true,
      contractedAt: true,
      completedAt: true,
      dueAt: true,
      item: { select: { name: true, nameEn: true } },
      enterprise: { select: { name: true } },
    },
  });
  if (!r) return;
  const bid = await tx.bid.findUniqueOrThrow({
    where: { id: r.awardedBidId! },
    select: { amountFen: true, agencyId: true, agency: { select: { organization: { select: { name: true } } } } },
  });
  const signedOn = formatDate(r.contractedAt!);
  const endsOn = formatDate(r.dueAt!);
  const recordedAt = new Date(Math.min(r.contractedAt!.getTime() + 2 * HOUR, r.completedAt!.getTime() - HOUR));
  const doc = await storeUpload(tx, {
    file: demoPdf("技术服务合同（签章版）.pdf", `${r.code} ${r.title}`),
    ownerOrgId: r.enterpriseOrgId,
    kind: CONTRACT_KIND,
    uploadedById: r.createdById,
  });
  stored.push(doc.storageKey);
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  await tx.contractRecord.create({
    data: {
      requestId: r.id,
      documentId: doc.id,
      amountFen: bid.amountFen,
      signedOn: day(signedOn),
      startsOn: day(signedOn),
      endsOn: day(endsOn),
      recordedById: r.createdById,
      recordedAt,
    },
  });
  const agencyName = bid.agency.organization.name;
  const facts = {
    title: r.title,
    code: r.code,
    itemName: r.item.name,
    itemNameEn: r.item.nameEn,
    enterpriseName: r.enterprise.name,
    agencyName,
    amountFen: bid.amountFen.toString(),
    signedOn,
    startsOn: signedOn,
    endsOn,
    recordedAt: recordedAt.toISOString(),
  };
  // Recorded during the service (decision 034); imported after completion, so the event says so.
  await appendAudit(tx, {
    aggregateType: "request",
    aggregateId: r.id,
    fromState: "COMPLETED",
    event: "RECORD_CONTRACT",
    toState: "COMPLETED",
    actorId: null,
    payload: { ...facts, note: "演示历史数据：合同备案按原时间导入", documentId: doc.id, sha256: doc.sha256, size: doc.size },
  });
  await tx.announcement.create({
    data: {
      kind: "CONTRACT_RECORD",
      title: `合同备案公告：${r.title}`,
      body: [
        `项目编号：${r.code}`,
        `服务事项：${r.item.name}`,
        `委托方：${r.enterprise.name}`,
        `服务机构：${agencyName}`,
        `合同金额：${formatYuan(bid.amountFen)}`,
        `签订日期：${signedOn}`,
        `履行期限：${signedOn} 至 ${endsOn}`,
        `备案时间：${formatBeijingMinute(recordedAt)}（北京时间）`,
      ].join("\n"),
      entityType: "request",
      entityId: r.id,
      data: factsData("CONTRACT_RECORD", facts, { requestId: r.id, agencyId: bid.agencyId }),
      publishedAt: recordedAt,
    },
  });
}
