import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file (delivered reports), set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-practitioners-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { rmSync } from "node:fs";
import { getDb, type Db } from "~/db/client.server";
import { makeResidentId, maskResidentId, validateResidentId } from "~/lib/resident-id";
import type { SessionUser } from "~/lib/session.server";
import { loader as agencyPageLoader } from "~/routes/agencies.$id";
import { action as profileAction, loader as profileLoader } from "~/routes/agency.profile";
import { loader as creditLoader } from "~/routes/credit";
import { loader as creditJsonLoader } from "~/routes/credit.json";
import { loader as apiSanctionsLoader } from "~/routes/api.v1.credit.practitioner-sanctions";
import { loader as apiAgencyLoader } from "~/routes/api.v1.agencies.$id";
import { action as objectAction, loader as objectLoader } from "~/routes/agency.practitioner-sanctions";
import { RouterContextProvider } from "react-router";
import { clientIpContext } from "~/context";
import { action as detailAction, loader as detailLoader } from "~/routes/regulator.practitioners.$id";
import { action as searchAction, loader as searchLoader } from "~/routes/regulator.practitioners";
import { addPractitioner, removePractitioner } from "~/services/agencies/profile.server";
import { deliverResult } from "~/services/requests/award.server";
import { seedCatalogue } from "../../seeds/seed";
import { regulatorUser } from "../support/cases";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest, routeArgs, sessionCookie } from "../support/http";
import { inServiceRequest, pdf } from "../support/ratings";
import { enterpriseUser, listedAgencies, sessionUserOf } from "../support/requests";

// Fictitious numbers with valid check characters (GB 11643: 11010519491231002X is the standard's own example).
const LI = makeResidentId("31010719850921018"); // blacklisted, follows her from agency A to B
const WANG = makeResidentId("32010219850612345"); // suspended, cannot sign
const ZHAO = makeResidentId("44030419900315123"); // clean, signs
const WRONG_CHECK = LI.slice(0, 17) + (LI[17] === "1" ? "2" : "1");

let db: Db;
let regulator: SessionUser;
let regCookie: string;
let agencies: { user: SessionUser; agencyId: string; cookie: string }[] = [];
let enterpriseCookie: string;
let adminCookie: string;
let served: Awaited<ReturnType<typeof inServiceRequest>>;

const actor = (a: { user: SessionUser }) => ({ userId: a.user.id, orgId: a.user.organizationId! });
const profilePost = (fields: Record<string, string>, cookie: string) =>
  outcome(() => profileAction(routeArgs(postRequest("/agency/profile", fields, cookie))));
const searchGet = (cookie?: string) => outcome(() => searchLoader(routeArgs(getRequest("/regulator/practitioners", cookie))));
const searchPost = (q: string, cookie?: string) =>
  outcome(() => searchAction(routeArgs(postRequest("/regulator/practitioners", { intent: "search", q }, cookie))));
const detailGet = (id: string, cookie?: string) =>
  outcome(() => detailLoader(routeArgs(getRequest(`/regulator/practitioners/${id}`, cookie), { id })));
const detailPost = (id: string, fields: Record<string, string>, cookie?: string) =>
  outcome(() => detailAction(routeArgs(postRequest(`/regulator/practitioners/${id}`, fields, cookie), { id })));
const blacklist = {
  intent: "sanction",
  kind: "BLACKLIST",
  years: "3",
  reason: "出具虚假测绘报告",
  legalBasis: "《测绘法》第五十一条",
  evidence: "检查笔录",
};

