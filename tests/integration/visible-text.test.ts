import i18next from "i18next";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider, useLoaderData } from "react-router";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import * as prismaEnums from "~/generated/prisma/enums";
import resources from "~/i18n";
import { dbNow } from "~/services/clock.server";
import { confirmContract, decideObjection, fileObjection } from "~/services/requests/award.server";
import { terminateContract } from "~/services/requests/terminate.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import * as home from "~/routes/_index";
import * as agencies from "~/routes/agencies";
import * as agency from "~/routes/agencies.$id";
import * as announcements from "~/routes/announcements";
import * as announcement from "~/routes/announcements.$id";
import * as catalogue from "~/routes/catalogue";
import * as catalogueItem from "~/routes/catalogue.$code";
import * as credit from "~/routes/credit";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as inspections from "~/routes/inspections";
import * as inspectionPlan from "~/routes/inspections.$id";
import * as zones from "~/routes/zones";
import * as zone from "~/routes/zones.$id";
import * as navigator from "~/routes/navigator";
import * as navigatorRules from "~/routes/navigator.rules";
import { createRule } from "~/services/navigator/rules.server";
import { createZone, recordZoneResult } from "~/services/zones/register.server";
import { createPlan, drawPlan, publishResults, recordResult } from "~/services/inspections/plans.server";
import * as requests from "~/routes/requests";
import * as request from "~/routes/requests.$id";
import { seedCatalogue, seedDemo } from "../../seeds/seed";
import { seedHistory } from "../../seeds/history";
import { createUser } from "../support/factories";
import { getRequest } from "../support/http";
import { enterpriseUser, expire, listedAgencies, openRequest, sessionUserOf } from "../support/requests";

/**
 * Every main public page, server-rendered as a browser without JavaScript
 * receives it, in both languages, on the demo data plus what only the platform
 * publishes (objection decisions, a re-award, a contract and its termination): the visible text (tags, attributes, scripts and styles
 * stripped) shows no raw enum code, no ISO timestamp and no i18n key (#14).
 */

type RouteModule = { loader: (args: never) => Promise<unknown>; default: ComponentType<never> };
const pages: { path: string; module: RouteModule }[] = [
  { path: "/", module: home as RouteModule },
  { path: "/announcements", module: announcements as RouteModule },
  { path: "/announcements/:id", module: announcement as RouteModule },
  { path: "/requests", module: requests as RouteModule },
  { path: "/requests/:id", module: request as RouteModule },
  { path: "/catalogue", module: catalogue as RouteModule },
  { path: "/catalogue/:code", module: catalogueItem as RouteModule },
  { path: "/agencies", module: agencies as RouteModule },
  { path: "/agencies/:id", module: agency as RouteModule },
  { path: "/credit", module: credit as RouteModule },
  { path: "/inspections", module: inspections as RouteModule },
  { path: "/inspections/:id", module: inspectionPlan as RouteModule },
  { path: "/zones", module: zones as RouteModule },
  { path: "/zones/:id", module: zone as RouteModule },
  { path: "/navigator", module: navigator as RouteModule },
  { path: "/navigator/rules", module: navigatorRules as RouteModule },
];

