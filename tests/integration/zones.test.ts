import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-zones-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { loader as navigatorLoader } from "~/routes/navigator";
import { loader as regulatorLoader } from "~/routes/regulator";
import { action as newRequestAction, loader as newRequestLoader } from "~/routes/requests.new";
import { loader as fileLoader } from "~/routes/zones.$id.results.$resultId.file";
import { action as zoneAction, loader as zoneLoader } from "~/routes/zones.$id";
import { action as zonesAction, loader as zonesLoader } from "~/routes/zones";
import { dbNow } from "~/services/clock.server";
import { beijingToday } from "~/services/zones/data.server";
import { zoneSavings } from "~/services/zones/queries.server";
import { seedCatalogue } from "../../seeds/seed";
import { PDF_BYTES, pdf, regulatorUser } from "../support/cases";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, listedAgencies, sessionUserOf } from "../support/requests";

const BASE = "http://localhost:3000";
const DAY = 86_400_000;
const ENV = "ZJ-PT-008"; // 环境影响评价
const FLOOD = "ZJ-PT-005"; // 洪水影响评价

function multipart(path: string, fields: Record<string, string>, file?: File, cookie?: string): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("document", file);
  return new Request(BASE + path, { method: "POST", headers: { Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) }, body: form });
}

let db: Db;
let today: Date;
const day = (offset: number) => new Date(today.getTime() + offset * DAY).toISOString().slice(0, 10);
const cookies: Record<"regulator" | "admin" | "enterprise" | "enterprise2" | "agency", string> = {} as never;
let enterprise: SessionUser;
let enterprise2: SessionUser;
let zoneId: string;

const createZone = (fields: Record<string, string>, cookie?: string) =>
  outcome(() => zonesAction(routeArgs(postRequest("/zones", fields, cookie))));
const recordResult = (id: string, fields: Record<string, string>, cookie?: string, file?: File) =>
  outcome(() => zoneAction(routeArgs(multipart(`/zones/${id}`, fields, file, cookie), { id })));
const zoneGet = (id: string, cookie?: string) => outcome(() => zoneLoader(routeArgs(getRequest(`/zones/${id}`, cookie), { id })));
const post = (fields: Record<string, string>, cookie: string) =>
  outcome(() => newRequestAction(routeArgs(postRequest("/requests/new", fields, cookie))));
const requestFields = (overrides: Record<string, string>) => ({
  intent: "draft",
  itemCode: ENV,
  title: "桃浦智创城地块新建厂房",
  description: "项目位于桃浦智创城内，新建厂房一栋。",
  fundingSource: "ENTERPRISE",
  priceMode: "AMOUNT",
  priceCap: "100000",
  selectionMethod: "LOWEST_PRICE",
  closesAt: `${day(7)}T17:00`,
  serviceDays: "20",
  ...overrides,
});
const resultFields = (overrides: Record<string, string> = {}) => ({
  itemCode: ENV,
  issuer: "上海市环境科学研究院",
  issuedOn: day(-100),
  validUntil: day(800),
  conditions: "限规划环评所列产业类型。",
  ...overrides,
});
const zoneAudit = (id: string, event: string) => db.auditEvent.count({ where: { aggregateType: "zone", aggregateId: id, event } });

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  today = beijingToday(await dbNow(db));
  const regulator = await regulatorUser(db);
  cookies.regulator = await sessionCookie(regulator.id);
  cookies.admin = await sessionCookie(sessionUserOf(await createUser(db, "ADMIN")).id);
  enterprise = await enterpriseUser(db);
  enterprise2 = await enterpriseUser(db);
  cookies.enterprise = await sessionCookie(enterprise.id);
  cookies.enterprise2 = await sessionCookie(enterprise2.id);
  const [agency] = await listedAgencies(db, 1, ENV);
  cookies.agency = await sessionCookie(agency!.user.id);
  // Two completed requests for the environmental assessment, won at 60 000 and 80 000 yuan: the lower median is 60 000.
  for (const [i, fen] of [6_000_000n, 8_000_000n].entries()) {
    const item = await db.catalogueItem.findUniqueOrThrow({ where: { code: ENV } });
    const r = await db.serviceRequest.create({
      data: {
        code: `ZJ-ZONES-${i}`,
        itemId: item.id,
        enterpriseOrgId: enterprise2.organizationId!,
        createdById: enterprise2.id,
        title: "历史项目",
        description: "历史项目",
        fundingSource: "ENTERPRISE",
        priceCapFen: 10_000_000n,
        selectionMethod: "LOWEST_PRICE",
        serviceDays: 20,
        closesAt: new Date(today.getTime() - 30 * DAY),
        status: "COMPLETED",
      },
    });
    const bid = await db.bid.create({
      data: { requestId: r.id, agencyId: agency!.agencyId, amountFen: fen, serviceDays: 20, proposal: "方案" },
    });
    await db.serviceRequest.update({ where: { id: r.id }, data: { awardedBidId: bid.id } });
  }
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
  delete process.env.ZONE_EXEMPTION_MODE;
});

