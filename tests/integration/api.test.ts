/**
 * The public read-only API (decision 028, docs/open-data.md): every operation
 * of the OpenAPI document is called on a small fixture built through the
 * services, and every body — 200s and problem details alike — is validated
 * against that operation's schema in the document (Ajv, JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1; objects are closed, so an undocumented field
 * fails). Also: what is not public stays out (drafts, held requests, sealed
 * bids, contact details), ETag/304, CORS and preflight, 405, 400/404 shapes,
 * and the per-client budget answering 429 with Retry-After.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIpContext } from "~/context";
import { getDb, type Db } from "~/db/client.server";
import { makeCreditCode } from "~/lib/credit-code";
import type { SessionUser } from "~/lib/session.server";
import { apiMiddleware } from "~/middleware/api.server";
import { loader as agenciesLoader } from "~/routes/api.v1.agencies";
import { loader as agencyLoader } from "~/routes/api.v1.agencies.$id";
import { loader as byCreditCodeLoader } from "~/routes/api.v1.agencies.by-credit-code.$creditCode";
import { loader as announcementsLoader } from "~/routes/api.v1.announcements";
import { loader as announcementLoader } from "~/routes/api.v1.announcements.$id";
import { loader as disclosuresLoader } from "~/routes/api.v1.credit.disclosures";
import { loader as practitionerSanctionsLoader } from "~/routes/api.v1.credit.practitioner-sanctions";
import { makeResidentId } from "~/lib/resident-id";
import { practitionerSanctionSchema } from "~/schemas/practitioner";
import { addPractitioner } from "~/services/agencies/profile.server";
import { sanctionPractitioner } from "~/services/practitioners/sanction.server";
import { loader as itemsLoader } from "~/routes/api.v1.items";
import { loader as itemLoader } from "~/routes/api.v1.items.$code";
import { loader as versionsLoader } from "~/routes/api.v1.items.$code.versions";
import { loader as requestsLoader } from "~/routes/api.v1.requests";
import { loader as requestLoader } from "~/routes/api.v1.requests.$id";
import { loader as notFoundLoader } from "~/routes/api.v1.$";
import { loader as openApiLoader } from "~/routes/api.openapi.json";
import { loader as pageLoader } from "~/routes/api";
import { catalogueCreateSchema, catalogueEditSchema } from "~/schemas/catalogue";
import { openApiDocument } from "~/services/api/openapi";
import { createCatalogueItem, editCatalogueItem } from "~/services/catalogue/catalogue.server";
import { submitBid } from "~/services/requests/bids.server";
import { postRequest } from "~/services/requests/post.server";
import { seedCatalogue } from "../../seeds/seed";
import { caseUnderReview, decideAs, regulatorUser, bid } from "../support/cases";
import { createUser } from "../support/factories";
import { awardedRequest } from "../support/ratings";
import { enterpriseUser, listedAgencies, openRequest, requestForm } from "../support/requests";

// The fixture's calls come from one address: a budget no test run reaches (the 429 test lowers it for its own addresses).
process.env.API_RATE_LIMIT_BURST ??= "100000";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const BASE = "http://localhost:3000";
const DOC_ID = "https://api.test/openapi.json";

type Loader = (args: never) => Promise<Response> | Response;
type PathKey = keyof ReturnType<typeof openApiDocument>["paths"];

const doc = openApiDocument(BASE);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: DOC_ID, components: doc.components });
const validators = new Map<string, ValidateFunction>();
function validatorOf(ref: string): ValidateFunction {
  let v = validators.get(ref);
  if (!v) {
    v = ajv.compile({ $ref: `${DOC_ID}${ref}` });
    validators.set(ref, v);
  }
  return v;
}

/** Operations called with a 200 (the test checks all were). */
const covered = new Set<string>();

type Answer = { status: number; headers: Headers; body: unknown; text: string };

function ctx(ip: string) {
  const c = new RouterContextProvider();
  c.set(clientIpContext, ip);
  return c;
}

/**
 * Calls one operation's loader the way React Router does and validates the
 * answer against the document: a 200 against the operation's response schema,
 * a 4xx/5xx against Problem, with the content type the document names.
 */
