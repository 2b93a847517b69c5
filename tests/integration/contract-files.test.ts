import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import en from "~/i18n/en";
import zh from "~/i18n/zh";

// A private uploads directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-contract-files-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { readdirSync, rmSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { RouterContextProvider } from "react-router";
import { clientIpContext } from "~/context";
import { loader as apiRequestLoader } from "~/routes/api.v1.requests.$id";
import { openApiDocument } from "~/services/api/openapi";
import { ocidOf } from "~/services/ocds/config.server";
import { recordPackage } from "~/services/ocds/ocds.server";
import { getDb, type Db } from "~/db/client.server";
import { formatDate } from "~/lib/format";
import type { SessionUser } from "~/lib/session.server";
import { loader as documentLoader } from "~/routes/documents.$id";
import { loader as attachmentLoader } from "~/routes/requests.$id.attachments.$attachmentId";
import { action as awardAction } from "~/routes/requests.$id.award";
import { loader as requestLoader } from "~/routes/requests.$id";
import { dbNow } from "~/services/clock.server";
import { postRequest as postServiceRequest, publishRequest } from "~/services/requests/post.server";
import { seedCatalogue } from "../../seeds/seed";
import { regulatorUser } from "../support/cases";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, routeArgs, sessionCookie } from "../support/http";
import { awardedRequest, inServiceRequest } from "../support/ratings";
import { enterpriseUser, listedAgencies, requestForm, sessionUserOf } from "../support/requests";

/**
 * #16 part 6 (decision 034): project documents for bidders on a draft, the
 * contract record (合同备案) and objection evidence — through the real routes,
 * multipart as a browser without JavaScript posts them: who may post and
 * read each file, every refusal at its field, nothing left behind by a refusal.
 */

const BASE = "http://localhost:3000";
const PDF = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const pdf = (name: string) => new File([PDF(name)], name, { type: "application/pdf" });
const text = (name: string) => new File([new TextEncoder().encode("就是一段文字")], name, { type: "application/pdf" });

type Party = "anonymous" | "owner" | "winner" | "loser" | "otherEnterprise" | "regulator" | "admin";
const PARTIES: Party[] = ["anonymous", "owner", "winner", "loser", "otherEnterprise", "regulator", "admin"];

let db: Db;
const cookies: Partial<Record<Party, string>> = {};
let owner: SessionUser;
let draftId: string;
let publicityId: string;
let servingId: string;

function post(id: string, fields: Record<string, string>, files: Record<string, File[]>, party: Party) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, list] of Object.entries(files)) for (const f of list) form.append(k, f);
  const cookie = cookies[party];
  const request = new Request(`${BASE}/requests/${id}/award`, {
    method: "POST",
    headers: { Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) },
    body: form,
  });
  // `_js=1`: the refusal comes back as data (a browser without JavaScript gets the same body on an error page).
  return outcome(() => awardAction(routeArgs(request, { id })));
}
const js = (fields: Record<string, string>) => ({ ...fields, _js: "1" });

/** 200 with the file name the party sees, "login", or the refusal status. */
async function seen(fn: () => Promise<unknown>): Promise<string> {
  const o = await outcome(fn);
  if (o.status === 302) return o.location!.startsWith("/login?redirectTo=") ? "login" : `302 ${o.location}`;
  if (o.status !== 200) {
    await o.response?.text();
    return String(o.status);
  }
  const disposition = o.response!.headers.get("Content-Disposition")!;
  await o.response!.arrayBuffer();
  return decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!);
}
const asDocument = (docId: string, party: Party) => () =>
  documentLoader(routeArgs(getRequest(`/documents/${docId}`, cookies[party]), { id: docId }));
const asAttachment = (requestId: string, attachmentId: string, party: Party) => () =>
  attachmentLoader(
    routeArgs(getRequest(`/requests/${requestId}/attachments/${attachmentId}`, cookies[party]), { id: requestId, attachmentId }),
  );
async function matrix(fn: (party: Party) => () => Promise<unknown>) {
  const got: Record<string, string> = {};
  for (const party of PARTIES) got[party] = await seen(fn(party));
  return got;
}