/** Nothing the server sends or keeps outside the HMAC column may carry a whole ID number or its HMAC. */
async function leaks(value: unknown): Promise<string[]> {
  const hashes = [
    ...(await db.practitioner.findMany({ where: { idHash: { not: null } }, select: { idHash: true } })).map((p) => p.idHash!),
    ...(await db.practitionerSanction.findMany({ select: { idHash: true } })).map((s) => s.idHash),
  ];
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return [LI, WANG, ZHAO, ...hashes].filter((s) => text.includes(s));
}

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  const listed = await listedAgencies(db, 3);
  agencies = await Promise.all(listed.map(async (a) => ({ ...a, cookie: await sessionCookie(a.user.id) })));
  regulator = await regulatorUser(db, "上海市普陀区市场监督管理局");
  regCookie = await sessionCookie(regulator.id);
  enterpriseCookie = await sessionCookie((await enterpriseUser(db)).id);
  adminCookie = await sessionCookie(sessionUserOf(await createUser(db, "ADMIN")).id);
  // Agency 0 wins the request its practitioners will sign.
  served = await inServiceRequest(db, { agencies: listed });
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

describe("resident ID numbers (GB 11643, ISO 7064 MOD 11-2)", () => {
  it("accepts the standard's example and normalizes; names what is wrong otherwise", () => {
    expect(validateResidentId("11010519491231002x")).toEqual({ ok: true, id: "11010519491231002X" });
    expect(validateResidentId("１１０１０５１９４９１２３１００２Ｘ ")).toEqual({ ok: true, id: "11010519491231002X" });
    expect(validateResidentId(WRONG_CHECK)).toEqual({ ok: false, reason: "checksum" });
    expect(validateResidentId("110105194902300021")).toEqual({ ok: false, reason: "birthDate" });
    expect(validateResidentId("1101051949123100")).toEqual({ ok: false, reason: "length" });
    expect(validateResidentId("11010519491231002Y")).toEqual({ ok: false, reason: "charset" });
    expect(maskResidentId("11010519491231002X")).toBe("110***********002X");
  });
});

describe("a practitioner's identity on the roster", () => {
  it("refuses a bad ID number at the field without echoing it, stores only the HMAC and masked form", async () => {
    const bad = await expectRefusal(
      profilePost({ intent: "add-practitioner", name: "李娜", qualification: "注册测绘师", idNumber: WRONG_CHECK }, agencies[0]!.cookie),
      400,
      "practitioners.errors.idNumber.checksum",
      "idNumber",
    );
    expect(bad.data?.values).not.toHaveProperty("idNumber");
    const ok = await profilePost(
      { intent: "add-practitioner", name: "李娜", qualification: "注册测绘师", certificateNo: "CH310022", idNumber: LI.toLowerCase() },
      agencies[0]!.cookie,
    );
    expect(ok.status).toBe(302);
    const row = await db.practitioner.findFirstOrThrow({ where: { name: "李娜" } });
    expect(row.idMasked).toBe(`310***********${LI.slice(-4)}`);
    expect(row.idHash).toMatch(/^[0-9a-f]{64}$/);
    // Not in any column but the HMAC's, not in the audit log, not in the page's data.
    const page = await outcome(() => profileLoader(routeArgs(getRequest("/agency/profile", agencies[0]!.cookie))));
    expect(JSON.stringify(page.data)).toContain(row.idMasked);
    expect(await leaks(page.data)).toEqual([]);
    expect(await leaks(await db.auditEvent.findMany({ select: { payload: true } }))).toEqual([]);
  });

  it("keeps a person on one agency's roster at a time", async () => {
    await expectRefusal(
      profilePost({ intent: "add-practitioner", name: "李娜", qualification: "注册测绘师", idNumber: LI }, agencies[1]!.cookie),
      409,
      "practitioners.errors.onAnotherRoster",
      "idNumber",
    );
    await expect(
      addPractitioner(db, actor(agencies[0]!), { name: "李娜", qualification: "x", certificateNo: null, idNumber: LI }),
    ).rejects.toMatchObject({
      status: 409,
      message: "practitioners.errors.alreadyOnRoster",
      field: "idNumber",
    });
  });
});