async function call(
  op: PathKey,
  loader: Loader,
  path: string,
  opts: { params?: Record<string, string>; headers?: Record<string, string>; ip?: string } = {},
): Promise<Answer> {
  const request = new Request(BASE + path, { headers: opts.headers ?? {} });
  const response = await loader({ request, params: opts.params ?? {}, context: ctx(opts.ip ?? "203.0.113.10") } as never);
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  const responses = doc.paths[op].get.responses as unknown as Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
  const declared = responses[String(response.status)];
  expect(declared, `${path}: status ${response.status} is documented`).toBeDefined();
  if (response.status !== 304) {
    const [type, media] = Object.entries(declared!.content!)[0]!;
    expect(response.headers.get("Content-Type")).toBe(`${type}; charset=utf-8`);
    const validate = validatorOf(media.schema.$ref);
    expect(validate(body) ? [] : validate.errors, `${path} → ${response.status} against ${media.schema.$ref}`).toEqual([]);
  }
  expect(response.headers.get("Access-Control-Allow-Origin"), `${path}: CORS`).toBe("*");
  if (response.status === 200) covered.add(op);
  return { status: response.status, headers: response.headers, body, text };
}

const dataOf = <T>(a: Answer) => (a.body as { data: T }).data;

let db: Db;
let owner: SessionUser;
const f = {} as {
  agencies: { agencyId: string; user: SessionUser }[];
  creditCode: string;
  sanctioned: string;
  awarded: string;
  open: string;
  openBidFen: string;
  draft: string;
  held: string;
  itemCode: string;
  emails: string[];
  phone: string;
  idNumber: string;
  idHash: string;
};

const itemForm = (code: string, overrides: Record<string, string> = {}) => ({
  code,
  name: `接口测试事项${code}`,
  nameEn: `API test item ${code}`,
  category: "技术审查",
  categoryEn: "Technical Review",
  department: "区规划资源局",
  approvalServed: "建设工程设计方案审批",
  legalBasis: "《上海市城市规划管理技术规定》",
  feeBasis: "MARKET",
  timeLimitDays: "7",
  qualificationTypes: "",
  standards: "按规定执行",
  materials: "委托书",
  procedure: "发布需求、分析、交付报告",
  content: "分析报告。",
  fees: "市场调节价",
  qualityControl: "报告经审核后交付",
  reason: "新增事项",
  ...overrides,
});

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  owner = await enterpriseUser(db);
  const admin = await createUser(db, "ADMIN");
  // A versioned item, and enough items for a second page (16 seeded + 6).
  f.itemCode = "ZJ-API-01";
  for (let i = 1; i <= 6; i++) {
    await createCatalogueItem(db, catalogueCreateSchema.parse(itemForm(`ZJ-API-0${i}`)), admin.id);
  }
  await editCatalogueItem(
    db,
    f.itemCode,
    catalogueEditSchema.parse({ ...itemForm(f.itemCode, { timeLimitDays: "5", reason: "压缩办理时限" }), version: "1" }),
    admin.id,
  );

  // Three listed agencies; an awarded request (bids opened), an open one (sealed), a draft and one held for review.
  f.agencies = await listedAgencies(db, 3);
  const awarded = await awardedRequest(db, { owner, agencies: f.agencies, amounts: [71234, 82345, 93456] });
  f.awarded = awarded.id;
  const open = await openRequest(db, owner, { title: "接口测试：报名中的项目" });
  f.open = open.id;
  await submitBid(db, f.agencies[1]!.user, open.id, { ...bid(54321.77), proposal: "接口测试密封提案" });
  f.openBidFen = "5432177";
  f.draft = (await postRequest(db, owner, requestForm({ title: "接口测试：草稿", intent: "draft" }))).id;
  f.held = (await postRequest(db, owner, requestForm({ title: "接口测试：待审查", description: "投标人须与上海市有长期合作关系。" }))).id;
  expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: f.held } })).status).toBe("FAIRNESS_REVIEW");

  // A warning for agency 2: a credit disclosure entry and a sanction on its profile.
  const regulator = await regulatorUser(db);
  f.sanctioned = f.agencies[2]!.agencyId;
  const c = await caseUnderReview(db, regulator, f.sanctioned);
  await decideAs(db, regulator, c, "WARNING");

  // A practitioner of agency 2 suspended for 30 days: published with the masked ID number only (decisions 035, 040).
  f.idNumber = makeResidentId("31010719850921018");
  const agency2 = f.agencies[2]!.user;
  const p = await addPractitioner(
    db,
    { userId: agency2.id, orgId: agency2.organizationId! },
    { name: "李娜", qualification: "注册测绘师", certificateNo: null, idNumber: f.idNumber },
  );
  await sanctionPractitioner(
    db,
    regulator,
    p.id,
    practitionerSanctionSchema.parse({
      kind: "SUSPENSION",
      days: "30",
      reason: "出具失实报告",
      legalBasis: "《测绘法》第五十一条",
      evidence: "检查笔录",
    }),
  );
  f.idHash = (await db.practitioner.findUniqueOrThrow({ where: { id: p.id } })).idHash!;

  const org = await db.agency.findUniqueOrThrow({
    where: { id: f.agencies[0]!.agencyId },
    select: { organization: { select: { creditCode: true, contactPhone: true } } },
  });
  f.creditCode = org.organization.creditCode!;
  f.phone = org.organization.contactPhone ?? "";
  f.emails = (await db.user.findMany({ select: { email: true } })).map((u) => u.email);
});