describe("the zone register", () => {
  it("lets the regulator and the admin add zones; everyone else is refused, by role", async () => {
    const anon = await createZone({ code: "310107-TP01", name: "桃浦智创城", boundary: "东至真北路" });
    expect(anon.status).toBe(302);
    expect(anon.location).toMatch(/^\/login/);
    await expectRefusal(createZone({ code: "310107-TP01", name: "x", boundary: "x" }, cookies.enterprise), 403, "zones.errors.managerOnly");
    await expectRefusal(createZone({ code: "310107-TP01", name: "x", boundary: "x" }, cookies.agency), 403, "zones.errors.managerOnly");
    const made = await createZone({ code: "310107-tp01", name: "桃浦智创城", boundary: "东至真北路，南至金昌路" }, cookies.regulator);
    expect(made.status).toBe(302);
    zoneId = made.location!.split("/")[2]!.split("?")[0]!;
    const zone = await db.zone.findUniqueOrThrow({ where: { id: zoneId } });
    expect(zone.code).toBe("310107-TP01");
    expect(await zoneAudit(zoneId, "CREATE")).toBe(1);
    expect((await createZone({ code: "310107-ZR01", name: "真如城市副中心", boundary: "东至交通路" }, cookies.admin)).status).toBe(302);
    // The public list shows both, and the form only to managers.
    const list = await outcome(() => zonesLoader(routeArgs(getRequest("/zones"))));
    expect((list.data!.zones as { code: string }[]).map((z) => z.code)).toEqual(["310107-TP01", "310107-ZR01"]);
    expect(list.data!.canManage).toBe(false);
    const asEnterprise = await outcome(() => zonesLoader(routeArgs(getRequest("/zones", cookies.enterprise))));
    expect(asEnterprise.data!.canManage).toBe(false);
  });

  it("answers bad zones at the field: format, another district, a code taken", async () => {
    await expectRefusal(createZone({ code: "TP01", name: "x", boundary: "x" }, cookies.regulator), 400, "zones.errors.code", "code");
    await expectRefusal(
      createZone({ code: "310108-TP01", name: "x", boundary: "x" }, cookies.regulator),
      422,
      "zones.errors.codeDistrict",
      "code",
    );
    await expectRefusal(
      createZone({ code: "310107-TP01", name: "x", boundary: "x" }, cookies.regulator),
      409,
      "zones.errors.codeTaken",
      "code",
    );
    await expectRefusal(createZone({ code: "310107-XX01", name: "", boundary: "x" }, cookies.regulator), 400, "errors.required", "name");
    expect(await db.zone.count()).toBe(2);
  });

  it("records results with their report and audit event; bad input is answered at the field and leaves nothing", async () => {
    await expectRefusal(recordResult(zoneId, resultFields(), cookies.enterprise, pdf()), 403, "zones.errors.managerOnly");
    await expectRefusal(
      recordResult(zoneId, resultFields({ validUntil: day(-101) }), cookies.regulator),
      400,
      "zones.errors.validityOrder",
      "validUntil",
    );
    await expectRefusal(
      recordResult(zoneId, resultFields({ itemCode: "ZJ-NOPE" }), cookies.regulator),
      422,
      "zones.errors.item",
      "itemCode",
    );
    await expectRefusal(
      recordResult(zoneId, resultFields({ issuedOn: "2026-02-30" }), cookies.regulator),
      400,
      "zones.errors.date",
      "issuedOn",
    );
    await expectRefusal(
      recordResult(zoneId, resultFields({ issuedOn: day(1) }), cookies.regulator, pdf()),
      422,
      "zones.errors.issuedFuture",
      "issuedOn",
    );
    const html = new File([new TextEncoder().encode("<html><script>alert(1)</script>")], "a.pdf");
    await expectRefusal(recordResult(zoneId, resultFields(), cookies.regulator, html), 415, "agencyProfile.errors.fileType", "document");
    await expectRefusal(
      recordResult("0190aaaa-0000-7000-8000-000000000000", resultFields(), cookies.regulator),
      404,
      "zones.errors.notFound",
    );
    expect(await db.zoneAssessment.count()).toBe(0);
    expect(await db.document.count({ where: { kind: "ZONE_RESULT" } })).toBe(0);
    expect(await zoneAudit(zoneId, "RECORD_RESULT")).toBe(0);

    expect((await recordResult(zoneId, resultFields(), cookies.regulator, pdf("区域环评报告.pdf"))).status).toBe(302);
    // An expired flood result: listed, covers nothing.
    expect(
      (await recordResult(zoneId, resultFields({ itemCode: FLOOD, issuedOn: day(-900), validUntil: day(-1) }), cookies.admin)).status,
    ).toBe(302);
    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateType: "zone", aggregateId: zoneId, event: "RECORD_RESULT" } });
    const payload = event.payload as { itemCode: string; validUntil: string; document: { sha256: string } };
    expect(payload).toMatchObject({ itemCode: ENV, validUntil: day(800) });
    expect(payload.document.sha256).toBe(createHash("sha256").update(PDF_BYTES).digest("hex"));

    // Public: anyone reads the zone, its results' validity and downloads the report.
    const page = await zoneGet(zoneId);
    const results = page.data!.zone as { results: { id: string; item: { code: string }; valid: boolean }[] };
    expect(results.results.map((r) => [r.item.code, r.valid])).toEqual([
      [FLOOD, false],
      [ENV, true],
    ]);
    expect(page.data!.canManage).toBe(false);
    const envResult = results.results.find((r) => r.item.code === ENV)!;
    const file = await outcome(() =>
      fileLoader(routeArgs(getRequest(`/zones/${zoneId}/results/${envResult.id}/file`), { id: zoneId, resultId: envResult.id })),
    );
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.response!.arrayBuffer())).toEqual(PDF_BYTES);
    const other = (await db.zone.findFirstOrThrow({ where: { code: "310107-ZR01" } })).id;
    const wrong = await outcome(() =>
      fileLoader(routeArgs(getRequest(`/zones/${other}/results/${envResult.id}/file`), { id: other, resultId: envResult.id })),
    );
    expect(wrong.status).toBe(404);
    expect((await zoneGet("0190aaaa-0000-7000-8000-000000000000")).status).toBe(404);
  });
});

