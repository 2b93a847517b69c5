import i18next from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider, useLoaderData } from "react-router";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import resources from "~/i18n";
import Credit, { loader as creditLoader } from "~/routes/credit";
import { loader as jsonLoader } from "~/routes/credit.json";
import { createUser, registerAgency } from "../support/factories";
import { getRequest, routeArgs } from "../support/http";

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY);

type PageData = Awaited<ReturnType<typeof creditLoader>>;
type Json = {
  schemaVersion: string;
  source: { name: string; url: string };
  license: { id: string; url: string };
  generatedAt: string;
  query: Record<string, unknown>;
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  items: {
    id: string;
    kind: string;
    state: string;
    agency: { id: string; name: string; creditCode: string | null; profileUrl: string | null };
    reason: string;
    legalBasis: string;
    evidence: string;
    authority: string;
    startsAt: string;
    endsAt: string | null;
    revokedAt: string | null;
    revokedReason: string | null;
    caseCode: string | null;
    publishedAt: string;
  }[];
};

const page = (qs = "") => creditLoader(routeArgs(getRequest(`/credit${qs}`))) as Promise<PageData>;
async function json(qs = ""): Promise<{ response: Response; body: Json }> {
  const response = (await jsonLoader(routeArgs(getRequest(`/credit.json${qs}`)))) as Response;
  return { response, body: (await response.clone().json()) as Json };
}

const ids: Record<string, string> = {};
const codes: Record<string, string> = {};
/** Everything that must never appear in public output. */
const secrets: string[] = [];

beforeAll(async () => {
  const db = await getDb();
  const regulator = await createUser(db, "REGULATOR", "regulator-secret@example.cn");
  const complainant = await createUser(db, "ENTERPRISE", "complainant-secret@example.cn");

  const mk = async (key: string, name: string, status: "LISTED" | "SUSPENDED" | "REMOVED" | "APPLIED") => {
    const { agency, user } = await registerAgency(db, { name, email: `${key}-agency-secret@example.cn` });
    await db.agency.update({ where: { id: agency.id }, data: { status } });
    const org = await db.organization.findUniqueOrThrow({ where: { id: user.organizationId! } });
    ids[key] = agency.id;
    codes[key] = org.creditCode!;
    secrets.push(user.id, user.email);
    return agency.id;
  };
  const north = await mk("north", "北辰测绘有限公司", "SUSPENDED");
  const south = await mk("south", "南湖环评咨询有限公司", "LISTED");
  const east = await mk("east", "东岳安全评价有限公司", "REMOVED");
  const west = await mk("west", "西山节能评估有限公司", "LISTED");
  const fresh = await mk("fresh", "初创房产测绘事务所", "APPLIED");
  secrets.push(regulator.id, regulator.email, complainant.id, complainant.email);

  const evidenceDocId = "0190f5c2-aaaa-7bbb-8ccc-d0c0ffee0001";
  secrets.push(evidenceDocId);
  const kase = await db.supervisionCase.create({
    data: {
      code: "JG-2025-0007",
      agencyId: north,
      complainantUserId: complainant.id,
      subject: "投诉人私密主题：测绘报告造假",
      description: "投诉人私密描述：联系电话 13900001111",
      evidenceDocIds: [evidenceDocId],
      status: "DECIDED",
      decision: "SUSPENSION",
      decisionReason: "出具虚假测绘成果",
      legalBasis: "《测绘成果管理条例》第二十九条",
      decisionEvidence: "现场核查记录、测绘成果比对报告",
      suspensionDays: 30,
      decidedById: regulator.id,
      decidedAt: at(-2),
    },
  });
  secrets.push(kase.id, kase.subject, kase.description);

  const base = { legalBasis: "《普陀区行政审批中介服务管理办法》第三十条", authority: "普陀区审改办" };
  await db.sanction.createMany({
    data: [
      // Active suspension, from a case.
      {
        ...base,
        agencyId: north,
        caseId: kase.id,
        kind: "SUSPENSION",
        reason: "出具虚假测绘成果",
        legalBasis: "《测绘成果管理条例》第二十九条",
        evidence: "现场核查记录、测绘成果比对报告",
        startsAt: at(-2),
        endsAt: at(28),
      },
      // Expired suspension, same agency. Both instants are evening UTC: the next day in Beijing.
      {
        ...base,
        agencyId: north,
        kind: "SUSPENSION",
        reason: "超期未交付成果",
        evidence: "合同与交付记录",
        startsAt: new Date("2024-03-01T17:00:00Z"),
        endsAt: new Date("2024-06-01T16:30:00Z"),
      },
      // Removal revoked on appeal.
      {
        ...base,
        agencyId: south,
        kind: "REMOVAL",
        reason: "拒不整改",
        evidence: "整改通知书",
        startsAt: at(-30),
        endsAt: null,
        revokedAt: at(-10),
        revokedReason: "申诉成立：整改材料已于期限内提交",
      },
      // Blacklist in force.
      {
        ...base,
        agencyId: east,
        kind: "BLACKLIST",
        reason: "伪造安全评价报告，情节严重",
        evidence: "公安机关认定书",
        startsAt: at(-5),
        endsAt: at(3 * 365),
      },
      // Warning without an end.
      { ...base, agencyId: west, kind: "WARNING", reason: "服务态度恶劣", evidence: "", startsAt: at(-1), endsAt: null },
      // Credit deduction decided with a later start, against an agency whose profile is not public.
      {
        ...base,
        agencyId: fresh,
        kind: "CREDIT_DEDUCTION",
        reason: "未按规定公示收费标准",
        evidence: "检查记录",
        startsAt: at(2),
        endsAt: at(367),
      },
    ],
  });
});