describe("every operation, validated against the OpenAPI document", () => {
  it("catalogue: items (two pages), one item, its versions", async () => {
    const first = await call("/api/v1/items", itemsLoader, "/api/v1/items");
    expect(first.status).toBe(200);
    const p1 = first.body as {
      data: { code: string; status: string }[];
      pagination: { total: number; totalPages: number };
      links: Record<string, string | null>;
    };
    expect(p1.pagination.total).toBeGreaterThan(20);
    expect(p1.data).toHaveLength(20);
    expect(p1.links.prev).toBeNull();
    expect(p1.links.next).toBe(`${BASE}/api/v1/items?page=2`);
    const second = await call("/api/v1/items", itemsLoader, "/api/v1/items?page=2");
    const p2 = second.body as typeof p1;
    expect(p2.links.prev).toBe(`${BASE}/api/v1/items`);
    // Stable order, no entry on both pages, none missing.
    const codes = [...p1.data, ...p2.data].map((i) => i.code);
    expect(new Set(codes).size).toBe(p1.pagination.total);

    const filtered = await call("/api/v1/items", itemsLoader, "/api/v1/items?q=%E6%8E%A5%E5%8F%A3%E6%B5%8B%E8%AF%95&status=IN_FORCE");
    expect(dataOf<{ code: string }[]>(filtered).map((i) => i.code)).toEqual([
      "ZJ-API-01",
      "ZJ-API-02",
      "ZJ-API-03",
      "ZJ-API-04",
      "ZJ-API-05",
      "ZJ-API-06",
    ]);
    expect((filtered.body as { links: { self: string } }).links.self).toContain("status=IN_FORCE");

    const item = await call("/api/v1/items/{code}", itemLoader, `/api/v1/items/${f.itemCode}`, { params: { code: f.itemCode } });
    expect(dataOf(item)).toMatchObject({ code: f.itemCode, version: 2, timeLimitDays: 5, status: "IN_FORCE" });

    const versions = await call("/api/v1/items/{code}/versions", versionsLoader, `/api/v1/items/${f.itemCode}/versions`, {
      params: { code: f.itemCode },
    });
    const v = dataOf<
      {
        version: number;
        reason: string;
        initial: boolean;
        changes: { field: string; before: unknown; after: unknown }[];
        snapshot: Record<string, unknown>;
      }[]
    >(versions);
    expect(v.map((x) => [x.version, x.reason, x.initial])).toEqual([
      [2, "压缩办理时限", false],
      [1, "新增事项", true],
    ]);
    expect(v[0]!.changes).toEqual([{ field: "timeLimitDays", before: 7, after: 5 }]);
    expect(v[0]!.snapshot.timeLimitDays).toBe(5);
  });

  it("agencies: the directory, one agency by id and by credit code, with credentials, credit and sanctions", async () => {
    const list = await call("/api/v1/agencies", agenciesLoader, "/api/v1/agencies");
    const ids = dataOf<{ id: string; credentials: { items: string[] }[] }[]>(list).map((a) => a.id);
    for (const a of f.agencies) expect(ids).toContain(a.agencyId);
    const byItem = await call("/api/v1/agencies", agenciesLoader, "/api/v1/agencies?item=ZJ-PT-001");
    const itemRows = dataOf<{ credentials: { items: string[] }[] }[]>(byItem);
    expect(itemRows.length).toBeGreaterThan(0);
    expect(itemRows.every((a) => a.credentials.some((c) => c.items.includes("ZJ-PT-001")))).toBe(true);
    // the rows of a search by item are read with its count (decision 046): the same closed shape
    for (const r of itemRows) expect(validatorOf("#/components/schemas/AgencySummary")(r)).toBe(true);

    // The schemas are closed: an undocumented field (say, a contact e-mail) would fail validation.
    const row = dataOf<Record<string, unknown>[]>(list)[0]!;
    expect(validatorOf("#/components/schemas/AgencySummary")(row)).toBe(true);
    expect(validatorOf("#/components/schemas/AgencySummary")({ ...row, contactEmail: "a@b.cn" })).toBe(false);
    expect(validatorOf("#/components/schemas/AgencySummary")({ ...row, id: "1" })).toBe(false);

    const one = await call("/api/v1/agencies/{id}", agencyLoader, `/api/v1/agencies/${f.sanctioned}`, { params: { id: f.sanctioned } });
    const a = dataOf<{
      id: string;
      status: string;
      credentials: { valid: boolean }[];
      sanctions: { kind: string; state: string }[];
      credit: { score: number; grade: string };
    }>(one);
    expect(a).toMatchObject({ id: f.sanctioned, status: "LISTED" });
    expect(a.credentials.length).toBeGreaterThan(0);
    expect(a.sanctions).toEqual([expect.objectContaining({ kind: "WARNING", state: "inForce" })]);
    expect(a.credit.grade).toMatch(/^[ABCD]$/);

    const byCode = await call(
      "/api/v1/agencies/by-credit-code/{creditCode}",
      byCreditCodeLoader,
      `/api/v1/agencies/by-credit-code/${f.creditCode.toLowerCase()}`,
      { params: { creditCode: f.creditCode.toLowerCase() } },
    );
    expect(dataOf<{ id: string; creditCode: string }>(byCode)).toMatchObject({ id: f.agencies[0]!.agencyId, creditCode: f.creditCode });
  });

  it("requests: the list and one request; bids opened after closing, only a count before", async () => {
    const list = await call("/api/v1/requests", requestsLoader, "/api/v1/requests");
    const rows = dataOf<{ id: string; status: string; bidCount: number | null }[]>(list);
    expect(rows.find((r) => r.id === f.open)).toMatchObject({ status: "OPEN", bidCount: 1 });
    expect(rows.find((r) => r.id === f.awarded)).toMatchObject({ status: "AWARD_PUBLICITY", bidCount: null });
    const openOnly = await call("/api/v1/requests", requestsLoader, "/api/v1/requests?status=OPEN&method=LOWEST_PRICE&item=ZJ-PT-001");
    expect(dataOf<{ status: string }[]>(openOnly).every((r) => r.status === "OPEN")).toBe(true);

    const awarded = await call("/api/v1/requests/{id}", requestLoader, `/api/v1/requests/${f.awarded}`, { params: { id: f.awarded } });
    const r = dataOf<{
      bidsUnsealed: boolean;
      bids: { rank: number; amountFen: string; status: string }[];
      announcements: { kind: string }[];
    }>(awarded);
    expect(r.bidsUnsealed).toBe(true);
    expect(r.bids.map((b) => [b.rank, b.amountFen])).toEqual([
      [1, "7123400"],
      [2, "8234500"],
      [3, "9345600"],
    ]);
    expect(r.announcements.map((x) => x.kind)).toContain("AWARD");
    // No contract recorded yet (a recorded one: tests/integration/contract-files.test.ts).
    expect((r as unknown as { contract: unknown }).contract).toBeNull();

    const open = await call("/api/v1/requests/{id}", requestLoader, `/api/v1/requests/${f.open}`, { params: { id: f.open } });
    expect(dataOf(open)).toMatchObject({ id: f.open, status: "OPEN", bidsUnsealed: false, bidCount: 1, bids: [] });
  });

  it("announcements: the list, one kind, one announcement with its subject", async () => {
    const list = await call("/api/v1/announcements", announcementsLoader, "/api/v1/announcements");
    const rows = dataOf<{ id: string; kind: string; subject: { type: string; id?: string; code?: string } | null }[]>(list);
    expect(rows.some((a) => a.kind === "CATALOGUE_CREATE" || a.subject?.type === "catalogueItem")).toBe(true);
    const awards = await call("/api/v1/announcements", announcementsLoader, "/api/v1/announcements?kind=AWARD");
    const award = dataOf<{ id: string; kind: string; subject: { type: string; id: string } }[]>(awards).find(
      (a) => a.subject.id === f.awarded,
    )!;
    expect(award).toMatchObject({ kind: "AWARD", subject: { type: "request", id: f.awarded } });
    const one = await call("/api/v1/announcements/{id}", announcementLoader, `/api/v1/announcements/${award.id}`, {
      params: { id: award.id },
    });
    expect(dataOf<{ facts: unknown; body: string }>(one)).toMatchObject({ id: award.id, kind: "AWARD" });
    expect(one.text).toContain('"amountFen":"7123400"'); // the award's facts carry the ranking after closing
  });

  it("credit disclosure: every entry, filtered by kind and state", async () => {
    const list = await call("/api/v1/credit/disclosures", disclosuresLoader, "/api/v1/credit/disclosures?kind=WARNING&state=active");
    const rows = dataOf<{ kind: string; state: string; agency: { id: string; profileUrl: string } }[]>(list);
    expect(rows).toEqual([
      expect.objectContaining({
        kind: "WARNING",
        state: "active",
        agency: expect.objectContaining({ id: f.sanctioned, profileUrl: `${BASE}/agencies/${f.sanctioned}` }),
      }),
    ]);
    const none = await call("/api/v1/credit/disclosures", disclosuresLoader, "/api/v1/credit/disclosures?kind=BLACKLIST");
    expect(dataOf<unknown[]>(none)).toEqual([]);
    expect((none.body as { pagination: unknown }).pagination).toEqual({ page: 1, pageSize: 20, total: 0, totalPages: 1 });
  });

  it("practitioner sanctions: name, masked ID number, agency at the time; never the number or its HMAC", async () => {
    const path = "/api/v1/credit/practitioner-sanctions";
    const list = await call(path, practitionerSanctionsLoader, `${path}?kind=SUSPENSION&state=active&q=%E6%9D%8E`);
    expect(dataOf<unknown[]>(list)).toEqual([
      expect.objectContaining({
        kind: "SUSPENSION",
        state: "active",
        practitioner: { name: "李娜", idMasked: `310***********${f.idNumber.slice(-4)}` },
        agency: expect.objectContaining({ id: f.sanctioned, profileUrl: `${BASE}/agencies/${f.sanctioned}` }),
        reason: "出具失实报告",
      }),
    ]);
    for (const query of ["", "?state=revoked", "?kind=WARNING"]) {
      const a = await call(path, practitionerSanctionsLoader, `${path}${query}`);
      expect(a.text).not.toContain(f.idNumber);
      expect(a.text).not.toContain(f.idHash);
      expect(dataOf<unknown[]>(a)).toHaveLength(query ? 0 : 1);
    }
    const bad = await call(path, practitionerSanctionsLoader, `${path}?kind=REMOVAL`);
    expect(bad.status).toBe(400);
    // The agency resource lists the person on its roster by name only.
    const agency = await call("/api/v1/agencies/{id}", agencyLoader, `/api/v1/agencies/${f.sanctioned}`, { params: { id: f.sanctioned } });
    expect(agency.text).toContain("李娜");
    expect(agency.text).not.toContain(f.idNumber);
    expect(agency.text).not.toContain(f.idHash);
  });

  it("the OpenAPI document itself, and the /api page built from it", async () => {
    const res = await openApiLoader({
      request: new Request(`${BASE}/api/openapi.json`),
      params: {},
      context: ctx("203.0.113.10"),
    } as never);
    expect(res.status).toBe(200);
    const served = (await res.json()) as ReturnType<typeof openApiDocument>;
    expect(served.openapi).toBe("3.1.0");
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
    // Well-formed where Ajv does not look: path templates match their path parameters, operation ids are unique, every schema compiles.
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (item.get.parameters as { name: string; in: string; required?: boolean }[]).filter((p) => p.in === "path");
      expect(
        declared.map((p) => p.name),
        path,
      ).toEqual(templated);
      expect(
        declared.every((p) => p.required === true),
        path,
      ).toBe(true);
      ids.add(item.get.operationId);
    }
    expect(ids.size).toBe(Object.keys(doc.paths).length);
    for (const name of Object.keys(doc.components.schemas)) expect(() => validatorOf(`#/components/schemas/${name}`), name).not.toThrow();
    const page = pageLoader({ request: new Request(`${BASE}/api`), params: {}, context: ctx("x") } as never);
    expect(page.operations.map((o) => o.path)).toEqual(Object.keys(doc.paths));
  });
});