describe("the regulator's practitioner pages", () => {
  it("are for regulators only", async () => {
    const p = await db.practitioner.findFirstOrThrow({ where: { name: "李娜" } });
    expect((await searchGet()).status).toBe(302); // anonymous: to the login page
    for (const cookie of [enterpriseCookie, agencies[0]!.cookie, adminCookie]) {
      await expectRefusal(searchGet(cookie), 403, "practitioners.errors.regulatorOnly");
      await expectRefusal(detailGet(p.id, cookie), 403, "practitioners.errors.regulatorOnly");
      await expectRefusal(detailPost(p.id, blacklist, cookie), 403, "practitioners.errors.regulatorOnly");
    }
    expect((await detailPost(p.id, blacklist)).status).toBe(302);
    expect(await db.practitionerSanction.count()).toBe(0);
    await expectRefusal(detailGet("0192f0c0-0000-7000-8000-000000000000", regCookie), 404, "Not Found");
  });

  it("finds by name and by a whole ID number, which is not echoed", async () => {
    expect((await searchGet(regCookie)).data).toMatchObject({ list: { practitioners: expect.any(Array) } });
    const byName = await searchPost("李娜", regCookie);
    expect(byName.data).toMatchObject({ search: { q: "李娜", list: { practitioners: [{ name: "李娜", barred: null }] } } });
    const byId = await searchPost(LI, regCookie);
    expect(byId.data).toMatchObject({ search: { q: "", list: { practitioners: [{ name: "李娜" }] } } });
    expect(await leaks(byId.data)).toEqual([]);
  });

  it("answers bad sanction input at the field", async () => {
    const p = await db.practitioner.findFirstOrThrow({ where: { name: "李娜" } });
    await expectRefusal(detailPost(p.id, { ...blacklist, years: "" }, regCookie), 400, "errors.required", "years");
    await expectRefusal(detailPost(p.id, { ...blacklist, years: "30" }, regCookie), 400, "practitioners.errors.yearsRange", "years");
    await expectRefusal(detailPost(p.id, { ...blacklist, kind: "SUSPENSION" }, regCookie), 400, "errors.required", "days");
    await expectRefusal(detailPost(p.id, { ...blacklist, kind: "FINE" }, regCookie), 400, "errors.invalidChoice", "kind");
    await expectRefusal(detailPost(p.id, { ...blacklist, legalBasis: " " }, regCookie), 400, "errors.required", "legalBasis");
    expect(await db.practitionerSanction.count()).toBe(0);
  });
});

