import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-cases-routes-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { rmSync } from "node:fs";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { action as caseAction, loader as caseLoader } from "~/routes/cases.$id";
import { loader as casesLoader } from "~/routes/cases";
import { action as newAction, loader as newLoader } from "~/routes/cases.new";
import { loader as documentLoader } from "~/routes/documents.$id";
import { seedCatalogue } from "../../seeds/seed";
import { caseUnderReview, expireNotice, pdf, PDF_BYTES, regulatorUser } from "../support/cases";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, listedAgencies, sessionUserOf } from "../support/requests";

const BASE = "http://localhost:3000";

function multipart(path: string, fields: Record<string, string>, files: File[], cookie?: string): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("evidence", f);
  return new Request(BASE + path, { method: "POST", headers: { Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) }, body: form });
}

let db: Db;
let reg: SessionUser;
let regCookie: string;
let agencyA: { user: SessionUser; agencyId: string; cookie: string };
let agencyB: { user: SessionUser; agencyId: string; cookie: string };
let complainant: SessionUser;
let complainantCookie: string;
let strangerCookie: string;
let adminCookie: string;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  reg = await regulatorUser(db);
  regCookie = await sessionCookie(reg.id);
  const [a, b] = await listedAgencies(db, 2);
  agencyA = { ...a!, cookie: await sessionCookie(a!.user.id) };
  agencyB = { ...b!, cookie: await sessionCookie(b!.user.id) };
  complainant = await enterpriseUser(db);
  await db.user.update({ where: { id: complainant.id }, data: { name: "王举报", email: "wang.jubao@example.cn" } });
  complainant = { ...complainant, name: "王举报", email: "wang.jubao@example.cn" };
  complainantCookie = await sessionCookie(complainant.id);
  strangerCookie = await sessionCookie((await enterpriseUser(db)).id);
  adminCookie = await sessionCookie(sessionUserOf(await createUser(db, "ADMIN")).id);
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

const newPath = (agencyId: string) => `/cases/new?agency=${agencyId}`;
const fileVia = (agencyId: string, fields: Record<string, string>, files: File[], cookie?: string) =>
  outcome(() => newAction(routeArgs(multipart(newPath(agencyId), fields, files, cookie))));
const caseGet = (id: string, cookie?: string) => outcome(() => caseLoader(routeArgs(getRequest(`/cases/${id}`, cookie), { id })));
const casePost = (id: string, fields: Record<string, string>, cookie?: string) =>
  outcome(() => caseAction(routeArgs(postRequest(`/cases/${id}`, fields, cookie), { id })));
const listGet = (query: string, cookie?: string) => outcome(() => casesLoader(routeArgs(getRequest(`/cases${query}`, cookie))));

describe("/cases/new", () => {
  it("needs a login; shows the agency; refuses the agency's own users (403) and unknown agencies (404)", async () => {
    const anon = await outcome(() => newLoader(routeArgs(getRequest(newPath(agencyA.agencyId)))));
    expect(anon.status).toBe(302);
    expect(anon.location).toContain("/login?redirectTo=");
    const ok = await outcome(() => newLoader(routeArgs(getRequest(newPath(agencyA.agencyId), complainantCookie))));
    expect(ok.status).toBe(200);
    expect(ok.data).toMatchObject({ agency: { id: agencyA.agencyId, name: expect.any(String) }, ownAgency: false });
    const own = await outcome(() => newLoader(routeArgs(getRequest(newPath(agencyA.agencyId), agencyA.cookie))));
    expect(own).toMatchObject({ status: 403, data: { agency: null, ownAgency: true } }); // the "not against your own agency" page
    await expectRefusal(
      outcome(() => newLoader(routeArgs(getRequest(newPath("nope"), complainantCookie)))),
      404,
      "Not Found",
    );
    await expectRefusal(fileVia(agencyA.agencyId, { subject: "x", description: "y" }, [], agencyA.cookie), 403, "cases.errors.ownAgency");
  });

  it("files a complaint with evidence and redirects to the case; bad input is a 4xx next to the field, with the input kept", async () => {
    const filed = await fileVia(
      agencyA.agencyId,
      { agencyId: agencyA.agencyId, subject: "报告造假", description: "数据与现场不符" },
      [pdf("王举报-现场照片.pdf")],
      complainantCookie,
    );
    expect(filed.status).toBe(302);
    expect(filed.location).toMatch(/^\/cases\/[0-9a-f-]+\?done=filed$/);

    const empty = await fileVia(agencyA.agencyId, { agencyId: agencyA.agencyId, subject: " ", description: "经过" }, [], complainantCookie);
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ fieldErrors: { subject: ["errors.required"] }, values: { description: "经过" } });
    const long = await fileVia(
      agencyA.agencyId,
      { agencyId: agencyA.agencyId, subject: "标".repeat(101), description: "经过" },
      [],
      complainantCookie,
    );
    expect(long.status).toBe(400);
    expect(long.data).toMatchObject({ fieldErrors: { subject: ["errors.tooLong"] } });
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], "a.pdf", { type: "application/pdf" });
    const badFile = await fileVia(
      agencyA.agencyId,
      { agencyId: agencyA.agencyId, subject: "事项", description: "经过" },
      [exe],
      complainantCookie,
    );
    expect(badFile.status).toBe(400);
    expect(badFile.data).toMatchObject({ fieldErrors: { evidence: ["agencyProfile.errors.fileType"] }, values: { subject: "事项" } });
    const six = await fileVia(
      agencyA.agencyId,
      { agencyId: agencyA.agencyId, subject: "事项", description: "经过" },
      Array.from({ length: 6 }, () => pdf()),
      complainantCookie,
    );
    expect(six.status).toBe(400);
    expect(six.data).toMatchObject({ fieldErrors: { evidence: ["cases.errors.tooManyFiles"] } });
    const big = new File([PDF_BYTES, new Uint8Array(5 * 1024 * 1024)], "big.pdf", { type: "application/pdf" });
    const tooBig = await fileVia(
      agencyA.agencyId,
      { agencyId: agencyA.agencyId, subject: "事项", description: "经过" },
      [big],
      complainantCookie,
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.data).toMatchObject({ fieldErrors: { evidence: ["agencyProfile.errors.fileTooLarge"] } });
  });
});