describe("posting a request inside a zone", () => {
  it("REFUSE (the default): a covered item is refused at the zone field with the result; the telling is logged once", async () => {
    const form = await outcome(() => newRequestLoader(routeArgs(getRequest("/requests/new", cookies.enterprise))));
    expect(form.data!.zoneMode).toBe("REFUSE");
    expect(form.data!.defaults).toMatchObject({ itemCode: undefined, zoneId: undefined });
    // From the project navigator: the item and the project's zone come chosen; an unknown zone is not.
    const fromNavigator = await outcome(() =>
      newRequestLoader(routeArgs(getRequest(`/requests/new?item=${FLOOD}&zone=${zoneId}`, cookies.enterprise))),
    );
    expect(fromNavigator.data!.defaults).toMatchObject({ itemCode: FLOOD, zoneId });
    const unknownZone = await outcome(() =>
      newRequestLoader(routeArgs(getRequest(`/requests/new?item=${FLOOD}&zone=nope`, cookies.enterprise))),
    );
    expect(unknownZone.data!.defaults).toMatchObject({ itemCode: FLOOD, zoneId: undefined });
    expect((form.data!.zones as { code: string }[]).map((z) => z.code)).toEqual(["310107-TP01", "310107-ZR01"]);
    for (let i = 0; i < 2; i++) {
      const refused = await expectRefusal(post(requestFields({ zoneId }), cookies.enterprise), 422, "zones.errors.covered", "zoneId");
      expect(refused.data!.params).toMatchObject({ zoneId, issuer: "上海市环境科学研究院", document: 1 });
    }
    expect(await db.zoneExemption.count({ where: { orgId: enterprise.organizationId! } })).toBe(1);
    expect(await zoneAudit(zoneId, "EXEMPTION_SHOWN")).toBe(1);
    expect(await db.serviceRequest.count({ where: { enterpriseOrgId: enterprise.organizationId! } })).toBe(0);
    // An expired result, another zone or no zone: posted, the zone kept.
    const flood = await post(requestFields({ zoneId, itemCode: FLOOD }), cookies.enterprise);
    expect(flood.status).toBe(302);
    expect((await post(requestFields({ zoneId: "", itemCode: ENV }), cookies.enterprise)).status).toBe(302);
    const posted = await db.serviceRequest.findMany({
      where: { enterpriseOrgId: enterprise.organizationId! },
      orderBy: { createdAt: "asc" },
    });
    expect(posted.map((r) => r.zoneId)).toEqual([zoneId, null]);
    await expectRefusal(post(requestFields({ zoneId: "nope" }), cookies.enterprise), 422, "zones.errors.zoneUnknown", "zoneId");
  });

  it("ASK: the enterprise must give a reason, recorded on the request and its audit event", async () => {
    process.env.ZONE_EXEMPTION_MODE = "ask";
    try {
      await expectRefusal(post(requestFields({ zoneId }), cookies.enterprise2), 422, "zones.errors.coveredAsk", "zoneReason");
      const ok = await post(requestFields({ zoneId, zoneReason: "需按新产业类型单独评价" }), cookies.enterprise2);
      expect(ok.status).toBe(302);
      const id = ok.location!.split("/")[2]!.split("?")[0]!;
      expect((await db.serviceRequest.findUniqueOrThrow({ where: { id } })).zoneReason).toBe("需按新产业类型单独评价");
      const created = await db.auditEvent.findFirstOrThrow({ where: { aggregateType: "request", aggregateId: id, event: "CREATE" } });
      expect(created.payload).toMatchObject({ zoneId, zoneReason: "需按新产业类型单独评价" });
    } finally {
      delete process.env.ZONE_EXEMPTION_MODE;
    }
  });

  it("the dashboard counts requests avoided (told and not posted) × the item's median awarded price; only regulators see it", async () => {
    // enterprise was told and did not post; enterprise2 was told and posted anyway.
    expect(await db.zoneExemption.count()).toBe(2);
    const savings = await zoneSavings(db);
    expect(savings).toEqual({
      avoided: 1,
      savedFen: "6000000",
      items: [expect.objectContaining({ code: ENV, avoided: 1, medianFen: "6000000", savedFen: "6000000" })],
    });
    const dash = await outcome(() => regulatorLoader(routeArgs(getRequest("/regulator", cookies.regulator))));
    expect((dash.data!.zones as { avoided: number }).avoided).toBe(1);
    await expectRefusal(
      outcome(() => regulatorLoader(routeArgs(getRequest("/regulator", cookies.enterprise)))),
      403,
      "errors.regulatorOnly",
    );
    // Posting is the enterprise's: an agency or the regulator is refused before the zone is looked at.
    await expectRefusal(post(requestFields({ zoneId }), cookies.agency), 403, "requests.errors.enterpriseOnly");
  });
});