describe("a blacklisting follows the person", () => {
  it("is written with its audit event and notice, and bars the person from any roster", async () => {
    const p = await db.practitioner.findFirstOrThrow({ where: { name: "李娜" } });
    const done = await detailPost(p.id, blacklist, regCookie);
    expect(done.location).toBe(`/regulator/practitioners/${p.id}?done=sanctioned`);
    const s = await db.practitionerSanction.findFirstOrThrow({ where: { practitionerId: p.id } });
    expect(s).toMatchObject({ kind: "BLACKLIST", status: "IN_FORCE", agencyId: agencies[0]!.agencyId, idMasked: p.idMasked });
    expect(s.endsAt!.getUTCFullYear() - s.startsAt.getUTCFullYear()).toBe(3);
    const events = await db.auditEvent.findMany({ where: { aggregateType: "practitionerSanction", aggregateId: s.id } });
    expect(events.map((e) => [e.event, e.toState])).toEqual([["IMPOSE", "IN_FORCE"]]);
    expect(await leaks(events)).toEqual([]);
    expect(await db.notification.count({ where: { orgId: agencies[0]!.user.organizationId, kind: "PRACTITIONER_SANCTIONED" } })).toBe(1);

    // Agency A lets her go; agency B cannot take her on, and is told why (not by whom).
    await removePractitioner(db, actor(agencies[0]!), p.id);
    await expectRefusal(
      profilePost({ intent: "add-practitioner", name: "李娜", qualification: "注册测绘师", idNumber: LI }, agencies[1]!.cookie),
      409,
      "practitioners.errors.barred.BLACKLIST",
      "idNumber",
    );
    expect(await db.practitioner.count({ where: { name: "李娜" } })).toBe(0);
  });

  it("is disclosed on /credit and on the agency's page with the masked number only", async () => {
    const credit = await outcome(() => creditLoader(routeArgs(getRequest("/credit"))));
    const entries = (credit.data?.practitionerSanctions as { entries: { name: string; idMasked: string; state: string }[] }).entries;
    expect(entries).toEqual([expect.objectContaining({ name: "李娜", idMasked: `310***********${LI.slice(-4)}`, state: "active" })]);
    expect(await leaks(credit.data)).toEqual([]);
    const page = await outcome(() =>
      agencyPageLoader(routeArgs(getRequest(`/agencies/${agencies[0]!.agencyId}`), { id: agencies[0]!.agencyId })),
    );
    expect(page.data?.practitionerSanctions).toEqual([expect.objectContaining({ name: "李娜", kind: "BLACKLIST" })]);
    expect(await leaks(page.data)).toEqual([]);
  });

  it("is open data in /credit.json and the public API: name, masked number, agency at the time; never the number or its HMAC", async () => {
    const masked = `310***********${LI.slice(-4)}`;
    const json = async (res: Response) => {
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(await leaks(text)).toEqual([]);
      return JSON.parse(text) as Record<string, unknown>;
    };
    const credit = await json(await creditJsonLoader(routeArgs(getRequest("/credit.json?kind=BLACKLIST&state=active"))));
    expect(credit.practitionerSanctions).toEqual({
      total: 1,
      pages: 1,
      items: [
        expect.objectContaining({
          kind: "BLACKLIST",
          state: "active",
          practitioner: { name: "李娜", idMasked: masked },
          agency: expect.objectContaining({ id: agencies[0]!.agencyId }),
          reason: blacklist.reason,
        }),
      ],
    });
    // Filters the disclosure's way: an agency-only kind or a state a practitioner sanction cannot have matches nothing.
    for (const q of ["kind=REMOVAL", "state=pending", "state=revoked", "q=%E5%BC%A0%E4%B8%89"])
      expect((await json(await creditJsonLoader(routeArgs(getRequest(`/credit.json?${q}`))))).practitionerSanctions).toMatchObject({
        total: 0,
      });
    const api = (path: string, params: Record<string, string> = {}) => {
      const context = new RouterContextProvider();
      context.set(clientIpContext, "203.0.113.77");
      const loader = path.startsWith("/api/v1/agencies/") ? apiAgencyLoader : apiSanctionsLoader;
      return loader({ request: new Request(`http://localhost:3000${path}`), params, context } as never);
    };
    const list = await json(await api("/api/v1/credit/practitioner-sanctions?kind=BLACKLIST"));
    expect(list.data).toEqual([expect.objectContaining({ practitioner: { name: "李娜", idMasked: masked } })]);
    for (const a of agencies) await json(await api(`/api/v1/agencies/${a.agencyId}`, { id: a.agencyId }));
  });

  it("is revoked through its machine once, with a reason; then the person may join again", async () => {
    const s = await db.practitionerSanction.findFirstOrThrow({ where: { name: "李娜" } });
    const listPost = (fields: Record<string, string>) =>
      outcome(() => searchAction(routeArgs(postRequest("/regulator/practitioners", fields, regCookie))));
    // Another person's page cannot revoke it.
    const other = await addPractitioner(db, actor(agencies[1]!), {
      name: "周敏",
      qualification: "注册测绘师",
      certificateNo: null,
      idNumber: "11010519491231002X",
    });
    await expectRefusal(
      detailPost(other.id, { intent: "revoke", sanctionId: s.id, revokeReason: "复核撤销" }, regCookie),
      404,
      "practitioners.errors.sanctionNotFound",
      "sanctionId",
    );
    // She is on no roster now: revoked from the list of sanctions.
    await expectRefusal(listPost({ intent: "revoke", sanctionId: s.id, revokeReason: " " }), 400, "errors.required", "revokeReason");
    expect((await listPost({ intent: "revoke", sanctionId: s.id, revokeReason: "复核撤销" })).location).toBe(
      "/regulator/practitioners?done=revoked",
    );
    expect(await db.practitionerSanction.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      status: "REVOKED",
      revokedReason: "复核撤销",
    });
    const events = await db.auditEvent.findMany({
      where: { aggregateType: "practitionerSanction", aggregateId: s.id },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.event, e.fromState, e.toState])).toEqual([
      ["IMPOSE", null, "IN_FORCE"],
      ["REVOKE", "IN_FORCE", "REVOKED"],
    ]);
    await expectRefusal(
      listPost({ intent: "revoke", sanctionId: s.id, revokeReason: "再次" }),
      409,
      "practitioners.errors.alreadyRevoked",
      "sanctionId",
    );
    const back = await addPractitioner(db, actor(agencies[1]!), {
      name: "李娜",
      qualification: "注册测绘师",
      certificateNo: null,
      idNumber: LI,
    });
    expect(back.id).toBeTruthy();
  });
});