describe("/cases and /cases/:id: who sees what", () => {
  it("the regulator sees every case with a status filter; an agency sees the cases against it, not others'; a stranger sees none and gets 404", async () => {
    const onA = await caseUnderReview(db, reg, agencyA.agencyId, complainant);
    const onB = await caseUnderReview(db, reg, agencyB.agencyId, complainant);

    const all = await listGet("", regCookie);
    const ids = (all.data!.cases as { id: string }[]).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([onA.id, onB.id]));
    const queue = await listGet("?status=UNDER_REVIEW", regCookie);
    expect((queue.data!.cases as { status: string }[]).every((c) => c.status === "UNDER_REVIEW")).toBe(true);
    expect((await listGet("?status=APPEAL", regCookie)).data!.cases).toEqual([]);
    const bogus = await listGet("?status=DROP%20TABLE&page=abc", regCookie);
    expect(bogus.status).toBe(200);
    expect((bogus.data!.cases as unknown[]).length).toBe(ids.length);

    const forA = await listGet("", agencyA.cookie);
    const seenByA = forA.data!.cases as { id: string; agencyId: string; relation: string }[];
    expect(seenByA.map((c) => c.id)).toContain(onA.id);
    expect(seenByA.map((c) => c.id)).not.toContain(onB.id);
    expect(seenByA.every((c) => c.agencyId === agencyA.agencyId && c.relation === "against")).toBe(true);
    expect((await listGet("", agencyB.cookie)).data!.cases).toEqual([expect.objectContaining({ id: onB.id })]);
    expect(JSON.stringify(forA.data)).not.toContain(complainant.id);
    const forComplainant = await listGet("", complainantCookie);
    expect((forComplainant.data!.cases as { id: string }[]).map((c) => c.id)).toEqual(expect.arrayContaining([onA.id, onB.id]));
    expect((await listGet("", strangerCookie)).data!.cases).toEqual([]);
    expect((await listGet("")).status).toBe(302);

    // Detail: readers only.
    expect((await caseGet(onA.id, regCookie)).status).toBe(200);
    expect((await caseGet(onA.id, complainantCookie)).status).toBe(200);
    expect((await caseGet(onA.id, agencyA.cookie)).status).toBe(200);
    await expectRefusal(caseGet(onA.id, agencyB.cookie), 404, "Not Found");
    await expectRefusal(caseGet(onA.id, strangerCookie), 404, "Not Found");
    await expectRefusal(caseGet(onA.id, adminCookie), 404, "Not Found");
    await expectRefusal(caseGet("no-such-case", regCookie), 404, "Not Found");
    await expectRefusal(casePost(onA.id, { intent: "appeal", reason: "x", version: "1" }, strangerCookie), 404, "Not Found");
  });

  it("the agency never receives the complainant's identity, not even in evidence file names; the regulator does; evidence is readable by the case's readers only", async () => {
    const filed = await fileVia(
      agencyA.agencyId,
      { agencyId: agencyA.agencyId, subject: "收费不规范", description: "超标准收费" },
      [pdf("王举报-收据.pdf")],
      complainantCookie,
    );
    const id = filed.location!.split("/")[2]!.split("?")[0]!;
    const complainantUser = await db.user.findUniqueOrThrow({ where: { id: complainant.id }, include: { organization: true } });

    const seenByAgency = await caseGet(id, agencyA.cookie);
    const json = JSON.stringify(seenByAgency.data);
    for (const secret of [
      complainant.id,
      complainant.name,
      complainant.email,
      complainantUser.organization!.name,
      complainantUser.organizationId!,
      "王举报",
    ]) {
      expect(json, `agency loader data contains ${secret}`).not.toContain(secret);
    }
    const view = seenByAgency.data!.c as {
      viewer: string;
      complainant: unknown;
      evidence: { id: string; name: string | null; index: number }[];
      can: Record<string, boolean>;
    };
    expect(view.viewer).toBe("agency");
    expect(view.complainant).toBeNull();
    expect(view.evidence).toEqual([expect.objectContaining({ name: null, index: 1 })]);
    expect(Object.values(view.can).every((v) => v === false)).toBe(true);

    const seenByRegulator = (await caseGet(id, regCookie)).data!.c as {
      complainant: { name: string; email: string };
      evidence: { name: string }[];
      can: Record<string, boolean>;
    };
    expect(seenByRegulator.complainant).toMatchObject({ name: "王举报", email: "wang.jubao@example.cn" });
    expect(seenByRegulator.evidence[0]!.name).toBe("王举报-收据.pdf");
    expect(seenByRegulator.can.startReview).toBe(true);

    // The evidence file: the agency may download it under a neutral name; another agency or a stranger may not.
    const docId = view.evidence[0]!.id;
    const get = (cookie: string) => outcome(() => documentLoader(routeArgs(getRequest(`/documents/${docId}`, cookie), { id: docId })));
    const forAgency = await get(agencyA.cookie);
    expect(forAgency.status).toBe(200);
    expect(forAgency.response!.headers.get("Content-Disposition")).toBe(
      `attachment; filename="evidence.pdf"; filename*=UTF-8''evidence.pdf`,
    );
    expect(Buffer.from(await forAgency.response!.arrayBuffer()).equals(Buffer.from(PDF_BYTES))).toBe(true);
    expect((await get(complainantCookie)).response!.headers.get("Content-Disposition")).toContain(encodeURIComponent("王举报-收据.pdf"));
    expect((await get(regCookie)).status).toBe(200);
    await expectRefusal(get(agencyB.cookie), 403, "Forbidden");
    await expectRefusal(get(strangerCookie), 403, "Forbidden");
  });
});