describe("what is not public stays out", () => {
  it("drafts and held requests are 404 and unlisted; no sealed amount, proposal, e-mail or phone in any answer", async () => {
    for (const id of [f.draft, f.held]) {
      const r = await call("/api/v1/requests/{id}", requestLoader, `/api/v1/requests/${id}`, { params: { id } });
      expect(r.status).toBe(404);
      expect((r.body as { title: string }).title).toBe("Not found");
    }
    const everything: string[] = [];
    const pages = [
      ["/api/v1/requests", requestsLoader, "/api/v1/requests", {}],
      ["/api/v1/requests", requestsLoader, "/api/v1/requests?page=2", {}],
      ["/api/v1/requests/{id}", requestLoader, `/api/v1/requests/${f.open}`, { id: f.open }],
      ["/api/v1/requests/{id}", requestLoader, `/api/v1/requests/${f.awarded}`, { id: f.awarded }],
      ["/api/v1/announcements", announcementsLoader, "/api/v1/announcements", {}],
      ["/api/v1/agencies", agenciesLoader, "/api/v1/agencies", {}],
      ["/api/v1/credit/disclosures", disclosuresLoader, "/api/v1/credit/disclosures", {}],
      ...f.agencies.map((a) => ["/api/v1/agencies/{id}", agencyLoader, `/api/v1/agencies/${a.agencyId}`, { id: a.agencyId }] as const),
    ] as const;
    for (const [op, loader, path, params] of pages) everything.push((await call(op, loader as Loader, path, { params })).text);
    const announcements = await db.announcement.findMany({ select: { id: true } });
    for (const { id } of announcements)
      everything.push(
        (await call("/api/v1/announcements/{id}", announcementLoader, `/api/v1/announcements/${id}`, { params: { id } })).text,
      );
    const all = everything.join("\n");
    // Positive controls: the same answers did carry the public request, the opened amounts and the agencies.
    expect(all).toContain(f.open);
    expect(all).toContain('"amountFen":"7123400"');
    for (const a of f.agencies) expect(all).toContain(a.agencyId);
    // Absent: the open request's sealed amount (in every spelling) and its proposal; drafts; contact details.
    for (const secret of [
      f.openBidFen,
      "54321.77",
      "54,321.77",
      "接口测试密封提案",
      f.draft,
      f.held,
      "接口测试：草稿",
      "接口测试：待审查",
      f.phone,
    ]) {
      expect(all.includes(secret), `leaked ${secret}`).toBe(false);
    }
    for (const email of f.emails) expect(all.includes(email), `leaked ${email}`).toBe(false);
  });
});