const byAgency = (d: { entries: { agency: { id: string }; kind: string; state: string }[] }) =>
  d.entries.map((e) => `${Object.keys(ids).find((k) => ids[k] === e.agency.id)}:${e.kind}:${e.state}`);

describe("/credit — public credit disclosure", () => {
  it("shows every sanction, active and past, newest first, with its state against the database clock", async () => {
    const d = await page();
    expect(d.total).toBe(6);
    expect(byAgency(d)).toEqual([
      "fresh:CREDIT_DEDUCTION:pending",
      "west:WARNING:active",
      "north:SUSPENSION:active",
      "east:BLACKLIST:active",
      "south:REMOVAL:revoked",
      "north:SUSPENSION:expired",
    ]);
    const revoked = d.entries.find((e) => e.state === "revoked")!;
    expect(revoked.revokedReason).toBe("申诉成立：整改材料已于期限内提交");
    expect(revoked.endsAt).toBeNull();
    const active = d.entries.find((e) => e.kind === "SUSPENSION" && e.state === "active")!;
    expect(active).toMatchObject({
      caseCode: "JG-2025-0007",
      reason: "出具虚假测绘成果",
      legalBasis: "《测绘成果管理条例》第二十九条",
      evidence: "现场核查记录、测绘成果比对报告",
      authority: "普陀区审改办",
    });
    expect(active.agency).toMatchObject({ name: "北辰测绘有限公司", creditCode: codes.north, profilePublic: true });
    expect(d.entries.find((e) => e.agency.id === ids.fresh)!.agency.profilePublic).toBe(false);
  });

  it("heads the unfiltered first page with the blacklist in force, and links to the open data", async () => {
    const d = await page();
    expect(d.blacklist?.total).toBe(1);
    expect(d.blacklist?.entries.map((e) => e.agency.name)).toEqual(["东岳安全评价有限公司"]);
    expect(d.jsonHref).toBe("/credit.json");
    const filtered = await page("?q=北辰&kind=SUSPENSION");
    expect(filtered.blacklist).toBeNull();
    expect(filtered.jsonHref).toBe("/credit.json?q=%E5%8C%97%E8%BE%B0&kind=SUSPENSION");
  });

  it("finds an agency by a fragment of its name and by its credit code", async () => {
    expect(byAgency(await page("?q=" + encodeURIComponent("北辰")))).toEqual(["north:SUSPENSION:active", "north:SUSPENSION:expired"]);
    expect(byAgency(await page("?q=" + encodeURIComponent("安全评价")))).toEqual(["east:BLACKLIST:active"]);
    expect((await page("?q=" + encodeURIComponent("辰北"))).total).toBe(0);
    expect(byAgency(await page(`?q=${codes.south}`))).toEqual(["south:REMOVAL:revoked"]);
    expect(byAgency(await page(`?q=${codes.west!.toLowerCase()}`))).toEqual(["west:WARNING:active"]);
  });

  it("filters by kind and by state; the blacklist filter is kind=BLACKLIST&state=active", async () => {
    expect(byAgency(await page("?kind=SUSPENSION"))).toEqual(["north:SUSPENSION:active", "north:SUSPENSION:expired"]);
    expect(byAgency(await page("?state=expired"))).toEqual(["north:SUSPENSION:expired"]);
    expect(byAgency(await page("?state=revoked"))).toEqual(["south:REMOVAL:revoked"]);
    expect(byAgency(await page("?state=active"))).toEqual(["west:WARNING:active", "north:SUSPENSION:active", "east:BLACKLIST:active"]);
    expect(byAgency(await page("?state=pending"))).toEqual(["fresh:CREDIT_DEDUCTION:pending"]);
    expect(byAgency(await page("?kind=BLACKLIST&state=active"))).toEqual(["east:BLACKLIST:active"]);
    expect(byAgency(await page("?kind=REMOVAL&state=active"))).toEqual([]);
    expect(byAgency(await page("?q=" + encodeURIComponent("北辰") + "&state=active"))).toEqual(["north:SUSPENSION:active"]);
  });

  it("ignores or clamps bad query parameters instead of failing", async () => {
    for (const qs of [
      "?kind=FOO",
      "?state=bogus",
      "?page=abc",
      "?page=-3",
      "?page=0",
      `?q=${"测".repeat(500)}`,
      "?kind=&state=&q=",
      "?page=1e999",
    ]) {
      const d = await page(qs);
      expect(d.total, qs).toBe(6);
      expect(d.page, qs).toBe(1);
      expect(d.query.kind, qs).toBeUndefined();
      expect(d.query.state, qs).toBeUndefined();
    }
    const far = await page("?page=999999999");
    expect(far.page).toBe(10_000);
    expect(far.entries).toEqual([]);
    expect(far.total).toBe(6);
    expect(byAgency(await page("?kind=blacklist&state=ACTIVE"))).toEqual(["east:BLACKLIST:active"]);
  });

  it("renders on the server without JavaScript: states, Beijing dates, 长期, revocation reason, JSON link", async () => {
    const html = await renderPage("/credit");
    for (const text of [
      "信用公示",
      "严重失信名单（在列）",
      "生效中",
      "已期满",
      "已撤销",
      "待生效",
      "长期",
      "申诉成立：整改材料已于期限内提交",
      "JG-2025-0007",
      "《测绘成果管理条例》第二十九条",
      "普陀区审改办",
      codes.north!,
    ]) {
      expect(html, text).toContain(text);
    }
    // 2024-03-01T17:00Z and 2024-06-01T16:30Z are 2 March and 2 June in Beijing.
    const markup = html.split("<script>")[0]!; // the hydration data carries the raw UTC instants
    expect(markup).toContain("2024-03-02 — 2024-06-02");
    expect(markup).not.toContain("2024-03-01");
    expect(html).toContain('href="/credit.json"');
    expect(html).toContain(`href="/agencies/${ids.north}"`);
    expect(html).not.toContain(`href="/agencies/${ids.fresh}"`); // never-listed agency: name without a dead link
    expect(markup).toContain("初创房产测绘事务所"); // …but the name is there
    expect(html).toMatch(/<form[^>]*method="get"/);
    const en = await renderPage("/credit?state=revoked", "en");
    expect(en).toContain("Revoked on appeal on");
    expect(en).not.toContain("Serious dishonesty list (in force)");
  });
});