describe("/cases/:id actions", () => {
  it("decide: only regulators (403 otherwise); bad input is a 400 next to the field, never a 500; a stale page is a 409", async () => {
    const c = await caseUnderReview(db, reg, agencyA.agencyId, complainant);
    const good = {
      intent: "decide",
      version: String(c.version),
      decision: "SUSPENSION",
      reason: "出具虚假报告",
      legalBasis: "《办法》第二十条",
      evidence: "复核记录",
      days: "30",
      years: "",
      points: "",
    };

    await expectRefusal(casePost(c.id, good, complainantCookie), 403, "errors.regulatorOnly");
    await expectRefusal(casePost(c.id, good, agencyA.cookie), 403, "errors.regulatorOnly");
    expect((await casePost(c.id, good)).status).toBe(302);

    const bad: [Record<string, string>, string, string][] = [
      [{ reason: "" }, "reason", "errors.required"],
      [{ legalBasis: "" }, "legalBasis", "cases.errors.legalBasisRequired"],
      [{ evidence: " " }, "evidence", "cases.errors.evidenceRequired"],
      [{ days: "0" }, "days", "cases.errors.daysRange"],
      [{ days: "400" }, "days", "cases.errors.daysRange"],
      [{ days: "" }, "days", "cases.errors.daysRequired"],
      [{ days: "abc" }, "days", "cases.errors.integer"],
      [{ days: "2.5" }, "days", "cases.errors.integer"],
      [{ decision: "FINE" }, "decision", "errors.invalidChoice"],
      [{ decision: "BLACKLIST", years: "11" }, "years", "cases.errors.yearsRange"],
      [{ decision: "CREDIT_DEDUCTION", points: "" }, "points", "cases.errors.pointsRequired"],
    ];
    for (const [override, field, key] of bad) {
      const r = await casePost(c.id, { ...good, ...override }, regCookie);
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect((r.data!.fieldErrors as Record<string, string[]>)[field], JSON.stringify(override)).toContain(key);
      expect(r.data!.values).toMatchObject({ reason: override.reason ?? good.reason });
    }
    await expectRefusal(casePost(c.id, { intent: "explode" }, regCookie), 400, "errors.unknownIntent");
    expect(await db.sanction.count({ where: { caseId: c.id } })).toBe(0);

    // A suspension needs its prior notice first (decision 033): issued here, its period then run out.
    await expectRefusal(casePost(c.id, good, regCookie), 422, "cases.errors.noticeFirst", "decision");
    expect((await casePost(c.id, { ...good, intent: "notice" }, regCookie)).location).toBe(`/cases/${c.id}?done=notice`);
    await expireNotice(db, c.id);
    good.version = String(c.version + 1);
    const done = await casePost(c.id, good, regCookie);
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/cases/${c.id}?done=decide`);
    const stale = await casePost(c.id, good, regCookie);
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ formError: "cases.errors.conflict" });
    expect(await db.sanction.count({ where: { caseId: c.id } })).toBe(1);

    // The agency now sees the appeal form; appealing through the route.
    const agencyView = (await caseGet(c.id, agencyA.cookie)).data!.c as { can: { appeal: boolean }; version: number };
    expect(agencyView.can.appeal).toBe(true);
    await expectRefusal(
      casePost(c.id, { intent: "appeal", version: String(agencyView.version), reason: "" }, agencyA.cookie),
      400,
      "errors.required",
      "reason",
    );
    await expectRefusal(
      casePost(c.id, { intent: "appeal", version: String(agencyView.version), reason: "事实不清" }, complainantCookie),
      403,
      "cases.errors.agencyOnly",
    );
    const appealed = await casePost(c.id, { intent: "appeal", version: String(agencyView.version), reason: "事实不清" }, agencyA.cookie);
    expect(appealed.location).toBe(`/cases/${c.id}?done=appeal`);
    const regView = (await caseGet(c.id, regCookie)).data!.c as { can: { decideAppeal: boolean }; version: number };
    expect(regView.can.decideAppeal).toBe(true);
    const badOutcome = await casePost(
      c.id,
      { intent: "decide-appeal", version: String(regView.version), outcome: "MAYBE", reason: "x" },
      regCookie,
    );
    expect(badOutcome.status).toBe(400);
    expect(badOutcome.data).toMatchObject({ fieldErrors: { outcome: ["errors.invalidChoice"] } });
    await expectRefusal(
      casePost(c.id, { intent: "decide-appeal", version: String(regView.version), outcome: "REVOKED", reason: "撤销" }, agencyA.cookie),
      403,
      "errors.regulatorOnly",
    );
    const revoked = await casePost(
      c.id,
      { intent: "decide-appeal", version: String(regView.version), outcome: "REVOKED", reason: "证据不足，撤销原决定" },
      regCookie,
    );
    expect(revoked.location).toBe(`/cases/${c.id}?done=decideAppeal`);
    const final = (await caseGet(c.id, complainantCookie)).data!.c as {
      status: string;
      appeal: { outcome: string };
      sanctions: { revokedReason: string }[];
    };
    expect(final).toMatchObject({
      status: "FINAL",
      appeal: { outcome: "REVOKED" },
      sanctions: [{ revokedReason: "证据不足，撤销原决定" }],
    });
    expect((await db.agency.findUniqueOrThrow({ where: { id: agencyA.agencyId } })).status).toBe("LISTED");
  });

  it("start review through the route, with the version check", async () => {
    const filed = await fileVia(
      agencyB.agencyId,
      { agencyId: agencyB.agencyId, subject: "事项", description: "经过" },
      [],
      complainantCookie,
    );
    const id = filed.location!.split("/")[2]!.split("?")[0]!;
    await expectRefusal(casePost(id, { intent: "start-review", version: "0" }, agencyB.cookie), 403, "errors.regulatorOnly");
    await expectRefusal(casePost(id, { intent: "start-review", version: "7" }, regCookie), 409, "cases.errors.conflict");
    await expectRefusal(casePost(id, { intent: "start-review", version: "x" }, regCookie), 409, "cases.errors.conflict");
    expect((await casePost(id, { intent: "start-review", version: "0" }, regCookie)).location).toBe(`/cases/${id}?done=startReview`);
    expect(((await caseGet(id, regCookie)).data!.c as { status: string }).status).toBe("UNDER_REVIEW");
  });
});