describe("HTTP behaviour", () => {
  it("a strong ETag, and 304 for a matching If-None-Match until the data change", async () => {
    const first = await call("/api/v1/announcements", announcementsLoader, "/api/v1/announcements");
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get("Access-Control-Expose-Headers")).toContain("ETag");
    const again = await call("/api/v1/announcements", announcementsLoader, "/api/v1/announcements");
    expect(again.headers.get("ETag")).toBe(etag);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const notModified = await call("/api/v1/announcements", announcementsLoader, "/api/v1/announcements", {
        headers: { "If-None-Match": header },
      });
      expect(notModified.status, header).toBe(304);
      expect(notModified.text).toBe("");
      expect(notModified.headers.get("ETag")).toBe(etag);
    }
    await openRequest(db, owner, { title: "接口测试：新公告" });
    const changed = await call("/api/v1/announcements", announcementsLoader, "/api/v1/announcements", {
      headers: { "If-None-Match": etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
    expect(changed.text).toContain("接口测试：新公告");
  });

  it("preflight is answered for any origin; other methods are 405 problems; other paths are HTML's business", async () => {
    const next = async () => new Response("reached the route", { status: 299 });
    const mw = (method: string, path: string, headers: Record<string, string> = {}) =>
      apiMiddleware(
        { request: new Request(BASE + path, { method, headers }), params: {}, context: ctx("x") } as never,
        next as never,
      ) as Promise<Response>;
    const pre = await mw("OPTIONS", "/api/v1/items", { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "GET" });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(pre.headers.get("Access-Control-Allow-Methods")).toBe("GET, HEAD, OPTIONS");
    expect(pre.headers.get("Access-Control-Allow-Headers")).toContain("If-None-Match");
    expect(pre.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const refused = await mw(method, "/api/v1/requests", { "Content-Type": "application/json" });
      expect(refused.status, method).toBe(405);
      expect(refused.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
      const body = (await refused.json()) as { type: string; status: number };
      expect(body).toMatchObject({ status: 405, type: `${BASE}/api#problem-method-not-allowed` });
      expect(validatorOf("#/components/schemas/Problem")(body)).toBe(true);
    }
    expect((await mw("GET", "/api/v1/items")).status).toBe(299);
    expect((await mw("POST", "/requests/new")).status).toBe(299); // not the API: the ordinary pipeline decides
    expect((await mw("POST", "/api")).status).toBe(299); // the readable page is an ordinary page
  });

  it("bad parameters are 400 naming each one; unknown resources 404; all as problem details", async () => {
    const bad = async (path: string, op: PathKey = "/api/v1/items", loader: Loader = itemsLoader, params = {}) => {
      const r = await call(op, loader, path, { params });
      expect(r.status, path).toBe(400);
      return (r.body as { errors?: { parameter: string }[] }).errors?.map((e) => e.parameter);
    };
    expect(await bad("/api/v1/items?page=0")).toEqual(["page"]);
    expect(await bad("/api/v1/items?page=abc")).toEqual(["page"]);
    expect(await bad("/api/v1/items?page=1e3")).toEqual(["page"]);
    expect(await bad("/api/v1/items?page=10001")).toEqual(["page"]);
    expect(await bad("/api/v1/items?status=DRAFT")).toEqual(["status"]);
    expect(await bad("/api/v1/items?colour=blue")).toEqual(["colour"]);
    expect(await bad("/api/v1/items?page=1&page=2")).toEqual(["page"]);
    expect(await bad("/api/v1/requests?status=DRAFT", "/api/v1/requests", requestsLoader)).toEqual(["status"]);
    expect(await bad("/api/v1/credit/disclosures?state=old", "/api/v1/credit/disclosures", disclosuresLoader)).toEqual(["state"]);
    expect(await bad("/api/v1/announcements?kind=award", "/api/v1/announcements", announcementsLoader)).toEqual(["kind"]);
    expect(await bad(`/api/v1/requests/${f.open}?x=1`, "/api/v1/requests/{id}", requestLoader, { id: f.open })).toEqual(["x"]);
    const wrongCheck = `${f.creditCode.slice(0, 17)}${f.creditCode[17] === "0" ? "1" : "0"}`;
    expect(
      await bad(`/api/v1/agencies/by-credit-code/${wrongCheck}`, "/api/v1/agencies/by-credit-code/{creditCode}", byCreditCodeLoader, {
        creditCode: wrongCheck,
      }),
    ).toEqual(["creditCode"]);

    const missing = async (op: PathKey, loader: Loader, path: string, params: Record<string, string>) => {
      const r = await call(op, loader, path, { params });
      expect(r.status, path).toBe(404);
      expect(r.body).toMatchObject({ status: 404, title: "Not found", instance: path.split("?")[0] });
    };
    await missing("/api/v1/requests/{id}", requestLoader, "/api/v1/requests/0190a3c4-0000-7000-8000-000000000000", {
      id: "0190a3c4-0000-7000-8000-000000000000",
    });
    await missing("/api/v1/requests/{id}", requestLoader, "/api/v1/requests/not-a-uuid", { id: "not-a-uuid" });
    await missing("/api/v1/agencies/{id}", agencyLoader, "/api/v1/agencies/0190a3c4-0000-7000-8000-000000000000", {
      id: "0190a3c4-0000-7000-8000-000000000000",
    });
    await missing("/api/v1/items/{code}", itemLoader, "/api/v1/items/ZJ-NOPE", { code: "ZJ-NOPE" });
    await missing("/api/v1/items/{code}/versions", versionsLoader, "/api/v1/items/ZJ-NOPE/versions", { code: "ZJ-NOPE" });
    await missing("/api/v1/announcements/{id}", announcementLoader, `/api/v1/announcements/${f.open}`, { id: f.open });
    const unknownCode = makeCreditCode("91310000MA1FL8TQ3");
    await missing("/api/v1/agencies/by-credit-code/{creditCode}", byCreditCodeLoader, `/api/v1/agencies/by-credit-code/${unknownCode}`, {
      creditCode: unknownCode,
    });
    const nowhere = await notFoundLoader({
      request: new Request(`${BASE}/api/v1/nowhere`),
      params: { "*": "nowhere" },
      context: ctx("x"),
    } as never);
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
    expect(validatorOf("#/components/schemas/Problem")(await nowhere.json())).toBe(true);
  });

  describe("the per-client budget", () => {
    const saved = { perMinute: process.env.API_RATE_LIMIT_PER_MINUTE, burst: process.env.API_RATE_LIMIT_BURST };
    beforeAll(() => {
      process.env.API_RATE_LIMIT_PER_MINUTE = "6"; // one token every 10 s
      process.env.API_RATE_LIMIT_BURST = "3";
    });
    afterAll(() => {
      for (const [k, v] of [
        ["API_RATE_LIMIT_PER_MINUTE", saved.perMinute],
        ["API_RATE_LIMIT_BURST", saved.burst],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });

    it("answers 429 with Retry-After past the burst, per client address", async () => {
      const ip = "198.51.100.7";
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await call("/api/v1/items", itemsLoader, "/api/v1/items", { ip })).status);
      expect(statuses).toEqual([200, 200, 200]);
      const over = await call("/api/v1/items", itemsLoader, "/api/v1/items", { ip });
      expect(over.status).toBe(429);
      expect(Number(over.headers.get("Retry-After"))).toBeGreaterThanOrEqual(9);
      expect(Number(over.headers.get("Retry-After"))).toBeLessThanOrEqual(10);
      expect(over.body).toMatchObject({ status: 429, type: `${BASE}/api#problem-too-many-requests` });
      // Another address is not affected; an IPv6 neighbour in the same /64 is the same client.
      expect((await call("/api/v1/items", itemsLoader, "/api/v1/items", { ip: "198.51.100.8" })).status).toBe(200);
      for (let i = 0; i < 3; i++) await call("/api/v1/items", itemsLoader, "/api/v1/items", { ip: `2001:db8:1:2::${i + 1}` });
      expect((await call("/api/v1/items", itemsLoader, "/api/v1/items", { ip: "2001:db8:1:2:ffff::9" })).status).toBe(429);
    });
  });
});

it("covers every operation of the document and every /api/v1 route of app/routes.ts", () => {
  expect([...covered].sort()).toEqual(Object.keys(doc.paths).sort());
  const source = readFileSync(path.resolve(import.meta.dirname, "../../app/routes.ts"), "utf8");
  const declared = [...source.matchAll(/route\("([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((p) => p.startsWith("api/v1/") && p !== "api/v1/*")
    .map((p) => `/${p.replace(/:(\w+)/g, "{$1}")}`);
  expect(declared.sort()).toEqual(Object.keys(doc.paths).sort());
});