describe("/credit.json — open data", () => {
  it("answers JSON with CORS, provenance, a licence and stable camelCase fields in UTC", async () => {
    const { response, body } = await json();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(body.schemaVersion).toBe("1.1");
    expect(body.source.url).toBe("http://localhost:3000/credit");
    expect(body.license.id).toBe("CC-BY-4.0");
    expect(body.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(body.generatedAt) - Date.now())).toBeLessThan(60_000);
    expect(body).toMatchObject({ page: 1, pageSize: 100, total: 6, pages: 1, query: { q: null, kind: null, state: null } });
    expect(body.items.map((i) => `${i.kind}:${i.state}`)).toEqual([
      "CREDIT_DEDUCTION:pending",
      "WARNING:active",
      "SUSPENSION:active",
      "BLACKLIST:active",
      "REMOVAL:revoked",
      "SUSPENSION:expired",
    ]);
    const expired = body.items.at(-1)!;
    expect(Object.keys(expired).sort()).toEqual([
      "agency",
      "authority",
      "caseCode",
      "endsAt",
      "evidence",
      "id",
      "kind",
      "legalBasis",
      "publishedAt",
      "reason",
      "revokedAt",
      "revokedReason",
      "startsAt",
      "state",
    ]);
    expect(Object.keys(expired.agency).sort()).toEqual(["creditCode", "id", "name", "profileUrl"]);
    expect(expired).toMatchObject({
      startsAt: "2024-03-01T17:00:00.000Z",
      endsAt: "2024-06-01T16:30:00.000Z",
      revokedAt: null,
      caseCode: null,
    });
    expect(expired.agency).toEqual({
      id: ids.north,
      name: "北辰测绘有限公司",
      creditCode: codes.north,
      profileUrl: `http://localhost:3000/agencies/${ids.north}`,
    });
    const revoked = body.items.find((i) => i.state === "revoked")!;
    expect(revoked.endsAt).toBeNull();
    expect(revoked.revokedAt).toMatch(/Z$/);
    expect(revoked.revokedReason).toBe("申诉成立：整改材料已于期限内提交");
    expect(body.items[0]!.agency.profileUrl).toBeNull(); // never listed: no profile to link
    expect(body.items.find((i) => i.caseCode)!.caseCode).toBe("JG-2025-0007");
  });

  it("takes the same filters as the page", async () => {
    expect((await json("?q=" + encodeURIComponent("北辰"))).body.items.map((i) => i.agency.name)).toEqual([
      "北辰测绘有限公司",
      "北辰测绘有限公司",
    ]);
    expect((await json(`?q=${codes.east}`)).body.items.map((i) => i.kind)).toEqual(["BLACKLIST"]);
    const blacklist = (await json("?kind=BLACKLIST&state=active")).body;
    expect(blacklist.total).toBe(1);
    expect(blacklist.query).toEqual({ q: null, kind: "BLACKLIST", state: "active" });
    expect((await json("?state=expired")).body.items.map((i) => i.endsAt)).toEqual(["2024-06-01T16:30:00.000Z"]);
  });

  it("pages with page and pageSize (at most 500) and reports the total", async () => {
    const first = (await json("?pageSize=4")).body;
    const second = (await json("?pageSize=4&page=2")).body;
    expect([first.total, first.pages, first.items.length, second.items.length]).toEqual([6, 2, 4, 2]);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(6);
    expect((await json("?pageSize=100000")).body.pageSize).toBe(500);
    expect((await json("?pageSize=0")).body.pageSize).toBe(1);
    expect((await json("?pageSize=abc")).body.pageSize).toBe(100);
    const past = (await json("?page=3&pageSize=4")).body;
    expect([past.total, past.items.length]).toEqual([6, 0]);
  });

  it("answers 200 with defaults for bad parameters", async () => {
    for (const qs of ["?kind=<script>", "?state=1", "?page=abc", "?page=-1&pageSize=-1", "?q=" + "x".repeat(1000)]) {
      const { response, body } = await json(qs);
      expect(response.status, qs).toBe(200);
      expect(body.total, qs).toBe(6);
      expect(body.page, qs).toBe(1);
    }
  });
});