describe("the project navigator", () => {
  type Step = {
    code: string;
    stage: string;
    minFen: string | null;
    maxFen: string | null;
    awards: number;
    agencies: number;
    exemption: unknown;
  };
  const navigate = (query: string) => outcome(() => navigatorLoader(routeArgs(getRequest(`/navigator?${query}`))));

  it("lists an industrial project's items in process order with past prices, agencies and the zone's exemption", async () => {
    const small = await navigate(`industry=INDUSTRIAL&scale=SMALL&zone=${zoneId}`);
    expect(small.status).toBe(200);
    const steps = small.data!.steps as Step[];
    const stages = steps.map((s) => s.stage);
    expect(stages).toEqual(
      [...stages].sort(
        (a, b) => ["LAND", "APPROVAL", "PERMIT", "COMPLETION"].indexOf(a) - ["LAND", "APPROVAL", "PERMIT", "COMPLETION"].indexOf(b),
      ),
    );
    expect(steps.map((s) => s.code)).not.toContain("ZJ-PT-006"); // seismic safety: major projects only
    const env = steps.find((s) => s.code === ENV)!;
    expect(env).toMatchObject({ minFen: "6000000", maxFen: "8000000", awards: 2, agencies: 1 });
    expect(env.exemption).toMatchObject({ zoneId, issuer: "上海市环境科学研究院" });
    // The expired flood result exempts nothing; without a zone nothing is exempt.
    expect(steps.filter((s) => s.exemption).map((s) => s.code)).toEqual([ENV]);
    const large = (await navigate("industry=INDUSTRIAL&scale=LARGE")).data!.steps as Step[];
    expect(large.map((s) => s.code)).toContain("ZJ-PT-006");
    expect(large.every((s) => s.exemption === null)).toBe(true);
  });

  it("answers a value outside the choices with 400 at its field", async () => {
    const bad = await navigate("industry=MINING&scale=SMALL");
    expect(bad.status).toBe(400);
    expect(bad.data!.fieldErrors).toEqual({ industry: ["errors.invalidChoice"] });
    const zone = await navigate("industry=INDUSTRIAL&zone=nope");
    expect(zone.status).toBe(400);
    expect(zone.data!.fieldErrors).toEqual({ zone: ["zones.errors.zoneUnknown"] });
  });
});