describe("deliverables are signed from the roster", () => {
  it("needs a signer, from the winner's roster, not suspended; keeps who signed", async () => {
    const winner = served.winner;
    const wang = await addPractitioner(db, actor(winner), {
      name: "王磊",
      qualification: "注册测绘师",
      certificateNo: "CH1",
      idNumber: WANG,
    });
    const zhao = await addPractitioner(db, actor(winner), {
      name: "赵强",
      qualification: "注册测绘师",
      certificateNo: "CH2",
      idNumber: ZHAO,
    });
    const suspended = await detailPost(wang.id, { ...blacklist, kind: "SUSPENSION", days: "90", years: "" }, regCookie);
    expect(suspended.status).toBe(302);
    const stranger = await db.practitioner.findFirstOrThrow({ where: { agencyId: agencies[1]!.agencyId } });
    const deliver = (signerIds?: string[]) => deliverResult(db, winner.user, served.id, { file: pdf(), note: "成果报告", signerIds });
    await expect(deliver()).rejects.toMatchObject({ status: 400, message: "practitioners.errors.signersRequired", field: "signerIds" });
    await expect(deliver([stranger.id])).rejects.toMatchObject({ status: 400, message: "practitioners.errors.signerNotOnRoster" });
    await expect(deliver([zhao.id, wang.id])).rejects.toMatchObject({
      status: 409,
      message: "practitioners.errors.signerBarred.SUSPENSION",
      field: "signerIds",
      params: { name: "王磊" },
    });
    expect(await db.delivery.count({ where: { requestId: served.id } })).toBe(0);
    const { delivery } = await deliver([zhao.id]);
    expect(delivery.signers).toEqual([{ practitionerId: zhao.id, name: "赵强", qualification: "注册测绘师", certificateNo: "CH2" }]);
    expect(await leaks(await db.auditEvent.findMany({ where: { aggregateId: served.id }, select: { payload: true } }))).toEqual([]);
  });
});