describe("nothing private leaks", () => {
  it("neither the page nor the open data contains the complainant, users, the deciding official or evidence documents", async () => {
    const outputs = {
      page: JSON.stringify(await page()),
      pageSearch: JSON.stringify(await page("?q=" + encodeURIComponent("北辰"))),
      html: await renderPage("/credit"),
      json: await (await json()).response.text(),
      jsonFiltered: await (await json("?kind=SUSPENSION")).response.text(),
    };
    for (const [name, text] of Object.entries(outputs)) {
      // Positive control: each output did carry the public record (all of them include 北辰's suspension from the case),
      // so the absences below are absences from a real disclosure, not from an empty or failed one.
      for (const shown of [
        "北辰测绘有限公司",
        codes.north!,
        "出具虚假测绘成果",
        "《测绘成果管理条例》第二十九条",
        "现场核查记录、测绘成果比对报告",
        "普陀区审改办",
        "JG-2025-0007",
        ids.north!,
      ]) {
        expect(text, `${name} shows ${shown}`).toContain(shown);
      }
      for (const field of [
        "complainantUserId",
        "evidenceDocIds",
        "decidedById",
        "decidedAt",
        "passwordHash",
        "email",
        "contactPhone",
        "organizationId",
      ]) {
        expect(text, `${name} has ${field}`).not.toContain(field);
      }
      for (const secret of secrets) expect(text, `${name} leaks ${secret}`).not.toContain(secret);
      expect(text).not.toContain("@example.cn");
      expect(text).not.toContain("13900001111");
    }
  });
});

/** Server-renders the page exactly as a browser without JavaScript receives it. */
async function renderPage(path: string, lng: "zh" | "en" = "zh"): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ resources, lng, fallbackLng: "zh", interpolation: { escapeValue: false } });
  const Page = () => createElement(Credit, { loaderData: useLoaderData() } as never);
  const handler = createStaticHandler([{ path: "/credit", loader: (args) => creditLoader(args as never), Component: Page }]);
  const context = await handler.query(getRequest(path));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context })));
}