async function render(url: string, lng: "zh" | "en"): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ resources, lng, fallbackLng: "zh", interpolation: { escapeValue: false } });
  const handler = createStaticHandler(
    pages.map(({ path, module }) => ({
      path,
      loader: (args) => module.loader({ ...args, context: {}, unstable_pattern: "" } as never),
      Component: () => createElement(module.default, { loaderData: useLoaderData() } as never),
    })),
  );
  const context = await handler.query(getRequest(url));
  if (context instanceof Response) throw new Error(`${url}: unexpected response ${context.status}`);
  if (context.errors) throw new Error(`${url}: ${JSON.stringify(context.errors)}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context })));
}

/** What a reader sees: text between tags, entities decoded; no scripts, styles or attributes. */
function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]*>/g, "\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

const enumValues = new Set<string>(
  (Object.values(prismaEnums) as unknown[])
    .filter((v): v is Record<string, string> => typeof v === "object" && v !== null)
    .flatMap((e) => Object.values(e)),
);
for (const kind of Object.keys(resources.zh.translation.catalogueAdmin.announcements.kinds)) enumValues.add(kind);
const keyRoots = Object.keys(resources.zh.translation);

/** The problems in one page's visible text. */
function problems(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b[A-Z]{2,}(?:_[A-Z]+)+\b/g)) found.push(`raw code ${m[0]}`);
  for (const m of text.matchAll(/\b[A-Z]{3,}\b/g))
    if (enumValues.has(m[0]))
      found.push(`enum value ${m[0]} in “${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, " ")}”`);
  for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:[^\s]*/g)) found.push(`ISO timestamp ${m[0]}`);
  for (const m of text.matchAll(/\b([a-z][A-Za-z]+)\.[A-Za-z_]+(?:\.[A-Za-z_$]+)*\b/g))
    if (keyRoots.includes(m[1]!)) found.push(`i18n key ${m[0]}`);
  return [...new Set(found)];
}

const DAY = 86_400_000;
let db: Db;
const urls: string[] = [];

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  await seedDemo(db);
  await seedHistory(db, { requests: 40 });

  // An award the platform made and changed: an objection dismissed, one upheld (a re-award).
  const bidders = await listedAgencies(db, 3);
  const enterprise = await enterpriseUser(db);
  // The factory names organisations after their role ("ENTERPRISE org 1"): a real name here, or the check would flag it.
  await db.organization.update({ where: { id: enterprise.organizationId! }, data: { name: "上海长寿置业有限公司" } });
  const req = await openRequest(db, enterprise, { priceCap: "100000", selectionMethod: "LOWEST_PRICE" });
  const bid = (yuan: number) => ({ amountFen: BigInt(yuan * 100), serviceDays: 20, proposal: "按规范完成勘测" });
  await submitBid(db, bidders[0]!.user, req.id, bid(62_000));
  await submitBid(db, bidders[1]!.user, req.id, bid(81_000));
  await submitBid(db, bidders[2]!.user, req.id, bid(90_000));
  await expire(db, req.id);
  await closeDueRequests(db);
  const regulator = sessionUserOf(await createUser(db, "REGULATOR"));
  const grounds = { legalBasis: "《普陀区行政审批中介服务网上交易平台管理规定》第十八条", evidence: "报价文件、资质证书核验记录" };
  await fileObjection(db, bidders[2]!.user, req.id, "第三名认为排名有误。");
  await fileObjection(db, bidders[1]!.user, req.id, "中选机构报价明显低于成本，请核查。");
  const [first, second] = await db.objection.findMany({ where: { requestId: req.id }, orderBy: { createdAt: "asc" } });
  await decideObjection(db, regulator, first!.id, "DISMISS", "排名按规则计算无误。", grounds);
  await decideObjection(db, regulator, second!.id, "UPHOLD", "经核查，异议成立。", grounds);

  // A contract the platform recorded, then ended after the agency was suspended.
  const signed = await openRequest(db, enterprise, { priceCap: "100000", title: "真如地块土地勘测" });
  const team = await listedAgencies(db, 3);
  for (const [i, a] of team.entries()) await submitBid(db, a.user, signed.id, bid(70_000 + i * 5_000));
  await expire(db, signed.id);
  await closeDueRequests(db);
  await db.serviceRequest.update({ where: { id: signed.id }, data: { publicityEndsAt: new Date(Date.now() - 1000) } });
  await confirmContract(db, enterprise, signed.id);
  await confirmContract(db, team[0]!.user, signed.id);
  const now = await dbNow(db);
  await db.agency.update({
    where: { id: team[0]!.agencyId },
    data: { status: "SUSPENDED", suspendedUntil: new Date(now.getTime() + 30 * DAY) },
  });
  await db.sanction.create({
    data: {
      agencyId: team[0]!.agencyId,
      kind: "SUSPENSION",
      reason: "出具虚假测绘成果",
      legalBasis: "《测绘成果管理条例》第十八条",
      evidence: "现场复核记录",
      authority: "区规划资源局",
      startsAt: now,
      endsAt: new Date(now.getTime() + 30 * DAY),
    },
  });
  await terminateContract(db, enterprise, signed.id, "中选机构被暂停执业，无法继续履约");

  // 双随机抽查 (decision 030): a plan with published results (one of each outcome), one drawn, one only committed.
  // The failing result's evidence file goes to a throwaway directory.
  process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "zj-visible-text-uploads-"));
  // The factory names users after their role ("REGULATOR"): real names for the inspector pool, or the check would flag them.
  const factoryRegulators = await db.user.findMany({ where: { role: "REGULATOR", name: "REGULATOR" }, select: { id: true } });
  for (const [i, u] of factoryRegulators.entries()) await db.user.update({ where: { id: u.id }, data: { name: `检查员${i + 1}号` } });
  const inspectors = (await db.user.findMany({ where: { role: "REGULATOR" }, orderBy: { id: "asc" } })).map(sessionUserOf);
  const published = await createPlan(db, inspectors[0]!, { name: "测绘机构双随机抽查", itemCode: "", agencyCount: 3, inspectorCount: 2 });
  await drawPlan(db, inspectors[0]!, published.id, 0);
  const drawn = await db.inspection.findMany({ where: { planId: published.id }, orderBy: { position: "asc" } });
  for (const [i, d] of drawn.entries()) {
    const by = inspectors.find((u) => u.id === d.inspectorIds[0])!;
    const outcome = (["PASS", "MINOR_ISSUES", "FAIL"] as const)[i % 3]!;
    const file = outcome === "FAIL" ? new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "记录.pdf") : null;
    await recordResult(db, by, { planId: published.id, inspectionId: d.id, outcome, findings: "资料基本齐全", file });
  }
  await publishResults(db, inspectors[0]!, published.id, 1);
  const drawnOnly = await createPlan(db, inspectors[0]!, { name: "水资源论证机构抽查", itemCode: "", agencyCount: 1, inspectorCount: 2 });
  await drawPlan(db, inspectors[0]!, drawnOnly.id, 0);
  const committed = await createPlan(db, inspectors[0]!, { name: "环评机构抽查", itemCode: "", agencyCount: 1, inspectorCount: 2 });
  urls.push("/inspections", `/inspections/${published.id}`, `/inspections/${drawnOnly.id}`, `/inspections/${committed.id}`);

  // 区域评估 (decision 036): a zone with a valid and an expired result.
  const assessed = await createZone(db, inspectors[0]!, { code: "310107-TP01", name: "桃浦智创城", boundary: "东至真北路，南至金昌路" });
  const zoneDay = (days: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY);
  for (const [itemCode, from, to] of [
    ["ZJ-PT-008", -100, 800],
    ["ZJ-PT-005", -900, -10],
  ] as const)
    await recordZoneResult(db, inspectors[0]!, assessed.id, {
      itemCode,
      issuer: "上海市环境科学研究院",
      issuedOn: zoneDay(from),
      validUntil: zoneDay(to),
      conditions: "限规划环评所列产业类型。",
      file: null,
    });
  urls.push("/zones", `/zones/${assessed.id}`, "/navigator", `/navigator?industry=INFRASTRUCTURE&scale=LARGE&zone=${assessed.id}`);
  // 产业项目中介服务目录 (decision 039): a rule of the block, with its note, beside the district-wide ones.
  const rule = { itemCode: "ZJ-PT-007", zone: assessed.id, stage: "APPROVAL", position: 15, scale: "LARGE", govFunded: "YES" } as const;
  await createRule(
    db,
    { ...rule, industries: ["INDUSTRIAL"], note: "区块内重大工业项目", noteEn: "Major industrial projects", reason: "区块规划" },
    inspectors[0]!.id,
  );
  urls.push("/navigator/rules", `/navigator?industry=INDUSTRIAL&scale=LARGE&govFunded=YES&zone=${assessed.id}`);

  urls.push("/", "/announcements", "/requests", "/catalogue", "/agencies", "/credit");
  // Two announcements of every kind, and the list filtered by each kind.
  const kinds = await db.announcement.groupBy({ by: ["kind"] });
  for (const { kind } of kinds) {
    urls.push(`/announcements?kind=${kind}`);
    const rows = await db.announcement.findMany({ where: { kind }, orderBy: { publishedAt: "desc" }, take: 2, select: { id: true } });
    for (const r of rows) urls.push(`/announcements/${r.id}`);
  }
  // A request in every status, the one changed above, an item, an agency.
  const statuses = await db.serviceRequest.groupBy({ by: ["status"] });
  for (const { status } of statuses) {
    const r = await db.serviceRequest.findFirstOrThrow({ where: { status }, select: { id: true } });
    urls.push(`/requests/${r.id}`);
  }
  urls.push(`/requests/${req.id}`, `/requests/${signed.id}`);
  const item = await db.catalogueItem.findFirstOrThrow({ orderBy: { code: "asc" }, select: { code: true } });
  urls.push(`/catalogue/${encodeURIComponent(item.code)}`);
  const listed = await db.agency.findFirstOrThrow({ where: { status: "LISTED", awardsCount: { gt: 0 } }, select: { id: true } });
  urls.push(`/agencies/${listed.id}`);
}, 300_000);

describe("the main pages' visible text", () => {
  it("covers every announcement kind the demo data and the objection flow publish", async () => {
    const kinds = (await db.announcement.groupBy({ by: ["kind"] })).map((k) => k.kind).sort();
    expect(kinds).toEqual(
      expect.arrayContaining(["AWARD", "CATALOGUE_CHANGE", "CONTRACT", "FAILED", "OBJECTION_DECISION", "REQUEST_OPEN", "TERMINATED"]),
    );
  });

  it("would flag a raw code, an enum value, an ISO instant and a missing key", () => {
    const found = problems(
      "合同公示 CONTRACT · OBJECTION_DECISION · 2026-12-05T07:17:00.000Z · announcementText.lines.code · a@b.example.cn",
    );
    expect(found).toHaveLength(4);
    expect(urls.length).toBeGreaterThan(25);
  });

  for (const lng of ["zh", "en"] as const) {
    it(`shows no raw codes, ISO timestamps or i18n keys (${lng})`, async () => {
      const report: string[] = [];
      for (const url of urls) {
        const text = visibleText(await render(url, lng));
        expect(text.trim().length, url).toBeGreaterThan(0);
        for (const p of problems(text)) report.push(`${url}: ${p}`);
      }
      expect(report).toEqual([]);
    }, 180_000);
  }

  it("words announcements in the reader's language, with Beijing time", async () => {
    const open = await db.announcement.findFirstOrThrow({ where: { kind: "REQUEST_OPEN" }, orderBy: { publishedAt: "desc" } });
    const zh = visibleText(await render(`/announcements/${open.id}`, "zh"));
    const en = visibleText(await render(`/announcements/${open.id}`, "en"));
    expect(zh).toContain("报名截止：");
    expect(zh).toContain("（北京时间）");
    expect(en).toContain("Bidding closes: ");
    expect(en).toContain("(Beijing time)");
    expect(en).not.toContain("报名截止");
    expect(en).not.toContain("项目编号");
  });
});