describe("申诉/复核: the agency concerned objects once, the regulator upholds or revokes (decision 040)", () => {
  const SUN = makeResidentId("11010119900307123");
  const QIAN = makeResidentId("11010119920408456");
  const sanctions: Record<string, string> = {};
  const objectPost = (fields: Record<string, string>, cookie?: string) =>
    outcome(() => objectAction(routeArgs(postRequest("/agency/practitioner-sanctions", { intent: "object", ...fields }, cookie))));
  const objectGet = (cookie?: string) => outcome(() => objectLoader(routeArgs(getRequest("/agency/practitioner-sanctions", cookie))));
  const review = (fields: Record<string, string>, cookie = regCookie) =>
    outcome(() => searchAction(routeArgs(postRequest("/regulator/practitioners", { intent: "review", ...fields }, cookie))));
  const warning = { intent: "sanction", kind: "WARNING", reason: "报告签署不规范", legalBasis: "《办法》第十条", evidence: "检查记录" };

  beforeAll(async () => {
    for (const [name, idNumber] of [
      ["孙伟", SUN],
      ["钱芳", QIAN],
    ] as const) {
      const p = await addPractitioner(db, actor(agencies[2]!), { name, qualification: "注册测绘师", certificateNo: null, idNumber });
      expect((await detailPost(p.id, warning, regCookie)).status).toBe(302);
      sanctions[name] = (await db.practitionerSanction.findFirstOrThrow({ where: { practitionerId: p.id } })).id;
    }
  });

  it("offers the form to the agency concerned only; refuses everyone else by key", async () => {
    expect((await objectGet()).location).toMatch(/^\/login/);
    for (const cookie of [enterpriseCookie, regCookie, adminCookie]) await expectRefusal(objectGet(cookie), 403, "errors.forbiddenBody");
    const mine = (await objectGet(agencies[2]!.cookie)).data as { sanctions: { id: string; canObject: boolean }[] };
    expect(mine.sanctions.filter((x) => Object.values(sanctions).includes(x.id)).map((x) => x.canObject)).toEqual([true, true]);
    const theirs = (await objectGet(agencies[1]!.cookie)).data as { sanctions: { id: string }[] };
    expect(theirs.sanctions.map((x) => x.id)).not.toContain(sanctions["孙伟"]);
    const sanctionId = sanctions["孙伟"]!;
    await expectRefusal(
      objectPost({ sanctionId, objectionReason: "不服" }, agencies[1]!.cookie),
      404,
      "practitioners.errors.sanctionNotFound",
      "sanctionId",
    );
    for (const cookie of [enterpriseCookie, regCookie, adminCookie])
      await expectRefusal(objectPost({ sanctionId, objectionReason: "不服" }, cookie), 403, "errors.forbiddenBody");
    await expectRefusal(objectPost({ sanctionId, objectionReason: "  " }, agencies[2]!.cookie), 400, "errors.required", "objectionReason");
    // The regulator cannot decide what nobody objected to.
    await expectRefusal(
      review({ sanctionId, outcome: "UPHELD", decisionReason: "维持" }),
      409,
      "practitioners.errors.notUnderReview",
      "sanctionId",
    );
    expect(await db.practitionerSanctionObjection.count()).toBe(0);
  });

  it("takes one objection, audited and told to the regulators; the sanction stays in force and shows it is under review", async () => {
    const sanctionId = sanctions["孙伟"]!;
    const o = await objectPost({ sanctionId, objectionReason: "签署不规范系系统故障所致，附系统日志" }, agencies[2]!.cookie);
    expect(o.location).toBe("/agency/practitioner-sanctions?done=objected");
    await expectRefusal(
      objectPost({ sanctionId, objectionReason: "再次申诉" }, agencies[2]!.cookie),
      409,
      "practitioners.errors.alreadyObjected",
      "sanctionId",
    );
    expect(await db.practitionerSanction.findUniqueOrThrow({ where: { id: sanctionId } })).toMatchObject({ status: "IN_FORCE" });
    const events = await db.auditEvent.findMany({
      where: { aggregateType: "practitionerSanction", aggregateId: sanctionId },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.event, e.fromState, e.toState])).toEqual([
      ["IMPOSE", null, "IN_FORCE"],
      ["OBJECT", "IN_FORCE", "IN_FORCE"],
    ]);
    expect(await db.notification.count({ where: { kind: "PRACTITIONER_SANCTION_OBJECTED" } })).toBeGreaterThan(0);
    const credit = await outcome(() => creditLoader(routeArgs(getRequest("/credit"))));
    const entry = (credit.data?.practitionerSanctions as { entries: { id: string; review: unknown }[] }).entries.find(
      (e) => e.id === sanctionId,
    );
    expect(entry?.review).toMatchObject({ outcome: null, decidedAt: null });
  });

  it("is decided by a regulator only, with a reason: upheld, or revoked; published in /credit.json and the API", async () => {
    const sun = sanctions["孙伟"]!;
    for (const cookie of [enterpriseCookie, agencies[2]!.cookie, adminCookie])
      await expectRefusal(
        review({ sanctionId: sun, outcome: "UPHELD", decisionReason: "维持" }, cookie),
        403,
        "practitioners.errors.regulatorOnly",
      );
    await expectRefusal(review({ sanctionId: sun, outcome: "MAYBE", decisionReason: "维持" }), 400, "errors.invalidChoice", "outcome");
    await expectRefusal(review({ sanctionId: sun, outcome: "UPHELD", decisionReason: " " }), 400, "errors.required", "decisionReason");
    expect((await review({ sanctionId: sun, outcome: "UPHELD", decisionReason: "系统日志不能证明故障" })).location).toBe(
      "/regulator/practitioners?done=reviewed",
    );
    await expectRefusal(
      review({ sanctionId: sun, outcome: "REVOKED", decisionReason: "改判" }),
      409,
      "practitioners.errors.notUnderReview",
      "sanctionId",
    );
    expect(await db.practitionerSanction.findUniqueOrThrow({ where: { id: sun } })).toMatchObject({ status: "IN_FORCE" });
    expect(await db.notification.count({ where: { orgId: agencies[2]!.user.organizationId, kind: "PRACTITIONER_OBJECTION_UPHELD" } })).toBe(
      1,
    );

    const qian = sanctions["钱芳"]!;
    expect((await objectPost({ sanctionId: qian, objectionReason: "报告由他人冒签" }, agencies[2]!.cookie)).status).toBe(302);
    expect((await review({ sanctionId: qian, outcome: "REVOKED", decisionReason: "经核实系他人冒签" })).status).toBe(302);
    expect(await db.practitionerSanction.findUniqueOrThrow({ where: { id: qian } })).toMatchObject({
      status: "REVOKED",
      revokedReason: "经核实系他人冒签",
    });
    const events = await db.auditEvent.findMany({
      where: { aggregateType: "practitionerSanction", aggregateId: qian },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.event, e.toState])).toEqual([
      ["IMPOSE", "IN_FORCE"],
      ["OBJECT", "IN_FORCE"],
      ["REVIEW_REVOKE", "REVOKED"],
    ]);
    const res = await creditJsonLoader(routeArgs(getRequest("/credit.json?kind=WARNING")));
    const text = await res.text();
    expect(await leaks(text)).toEqual([]);
    const items = (JSON.parse(text) as { practitionerSanctions: { items: { id: string; state: string; review: unknown }[] } })
      .practitionerSanctions.items;
    expect(items.find((i) => i.id === sun)).toMatchObject({
      state: "active",
      review: { outcome: "UPHELD", decisionReason: "系统日志不能证明故障" },
    });
    expect(items.find((i) => i.id === qian)).toMatchObject({ state: "revoked", review: { outcome: "REVOKED" } });
    expect(text).not.toContain("报告由他人冒签"); // the objection's text is the agency's, not published
  });

  it("refuses an objection after 60 days from the decision", async () => {
    const p = await addPractitioner(db, actor(agencies[2]!), {
      name: "周杰",
      qualification: "注册测绘师",
      certificateNo: null,
      idNumber: makeResidentId("11010119880512789"),
    });
    expect((await detailPost(p.id, warning, regCookie)).status).toBe(302);
    const s = await db.practitionerSanction.findFirstOrThrow({ where: { practitionerId: p.id } });
    // Decided 61 days before the database clock's now.
    await db.$executeRaw`UPDATE "PractitionerSanction" SET "createdAt" = now() - interval '61 days' WHERE id = ${s.id}`;
    await expectRefusal(
      objectPost({ sanctionId: s.id, objectionReason: "不服" }, agencies[2]!.cookie),
      409,
      "practitioners.errors.objectionTooLate",
      "sanctionId",
    );
  });
});