const storedFiles = () => readdirSync(uploads, { recursive: true }).filter((f) => String(f).length > 2).length;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  const agencies = await listedAgencies(db, 3);
  owner = await enterpriseUser(db);
  const served = await inServiceRequest(db, { owner, agencies });
  servingId = served.id;
  publicityId = (await awardedRequest(db, { owner, agencies })).id;
  draftId = (await postServiceRequest(db, owner, requestForm({ intent: "draft", title: "曹杨路地块土地勘测" }))).id;
  const users: Record<Exclude<Party, "anonymous">, SessionUser> = {
    owner,
    winner: agencies[0]!.user,
    loser: agencies[1]!.user,
    otherEnterprise: await enterpriseUser(db),
    regulator: await regulatorUser(db),
    admin: sessionUserOf(await createUser(db, "ADMIN")),
  };
  for (const [party, user] of Object.entries(users)) cookies[party as Party] = await sessionCookie(user.id);
});

afterAll(() => rmSync(uploads, { recursive: true, force: true }));

describe("project documents for bidders (项目资料)", () => {
  let attachmentId: string;
  let documentId: string;

  it("the owner attaches several files to its draft at once, with an audited description", async () => {
    const o = await post(
      draftId,
      { intent: "attach", description: "项目红线图及现场照片" },
      { files: [pdf("红线图.pdf"), pdf("现场照片.pdf")] },
      "owner",
    );
    expect(o.status).toBe(302);
    expect(o.location).toBe(`/requests/${draftId}?files=attach#files`);
    const rows = await db.requestAttachment.findMany({ where: { requestId: draftId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.description)).toEqual(["项目红线图及现场照片", "项目红线图及现场照片"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: draftId, event: "ATTACH_DOCUMENTS" } });
    expect((event.payload as { files: { documentId: string }[] }).files.map((f) => f.documentId).sort()).toEqual(
      rows.map((r) => r.documentId).sort(),
    );
    attachmentId = rows[0]!.id;
    documentId = rows[0]!.documentId;
  });

  it("refuses bad input at its field and stores nothing", async () => {
    const before = { rows: await db.requestAttachment.count(), docs: await db.document.count(), files: storedFiles() };
    const attach = (description: string, files: File[], party: Party = "owner") =>
      post(draftId, js({ intent: "attach", description }), { files }, party);
    await expectRefusal(attach("说明", [text("说明.pdf")]), 415, "agencyProfile.errors.fileType", "files");
    await expectRefusal(
      attach("说明", [new File([new Uint8Array(5 * 1024 * 1024 + 1)], "大.pdf")]),
      413,
      "agencyProfile.errors.fileTooLarge",
      "files",
    );
    // Two are held: four more would make six of five.
    await expectRefusal(
      attach(
        "说明",
        [1, 2, 3, 4].map((i) => pdf(`${i}.pdf`)),
      ),
      400,
      "contractFiles.errors.tooManyFiles",
      "files",
    );
    await expectRefusal(attach("说明", []), 400, "award.errors.fileRequired", "files");
    await expectRefusal(attach("  ", [pdf("a.pdf")]), 400, "errors.required", "description");
    // The fair-competition review reads the description like the request's other texts.
    const unfair = await attach("仅限本区注册的中介机构下载", [pdf("a.pdf")]);
    expect(unfair.status).toBe(422);
    expect(String((unfair.data!.fieldErrors as Record<string, string[]>).description?.[0])).toMatch(/^requests\.errors\.unfair/);
    // Who: another enterprise (its ownership), an agency (its role), nobody signed in (login).
    await expectRefusal(attach("说明", [pdf("a.pdf")], "otherEnterprise"), 403, "requests.errors.ownerOnly");
    for (const party of ["winner", "regulator", "admin"] as const)
      await expectRefusal(attach("说明", [pdf("a.pdf")], party), 403, "requests.errors.ownerOnly");
    expect((await attach("说明", [pdf("a.pdf")], "anonymous")).status).toBe(302);
    expect({ rows: await db.requestAttachment.count(), docs: await db.document.count(), files: storedFiles() }).toEqual(before);
  });

  it("a draft's documents are as private as the draft; once published anyone reads them", async () => {
    expect(await matrix((p) => asAttachment(draftId, attachmentId, p))).toEqual({
      anonymous: "404",
      owner: "红线图.pdf",
      winner: "404",
      loser: "404",
      otherEnterprise: "404",
      regulator: "404",
      admin: "404",
    });
    await publishRequest(db, owner, draftId);
    const all = Object.fromEntries(PARTIES.map((p) => [p, "红线图.pdf"]));
    expect(await matrix((p) => asAttachment(draftId, attachmentId, p))).toEqual(all);
    // /documents/:id agrees for the signed-in (and sends the anonymous to log in).
    expect(await matrix((p) => asDocument(documentId, p))).toEqual({ ...all, anonymous: "login" });
    // Not reachable as another request's attachment.
    expect(await seen(asAttachment(servingId, attachmentId, "owner"))).toBe("404");
    const page = await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${draftId}`), { id: draftId })));
    const files = (page.data as { files: { attachments: { description: string; url: string }[] } }).files;
    expect(files.attachments.map((a) => a.url)).toContain(`/requests/${draftId}/attachments/${attachmentId}`);
  });

  it("a published request's documents no longer change", async () => {
    await expectRefusal(
      post(draftId, js({ intent: "attach", description: "补充" }), { files: [pdf("补充.pdf")] }, "owner"),
      409,
      "contractFiles.errors.notDraft",
      "files",
    );
    await expectRefusal(post(draftId, js({ intent: "unattach", attachmentId }), {}, "owner"), 409, "contractFiles.errors.notDraft");
  });

  it("doubtful wording in a description holds the request for review at publication, flagged on that field", async () => {
    const draft = (await postServiceRequest(db, owner, requestForm({ intent: "draft" }))).id;
    const o = await post(
      draft,
      { intent: "attach", description: "投标人须与上海市有长期合作关系。" },
      { files: [pdf("要求.pdf")] },
      "owner",
    );
    expect(o.status).toBe(302);
    expect(await publishRequest(db, owner, draft)).toBe("FAIRNESS_REVIEW");
    const review = await db.fairnessReview.findFirstOrThrow({ where: { requestId: draft } });
    expect((review.hits as { field: string }[]).map((h) => h.field)).toContain("attachments");
  });

  it("the owner removes a document from a draft: row, file and document gone, audited", async () => {
    const draft = (await postServiceRequest(db, owner, requestForm({ intent: "draft" }))).id;
    expect((await post(draft, { intent: "attach", description: "错传的文件" }, { files: [pdf("错传.pdf")] }, "owner")).status).toBe(302);
    const a = await db.requestAttachment.findFirstOrThrow({ where: { requestId: draft } });
    const files = storedFiles();
    await expectRefusal(
      post(draft, js({ intent: "unattach", attachmentId: a.id }), {}, "otherEnterprise"),
      403,
      "requests.errors.ownerOnly",
    );
    expect((await post(draft, { intent: "unattach", attachmentId: a.id }, {}, "owner")).status).toBe(302);
    expect(await db.requestAttachment.count({ where: { requestId: draft } })).toBe(0);
    expect(await db.document.count({ where: { id: a.documentId } })).toBe(0);
    expect(storedFiles()).toBe(files - 1);
    expect(await db.auditEvent.count({ where: { aggregateId: draft, event: "REMOVE_ATTACHMENT" } })).toBe(1);
  });
});

describe("objection evidence", () => {
  it("refuses more than three files and files nothing", async () => {
    const files = [1, 2, 3, 4].map((i) => pdf(`${i}.pdf`));
    await expectRefusal(
      post(publicityId, js({ intent: "object", reason: "评审有误" }), { evidence: files }, "loser"),
      400,
      "contractFiles.errors.tooManyFiles",
      "evidence",
    );
    await expectRefusal(
      post(publicityId, js({ intent: "object", reason: "评审有误" }), { evidence: [text("x.pdf")] }, "loser"),
      415,
      "agencyProfile.errors.fileType",
      "evidence",
    );
    expect(await db.objection.count({ where: { requestId: publicityId } })).toBe(0);
  });

  it("goes with the objection; the objector and regulators read it by name, the enterprise under a neutral name, no one else", async () => {
    const o = await post(publicityId, { intent: "object", reason: "中选机构资质已过期" }, { evidence: [pdf("资质查询截图.pdf")] }, "loser");
    expect(o.status).toBe(302);
    const objection = await db.objection.findFirstOrThrow({ where: { requestId: publicityId } });
    const [e] = await db.objectionEvidence.findMany({ where: { objectionId: objection.id } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: publicityId, event: "OBJECTION_FILED" } });
    expect((event.payload as { evidence: { documentId: string }[] }).evidence[0]!.documentId).toBe(e!.documentId);
    expect(await matrix((p) => asDocument(e!.documentId, p))).toEqual({
      anonymous: "login",
      owner: "evidence.pdf",
      winner: "403",
      loser: "资质查询截图.pdf",
      otherEnterprise: "403",
      regulator: "资质查询截图.pdf",
      admin: "403",
    });
  });
});

describe("contract record (合同备案)", () => {
  let today: string;
  const record = (fields: Record<string, string>, files: File[] = [pdf("合同.pdf")], party: Party = "owner", id = servingId) =>
    post(
      id,
      js({ intent: "record", amount: "69000", signedOn: today, startsOn: today, endsOn: today, ...fields }),
      { document: files },
      party,
    );

  beforeAll(async () => {
    today = formatDate(await dbNow(db));
  });

  it("refuses bad input at its field, other parties and the wrong stage, leaving nothing behind", async () => {
    const before = { docs: await db.document.count(), files: storedFiles(), announcements: await db.announcement.count() };
    await expectRefusal(record({ amount: "六万" }), 400, "contractFiles.errors.amount", "amount");
    await expectRefusal(record({ signedOn: "2026-02-30" }), 400, "contractFiles.errors.date", "signedOn");
    await expectRefusal(record({ startsOn: "2031-06-30", endsOn: "2031-06-01" }), 400, "contractFiles.errors.datesInverted", "endsOn");
    await expectRefusal(record({}, []), 400, "award.errors.fileRequired", "document");
    await expectRefusal(record({}, [text("合同.pdf")]), 415, "agencyProfile.errors.fileType", "document");
    await expectRefusal(record({}, [pdf("一.pdf"), pdf("二.pdf")]), 400, "contractFiles.errors.tooManyFiles", "document");
    // The winning bid was 70 000 yuan: the contract cannot raise it.
    const above = await expectRefusal(record({ amount: "70000.01" }), 422, "contractFiles.errors.aboveAward", "amount");
    expect(above.data!.params).toEqual({ amount: "¥70,000.00" });
    const nextYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
    await expectRefusal(
      record({ signedOn: nextYear, startsOn: nextYear, endsOn: nextYear }),
      422,
      "contractFiles.errors.signedInFuture",
      "signedOn",
    );
    for (const party of ["winner", "loser", "regulator", "admin"] as const)
      await expectRefusal(record({}, undefined, party), 403, "requests.errors.ownerOnly");
    expect((await record({}, undefined, "anonymous")).location).toMatch(/^\/login\?redirectTo=/);
    await expectRefusal(record({}, undefined, "otherEnterprise"), 403, "requests.errors.ownerOnly");
    await expectRefusal(record({}, undefined, "owner", publicityId), 409, "contractFiles.errors.notSigned");
    expect({ docs: await db.document.count(), files: storedFiles(), announcements: await db.announcement.count() }).toEqual(before);
    expect(await db.contractRecord.count()).toBe(0);
  });

  it("records the contract once: announced with its amount and dates, audited, the file read by the parties and regulators", async () => {
    const o = await record({ amount: "68000.50", endsOn: "2099-12-31" });
    expect(o.status).toBe(302);
    expect(o.location).toBe(`/requests/${servingId}?files=record#contract-record`);
    const c = await db.contractRecord.findUniqueOrThrow({ where: { requestId: servingId } });
    expect(c.amountFen).toBe(6_800_050n);
    const ann = await db.announcement.findFirstOrThrow({ where: { kind: "CONTRACT_RECORD", entityId: servingId } });
    expect(ann.body).toContain("合同金额：¥68,000.50");
    expect(ann.body).toContain(`履行期限：${today} 至 2099-12-31`);
    expect(ann.data).toMatchObject({ amountFen: "6800050", signedOn: today, startsOn: today, endsOn: "2099-12-31", v: 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: servingId, event: "RECORD_CONTRACT" } });
    expect(event.payload).toMatchObject({ documentId: c.documentId, amountFen: "6800050" });
    expect(await db.notification.count({ where: { kind: "CONTRACT_RECORDED" } })).toBe(1);
    expect(await matrix((p) => asDocument(c.documentId, p))).toEqual({
      anonymous: "login",
      owner: "合同.pdf",
      winner: "合同.pdf",
      loser: "403",
      otherEnterprise: "403",
      regulator: "合同.pdf",
      admin: "403",
    });
    // The public page shows the facts, not the file.
    const page = await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${servingId}`), { id: servingId })));
    const contract = (page.data as { files: { contract: Record<string, unknown> } }).files.contract;
    expect(contract).toMatchObject({ amountFen: "6800050", signedOn: today, endsOn: "2099-12-31", file: null });
    await expectRefusal(record({}), 409, "contractFiles.errors.alreadyRecorded");
  });

  it("is open data in the public API: parties, amount and dates, never the file (validated against the OpenAPI document)", async () => {
    const body = await apiGetRequest(servingId);
    const c = (body as { data: { contract: Record<string, unknown> } }).data.contract;
    const winner = await db.bid.findFirstOrThrow({ where: { requestId: servingId, status: "WON" }, select: { agencyId: true } });
    expect(c).toMatchObject({
      amountFen: "6800050",
      signedOn: today,
      startsOn: today,
      endsOn: "2099-12-31",
      agency: { id: winner.agencyId },
    });
    expect(typeof c.enterpriseName).toBe("string");
    const record = await db.contractRecord.findUniqueOrThrow({ where: { requestId: servingId } });
    expect(JSON.stringify(body)).not.toContain(record.documentId);
    expect(JSON.stringify(body)).not.toContain("合同.pdf");
  });
});

describe("amending the contract record (合同备案变更)", () => {
  let today: string;
  let recordedDocId: string;
  const amend = (fields: Record<string, string>, files: File[] = [], party: Party = "owner", id = servingId) =>
    post(
      id,
      js({
        intent: "amend",
        amount: "67000",
        signedOn: today,
        startsOn: today,
        endsOn: "2099-12-31",
        reason: "补充协议：调减合同金额",
        ...fields,
      }),
      { document: files },
      party,
    );

  beforeAll(async () => {
    today = formatDate(await dbNow(db));
    recordedDocId = (await db.contractRecord.findUniqueOrThrow({ where: { requestId: servingId } })).documentId;
  });

  it("refuses other parties, an unrecorded contract, a missing reason, no change and bad facts, each by its key, leaving nothing", async () => {
    const before = { docs: await db.document.count(), files: storedFiles(), announcements: await db.announcement.count() };
    for (const party of ["winner", "loser", "regulator", "admin", "otherEnterprise"] as const)
      await expectRefusal(amend({}, [], party), 403, "requests.errors.ownerOnly");
    expect((await amend({}, [], "anonymous")).location).toMatch(/^\/login\?redirectTo=/);
    await expectRefusal(amend({}, [], "owner", publicityId), 409, "contractFiles.errors.notRecorded");
    await expectRefusal(amend({ reason: "  " }), 400, "errors.required", "reason");
    await expectRefusal(amend({ reason: "理".repeat(501) }), 400, "contractFiles.errors.reasonTooLong", "reason");
    // The facts as recorded (68 000.50, to 2099-12-31) and no new file: nothing to amend.
    await expectRefusal(amend({ amount: "68000.50" }), 422, "contractFiles.errors.nothingChanged", "amount");
    await expectRefusal(amend({ amount: "70000.01" }), 422, "contractFiles.errors.aboveAward", "amount");
    await expectRefusal(amend({ startsOn: "2099-12-31", endsOn: "2099-01-01" }), 400, "contractFiles.errors.datesInverted", "endsOn");
    const nextYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
    await expectRefusal(amend({ signedOn: nextYear, startsOn: nextYear }), 422, "contractFiles.errors.signedInFuture", "signedOn");
    await expectRefusal(amend({}, [text("新合同.pdf")]), 415, "agencyProfile.errors.fileType", "document");
    await expectRefusal(amend({}, [pdf("一.pdf"), pdf("二.pdf")]), 400, "contractFiles.errors.tooManyFiles", "document");
    expect({ docs: await db.document.count(), files: storedFiles(), announcements: await db.announcement.count() }).toEqual(before);
    expect(await db.contractAmendment.count()).toBe(0);
  });

  it("keeps the record, announces the change with before and after, audits it; the parties read both files; the API and OCDS show it", async () => {
    const o = await amend({}, [pdf("补充协议.pdf")]);
    expect(o.status).toBe(302);
    expect(o.location).toBe(`/requests/${servingId}?files=amend#contract-record`);
    const record = await db.contractRecord.findUniqueOrThrow({ where: { requestId: servingId } });
    expect(record.amountFen).toBe(6_800_050n); // the record itself is never rewritten
    const a = await db.contractAmendment.findFirstOrThrow({ where: { requestId: servingId } });
    expect(a).toMatchObject({ amountFen: 6_700_000n, reason: "补充协议：调减合同金额" });
    const ann = await db.announcement.findFirstOrThrow({ where: { kind: "CONTRACT_AMENDMENT", entityId: servingId } });
    expect(ann.body).toContain("合同金额：¥67,000.00（变更前 ¥68,000.50）");
    expect(ann.body).toContain("变更理由：补充协议：调减合同金额");
    expect(ann.data).toMatchObject({ amountFen: "6700000", previousAmountFen: "6800050", newFile: true, v: 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: servingId, event: "AMEND_CONTRACT" } });
    expect(event).toMatchObject({ fromState: "IN_SERVICE", toState: "IN_SERVICE" });
    expect(event.payload).toMatchObject({ amendmentId: a.id, documentId: a.documentId, previousAmountFen: "6800050" });
    expect(await db.notification.count({ where: { kind: "CONTRACT_AMENDED" } })).toBe(1);
    // Both files stay, for the same readers.
    for (const docId of [recordedDocId, a.documentId!])
      expect(Object.values(await matrix((p) => asDocument(docId, p)))).toEqual([
        "login",
        expect.any(String),
        expect.any(String),
        "403",
        "403",
        expect.any(String),
        "403",
      ]);
    // The page: the facts now and the history, to everyone; the files only to the parties and regulators.
    type Files = {
      contract: { amountFen: string; history: { kind: string; reason: string | null; file: unknown }[] };
      can: { amend: boolean };
    };
    const pageAs = async (party: Party) =>
      (
        (await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${servingId}`, cookies[party]), { id: servingId })))).data as {
          files: Files;
        }
      ).files;
    const anon = await pageAs("anonymous");
    expect(anon.contract.amountFen).toBe("6700000");
    expect(anon.contract.history.map((e) => [e.kind, e.reason, e.file])).toEqual([
      ["record", null, null],
      ["amendment", "补充协议：调减合同金额", null],
    ]);
    expect(anon.can.amend).toBe(false);
    const regulatorView = await pageAs("regulator");
    expect(regulatorView.contract.history.map((e) => e.file !== null)).toEqual([true, true]);
    expect((await pageAs("owner")).can.amend).toBe(true);
    expect((await pageAs("winner")).can.amend).toBe(false);
    // The API: the facts now, the original, the amendment with its reason; no file.
    const body = await apiGetRequest(servingId);
    const c = (body as { data: { contract: Record<string, unknown> } }).data.contract;
    expect(c).toMatchObject({
      amountFen: "6700000",
      original: { amountFen: "6800050" },
      amendments: [{ amountFen: "6700000", reason: "补充协议：调减合同金额", newFile: true }],
    });
    expect(JSON.stringify(body)).not.toContain(a.documentId!);
    // OCDS: a contractAmendment release with the reason; the file is not in it.
    const { code } = await db.serviceRequest.findUniqueOrThrow({ where: { id: servingId }, select: { code: true } });
    const ocds = await recordPackage(db, ocidOf(code), BASE);
    const rec = ocds!.records[0]!;
    expect(rec.releases.at(-1)!.tag).toEqual(["contractAmendment"]);
    expect(JSON.stringify(rec.compiledRelease)).toContain("补充协议：调减合同金额");
    expect(JSON.stringify(ocds)).not.toContain(a.documentId!);
    // A second amendment without a new file is fine too (the file stays).
    expect((await amend({ amount: "66000", reason: "更正笔误" })).status).toBe(302);
    expect(await db.contractAmendment.count({ where: { requestId: servingId, documentId: null } })).toBe(1);
  });

  it("after the delivery is accepted (COMPLETED) the record is final: amending is a translated 409 at the form, with or without JavaScript", async () => {
    expect((await post(servingId, js({ intent: "deliver", note: "成果报告" }), { document: [pdf("成果报告.pdf")] }, "winner")).status).toBe(
      302,
    );
    expect((await post(servingId, js({ intent: "accept" }), {}, "owner")).status).toBe(302);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: servingId } })).status).toBe("COMPLETED");
    const before = { amendments: await db.contractAmendment.count(), announcements: await db.announcement.count(), files: storedFiles() };
    // With JavaScript the panel's fetcher gets the refusal as data; without, the award route's error page shows it.
    await expectRefusal(
      amend({ amount: "65000", reason: "验收后补记" }, [pdf("补充协议二.pdf")]),
      409,
      "contractFiles.errors.notAmendable",
    );
    const plain = await post(
      servingId,
      { intent: "amend", amount: "65000", signedOn: today, startsOn: today, endsOn: "2099-12-31", reason: "验收后补记" },
      { document: [] },
      "owner",
    );
    await expectRefusal(plain, 409, "contractFiles.errors.notAmendable");
    // The form's answer says it in both languages; the other parties are still refused as before (403, not 409).
    expect(zh.contractFiles.errors.notAmendable).toBe("服务已结束，合同备案不能再变更");
    expect(en.contractFiles.errors.notAmendable).toMatch(/can no longer be amended/);
    await expectRefusal(amend({}, [], "winner"), 403, "requests.errors.ownerOnly");
    expect({ amendments: await db.contractAmendment.count(), announcements: await db.announcement.count(), files: storedFiles() }).toEqual(
      before,
    );
    // The request page no longer offers the form.
    const page = await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${servingId}`, cookies.owner), { id: servingId })));
    expect((page.data as { files: { can: { amend: boolean } } }).files.can.amend).toBe(false);
  });
});

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const apiDoc = openApiDocument(BASE);
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
ajv.addSchema({ $id: "https://api.test/openapi.json", components: apiDoc.components });
const validateRequestResponse = ajv.compile({ $ref: "https://api.test/openapi.json#/components/schemas/RequestResponse" });

/** GET /api/v1/requests/:id as a program calls it; the body must match the OpenAPI document. */
async function apiGetRequest(id: string) {
  const context = new RouterContextProvider();
  context.set(clientIpContext, "203.0.113.40");
  const response = await apiRequestLoader({ request: new Request(`${BASE}/api/v1/requests/${id}`), params: { id }, context } as never);
  expect(response.status).toBe(200);
  const body = (await response.json()) as unknown;
  expect(validateRequestResponse(body) ? [] : validateRequestResponse.errors).toEqual([]);
  return body;
}
