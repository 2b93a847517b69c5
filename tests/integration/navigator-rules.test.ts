// The navigator's rules as catalogue data and followed projects (#16 part 2, decision 039):
// who may read and change what, bad input refused at its field, an audit event per change,
// and each change notifying exactly the followed projects it concerns, in its transaction.
import i18next from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createRoutesStub } from "react-router";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import resources from "~/i18n";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import EditRulePage, { action as ruleAction, loader as ruleLoader } from "~/routes/admin.navigator-rules.$id";
import RulesPage, { action as rulesAction, loader as rulesLoader } from "~/routes/admin.navigator-rules";
import { action as navigatorAction, loader as navigatorLoader } from "~/routes/navigator";
import { action as projectsAction, loader as projectsLoader } from "~/routes/navigator.projects";
import PublicRulesPage, { loader as publicRulesLoader } from "~/routes/navigator.rules";
import HistoryPage, { loader as historyLoader } from "~/routes/navigator.rules.$id";
import { retireCatalogueItem } from "~/services/catalogue/catalogue.server";
import { dbNow } from "~/services/clock.server";
import { beijingToday } from "~/services/zones/data.server";
import { recordZoneResult } from "~/services/zones/register.server";
import { seedCatalogue } from "../../seeds/seed";
import { regulatorUser } from "../support/cases";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, listedAgencies, sessionUserOf } from "../support/requests";

const ROLES = ["anonymous", "enterprise", "agency", "regulator", "admin"] as const;
type Role = (typeof ROLES)[number];
const cookies = {} as Record<Role | "enterpriseB", string | undefined>;
let db: Db;
let regulator: SessionUser;
let entA: SessionUser;
let entB: SessionUser;
let z1: string;
let z2: string;

const get = (loader: (a: never) => Promise<unknown>, path: string, role: Role | "enterpriseB", params: Record<string, string> = {}) =>
  outcome(() => loader(routeArgs(getRequest(path, cookies[role]), params)));
const post = (
  action: (a: never) => Promise<unknown>,
  path: string,
  fields: Record<string, string | string[]>,
  role: Role | "enterpriseB",
  params: Record<string, string> = {},
) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  const request = new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: {
      Origin: "http://localhost:3000",
      "Content-Type": "application/x-www-form-urlencoded",
      ...(cookies[role] ? { Cookie: cookies[role] } : {}),
    },
    body,
  });
  return outcome(() => action(routeArgs(request, params)));
};
const RULE = {
  itemCode: "ZJ-PT-007",
  zone: "",
  stage: "APPROVAL",
  position: "55",
  scale: "ANY",
  govFunded: "ANY",
  note: "",
  noteEn: "",
  reason: "区块产业规划调整",
};
const createRule = (fields: Record<string, string | string[]>, role: Role = "admin") =>
  post(rulesAction, "/admin/navigator-rules", { ...RULE, ...fields }, role);
const follow = (fields: Record<string, string>, role: Role | "enterpriseB") =>
  post(
    navigatorAction,
    "/navigator",
    { intent: "follow", industry: "INDUSTRIAL", scale: "SMALL", govFunded: "NO", zone: "", ...fields },
    role,
  );

/** The followed projects told of `kind` since the last reset: "org:project" names. */
async function told(kind: string) {
  const rows = await db.notification.findMany({ where: { kind }, select: { orgId: true, data: true } });
  return rows
    .map(
      (r) =>
        `${r.orgId === entA.organizationId ? "A" : r.orgId === entB.organizationId ? "B" : "?"}:${(r.data as { project: string }).project}`,
    )
    .sort();
}
const audits = (id: string) =>
  db.auditEvent.findMany({ where: { aggregateType: "navigatorRule", aggregateId: id }, orderBy: { seq: "asc" } });

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  regulator = await regulatorUser(db);
  entA = await enterpriseUser(db);
  entB = await enterpriseUser(db);
  const [agency] = await listedAgencies(db, 1);
  cookies.anonymous = undefined;
  cookies.enterprise = await sessionCookie(entA.id);
  cookies.enterpriseB = await sessionCookie(entB.id);
  cookies.agency = await sessionCookie(agency!.user.id);
  cookies.regulator = await sessionCookie(regulator.id);
  cookies.admin = await sessionCookie(sessionUserOf(await createUser(db, "ADMIN")).id);
  const now = await dbNow(db);
  z1 = (
    await db.zone.create({
      data: { code: "310107-NV01", name: "桃浦智创城", boundary: "东至…", createdById: regulator.id, createdAt: now },
    })
  ).id;
  z2 = (
    await db.zone.create({
      data: { code: "310107-NV02", name: "中环商务区", boundary: "西至…", createdById: regulator.id, createdAt: now },
    })
  ).id;
});

beforeEach(async () => {
  await db.notification.deleteMany();
});

describe("who may read and change the rules", () => {
  it("the admin pages are the catalogue admin's; the published 目录 is anyone's", async () => {
    const anyRule = await db.navigatorRule.findFirstOrThrow({ where: { status: "IN_FORCE" } });
    for (const role of ROLES) {
      const list = await get(rulesLoader, "/admin/navigator-rules", role);
      const one = await get(ruleLoader, `/admin/navigator-rules/${anyRule.id}`, role, { id: anyRule.id });
      const create = await createRule({ reason: "" }, role);
      // Refused before the body is read (the admin's own retirement is tested below, on a rule of its own).
      const retire = await post(
        ruleAction,
        `/admin/navigator-rules/${anyRule.id}`,
        { intent: "retire", version: "1", reason: role === "admin" ? "" : "x" },
        role,
        {
          id: anyRule.id,
        },
      );
      if (role === "anonymous") {
        for (const o of [list, one, create, retire]) expect(o.location).toContain("/login?redirectTo=");
      } else if (role === "admin") {
        expect(list.status).toBe(200);
        expect(one.status).toBe(200);
        await expectRefusal(create, 400, "errors.required", "reason"); // past the permission, stopped at the field
        await expectRefusal(retire, 400, "errors.required", "reason");
      } else {
        for (const o of [list, one, create, retire]) await expectRefusal(o, 403, "errors.forbiddenBody");
      }
      const published = await get(publicRulesLoader, "/navigator/rules", role);
      expect(published.status).toBe(200);
      const blocks = published.data!.blocks as { zone: unknown; rules: { item: { code: string } }[] }[];
      expect(blocks[0]!.zone).toBeNull();
      expect(blocks[0]!.rules.map((r) => r.item.code)).toContain("ZJ-PT-008");
      expect(published.data!.updatedAt).toBeInstanceOf(Date);
    }
    await expectRefusal(get(ruleLoader, "/admin/navigator-rules/nope", "admin", { id: "nope" }), 404, "Not Found");
  });

  it("following is the enterprise's, and only its own project can be unfollowed", async () => {
    for (const role of ["agency", "regulator", "admin"] as const) {
      await expectRefusal(get(projectsLoader, "/navigator/projects", role), 403, "navigator.errors.enterpriseOnly");
      await expectRefusal(follow({ name: "厂房" }, role), 403, "navigator.errors.enterpriseOnly");
    }
    expect((await get(projectsLoader, "/navigator/projects", "anonymous")).location).toContain("/login?redirectTo=");
    expect((await follow({ name: "厂房" }, "anonymous")).location).toContain("/login?redirectTo=");
    // The navigator tells an anonymous visitor to sign in, an enterprise shows the form.
    expect((await get(navigatorLoader, "/navigator?industry=INDUSTRIAL", "anonymous")).data!.follow).toBe("signIn");
    expect((await get(navigatorLoader, "/navigator?industry=INDUSTRIAL", "enterprise")).data!.follow).toBe("form");
    expect((await get(navigatorLoader, "/navigator?industry=INDUSTRIAL", "agency")).data!.follow).toBeNull();
    const done = await follow({ name: "B 的项目" }, "enterpriseB");
    expect(done.location).toBe("/navigator/projects?followed=1");
    const bProject = await db.followedProject.findFirstOrThrow({ where: { orgId: entB.organizationId! } });
    await expectRefusal(
      post(projectsAction, "/navigator/projects", { intent: "unfollow", projectId: bProject.id }, "enterprise"),
      404,
      "navigator.errors.project",
    );
    expect((await get(projectsLoader, "/navigator/projects", "enterprise")).data!.projects).toEqual([]);
    const own = await post(projectsAction, "/navigator/projects", { intent: "unfollow", projectId: bProject.id }, "enterpriseB");
    expect(own.location).toBe("/navigator/projects?unfollowed=1");
    expect(
      await db.auditEvent.findMany({ where: { aggregateType: "followedProject", aggregateId: bProject.id }, select: { event: true } }),
    ).toEqual([{ event: "FOLLOW" }, { event: "UNFOLLOW" }]);
  });
});

describe("bad input is refused at its field", () => {
  it("a rule", async () => {
    const cases: [Record<string, string | string[]>, number, string, string][] = [
      [{ itemCode: "ZJ-NOPE-1" }, 422, "navigator.errors.item", "itemCode"],
      [{ position: "十" }, 400, "navigator.errors.wholeNumber", "position"],
      [{ position: "1000" }, 400, "navigator.errors.wholeNumber", "position"],
      [{ stage: "DEMOLITION" }, 400, "errors.invalidChoice", "stage"],
      [{ industries: ["INDUSTRIAL", "MINING"] }, 400, "navigator.errors.industries", "industries"],
      [{ zone: "nope" }, 422, "zones.errors.zoneUnknown", "zone"],
      [{ govFunded: "MAYBE" }, 400, "errors.invalidChoice", "govFunded"],
      [{ note: "长".repeat(501) }, 400, "errors.tooLong", "note"],
    ];
    for (const [fields, status, key, field] of cases) await expectRefusal(createRule(fields), status, key, field);
    expect(await db.navigatorRule.count({ where: { changedById: { not: null } } })).toBe(0);
  });

  it("a followed project", async () => {
    await expectRefusal(follow({ name: " " }, "enterprise"), 400, "errors.required", "name");
    await expectRefusal(follow({ name: "厂房", industry: "MINING" }, "enterprise"), 400, "errors.invalidChoice", "industry");
    await expectRefusal(follow({ name: "厂房", zone: "nope" }, "enterprise"), 422, "zones.errors.zoneUnknown", "zone");
    await expectRefusal(
      post(projectsAction, "/navigator/projects", { intent: "unfollow" }, "enterprise"),
      400,
      "navigator.errors.project",
      "projectId",
    );
  });
});

/** Server-renders a route's page with its loader's data and an action's answer, as a browser without JavaScript receives it. */
async function pageHtml(Page: unknown, loaderData: unknown, actionData: unknown, lng: "zh" | "en" = "zh") {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng, resources, fallbackLng: "zh", interpolation: { escapeValue: false } });
  const Stub = createRoutesStub([
    { id: "page", path: "/*", Component: () => createElement(Page as never, { loaderData, actionData } as never) },
  ]);
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: ["/x"] })));
}
/** The values of the ticked boxes named `name` in server-rendered HTML. */
const ticked = (html: string, name: string) =>
  [...html.matchAll(/<input [^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes('type="checkbox"') && tag.includes(`name="${name}"`) && / checked=""/.test(tag))
    .map((tag) => /value="([^"]*)"/.exec(tag)![1]);

describe("a refused rule form comes back with every ticked industry", () => {
  it("new rule and edit, in zh and en: the echo lists each ticked box and the page ticks them all again", async () => {
    const refused = await expectRefusal(
      createRule({ industries: ["INDUSTRIAL", "COMMERCIAL", "INFRASTRUCTURE"], position: "十" }),
      400,
      "navigator.errors.wholeNumber",
      "position",
    );
    expect(refused.data!.lists).toEqual({ industries: ["INDUSTRIAL", "COMMERCIAL", "INFRASTRUCTURE"] });
    expect((refused.data!.values as Record<string, string>).position).toBe("十");
    const list = (await get(rulesLoader, "/admin/navigator-rules", "admin")).data;
    for (const lng of ["zh", "en"] as const) {
      const html = await pageHtml(RulesPage, list, refused.data, lng);
      expect(ticked(html, "industries")).toEqual(["INDUSTRIAL", "COMMERCIAL", "INFRASTRUCTURE"]);
      expect(html).toContain('value="十"');
    }
    // One box ticked: one value, no list; none ticked: none re-ticked.
    const one = await createRule({ industries: ["RESIDENTIAL"], position: "0" });
    expect(one.data!.lists).toBeUndefined();
    expect(ticked(await pageHtml(RulesPage, list, one.data), "industries")).toEqual(["RESIDENTIAL"]);
    expect(ticked(await pageHtml(RulesPage, list, (await createRule({ position: "0" })).data), "industries")).toEqual([]);

    // The edit form: before a refusal it ticks the stored rule's industries, after one those posted.
    const rule = await db.navigatorRule.findFirstOrThrow({ where: { status: "IN_FORCE", industries: { isEmpty: false } } });
    const shown = (await get(ruleLoader, `/admin/navigator-rules/${rule.id}`, "admin", { id: rule.id })).data;
    expect(ticked(await pageHtml(EditRulePage, shown, undefined), "industries")).toEqual(rule.industries);
    const edit = await expectRefusal(
      post(
        ruleAction,
        `/admin/navigator-rules/${rule.id}`,
        { intent: "edit", ...RULE, version: String(rule.version), industries: ["COMMERCIAL", "RESIDENTIAL"], reason: "" },
        "admin",
        { id: rule.id },
      ),
      400,
      "errors.required",
      "reason",
    );
    expect(ticked(await pageHtml(EditRulePage, shown, edit.data, "en"), "industries")).toEqual(["COMMERCIAL", "RESIDENTIAL"]);
    expect(await db.navigatorRule.count({ where: { changedById: { not: null } } })).toBe(0);
  });
});

describe("each change is audited and notifies exactly the projects it concerns", () => {
  let ruleId = "";
  beforeAll(async () => {
    // A: an industrial project in block 1 and a residential one without a zone; B: a major government-funded commercial one in block 2.
    expect((await follow({ name: "A 工业厂房", zone: z1 }, "enterprise")).status).toBe(302);
    expect((await follow({ name: "A 住宅", industry: "RESIDENTIAL" }, "enterprise")).status).toBe(302);
    expect(
      (await follow({ name: "B 商办楼", industry: "COMMERCIAL", scale: "LARGE", govFunded: "YES", zone: z2 }, "enterpriseB")).status,
    ).toBe(302);
  });

  it("a rule for block 1's industrial projects: added, the navigator follows it, edited, retired", async () => {
    const before = (await get(navigatorLoader, `/navigator?industry=INDUSTRIAL&zone=${z1}`, "anonymous")).data!;
    const created = await createRule({
      zone: z1,
      industries: ["INDUSTRIAL"],
      note: "区块内工业项目需做",
      noteEn: "Industrial projects in the block",
    });
    expect(created.location).toBe("/admin/navigator-rules?created=1");
    const rule = await db.navigatorRule.findFirstOrThrow({ where: { zoneId: z1 } });
    ruleId = rule.id;
    expect(await told("NAVIGATOR_RULE_ADDED")).toEqual(["A:A 工业厂房"]);
    // The navigator lists it in block 1 only, with its note, and says the rules changed.
    const inBlock = (await get(navigatorLoader, `/navigator?industry=INDUSTRIAL&zone=${z1}`, "anonymous")).data!;
    const codes = (inBlock.steps as { code: string; note: string }[]).map((s) => s.code);
    expect(codes).toContain("ZJ-PT-007");
    expect((inBlock.steps as { code: string; note: string }[]).find((s) => s.code === "ZJ-PT-007")!.note).toBe("区块内工业项目需做");
    expect((inBlock.updatedAt as Date).getTime()).toBeGreaterThanOrEqual((before.updatedAt as Date).getTime());
    const elsewhere = (await get(navigatorLoader, `/navigator?industry=INDUSTRIAL&zone=${z2}`, "anonymous")).data!.steps as {
      code: string;
    }[];
    expect(elsewhere.map((s) => s.code)).not.toContain("ZJ-PT-007");

    await db.notification.deleteMany();
    const edit = (fields: Record<string, string | string[]>) =>
      post(ruleAction, `/admin/navigator-rules/${ruleId}`, { intent: "edit", ...RULE, version: "1", ...fields }, "admin", { id: ruleId });
    await expectRefusal(
      edit({ zone: z1, industries: ["INDUSTRIAL"], note: "区块内工业项目需做", noteEn: "Industrial projects in the block" }),
      422,
      "navigator.errors.noChanges",
    );
    // Now district-wide, government-funded commercial projects: told are those it applied to (A's) and applies to (B's).
    const edited = await edit({ zone: "", industries: ["COMMERCIAL"], govFunded: "YES" });
    expect(edited.location).toBe("/admin/navigator-rules?saved=1");
    expect(await told("NAVIGATOR_RULE_CHANGED")).toEqual(["A:A 工业厂房", "B:B 商办楼"]);
    await expectRefusal(edit({ zone: z1 }), 409, "navigator.errors.staleVersion");

    await db.notification.deleteMany();
    const retire = (version: string, reason = "并入全区规则") =>
      post(ruleAction, `/admin/navigator-rules/${ruleId}`, { intent: "retire", version, reason }, "admin", { id: ruleId });
    await expectRefusal(retire("2", ""), 400, "errors.required", "reason");
    expect((await retire("2")).location).toBe("/admin/navigator-rules?retired=1");
    expect(await told("NAVIGATOR_RULE_RETIRED")).toEqual(["B:B 商办楼"]);
    await expectRefusal(retire("3"), 409, "navigator.errors.alreadyRetired");
    expect((await get(ruleLoader, `/admin/navigator-rules/${ruleId}`, "admin", { id: ruleId })).status).toBe(404);

    const events = await audits(ruleId);
    expect(events.map((e) => [e.event, e.toState])).toEqual([
      ["CREATE_RULE", "IN_FORCE"],
      ["EDIT_RULE", "IN_FORCE"],
      ["RETIRE_RULE", "RETIRED"],
    ]);
    expect(events[1]!.payload).toMatchObject({
      itemCode: "ZJ-PT-007",
      zoneId: null,
      industries: ["COMMERCIAL"],
      govFunded: true,
      version: 2,
      reason: "区块产业规划调整",
    });
    expect(events.every((e) => e.actorId !== null)).toBe(true);
  });

  it("the rule's history is public: each version with its instant in Beijing time, what changed and why, from the audit chain", async () => {
    type History = {
      rule: { status: string };
      versions: { event: string; version: number; reason: string; changes: { field: string; before: unknown; after: unknown }[] }[];
    };
    for (const role of ROLES) {
      const o = await get(historyLoader, `/navigator/rules/${ruleId}`, role, { id: ruleId });
      expect(o.status).toBe(200);
      const h = o.data as unknown as History;
      expect(h.rule.status).toBe("RETIRED"); // a retired rule's history stays readable
      expect(h.versions.map((v) => [v.event, v.version, v.reason])).toEqual([
        ["CREATE_RULE", 1, "区块产业规划调整"],
        ["EDIT_RULE", 2, "区块产业规划调整"],
        ["RETIRE_RULE", 3, "并入全区规则"],
      ]);
      // Who changed it is not published.
      const admin = await db.user.findFirstOrThrow({ where: { id: (await audits(ruleId))[0]!.actorId! } });
      expect(JSON.stringify(o.data)).not.toContain(admin.id);
      expect(JSON.stringify(o.data)).not.toContain(admin.email);
    }
    const h = (await get(historyLoader, `/navigator/rules/${ruleId}`, "anonymous", { id: ruleId })).data as unknown as History;
    expect(h.versions[0]!.changes.map((c) => [c.field, c.after])).toEqual([
      ["itemCode", "ZJ-PT-007"],
      ["zone", "310107-NV01 桃浦智创城"],
      ["stage", "APPROVAL"],
      ["position", 55],
      ["industries", ["INDUSTRIAL"]],
      ["scale", null],
      ["govFunded", null],
      ["note", "区块内工业项目需做"],
      ["noteEn", "Industrial projects in the block"],
    ]);
    expect(h.versions[1]!.changes).toEqual([
      { field: "zone", before: "310107-NV01 桃浦智创城", after: null, first: false },
      { field: "industries", before: ["INDUSTRIAL"], after: ["COMMERCIAL"], first: false },
      { field: "govFunded", before: null, after: true, first: false },
      { field: "note", before: "区块内工业项目需做", after: "", first: false },
      { field: "noteEn", before: "Industrial projects in the block", after: "", first: false },
    ]);
    expect(h.versions[2]!.changes).toEqual([{ field: "status", before: "IN_FORCE", after: "RETIRED", first: false }]);
    // The page, as a browser without JavaScript receives it, in both languages; the time says it is Beijing time.
    const page = (await get(historyLoader, `/navigator/rules/${ruleId}`, "anonymous", { id: ruleId })).data;
    const zh = await pageHtml(HistoryPage, page, undefined, "zh");
    expect(zh).toContain("（北京时间）");
    expect(zh).toContain("桃浦智创城");
    expect(zh).toContain("仅政府投资项目");
    expect(zh).toContain("理由：并入全区规则");
    const en = await pageHtml(HistoryPage, page, undefined, "en");
    expect(en).toContain("(Beijing time)");
    expect(en).toContain("Government-funded only");
    expect(en).toContain("Retired");
    // The published 目录 links each rule's history.
    const list = (await get(publicRulesLoader, "/navigator/rules", "anonymous")).data;
    const anyRule = await db.navigatorRule.findFirstOrThrow({ where: { status: "IN_FORCE" } });
    expect(await pageHtml(PublicRulesPage, list, undefined)).toContain(`href="/navigator/rules/${anyRule.id}"`);
    // A seeded rule has its first version; no rule, or not an id, is a 404.
    const seeded = (await get(historyLoader, `/navigator/rules/${anyRule.id}`, "anonymous", { id: anyRule.id })).data as unknown as History;
    expect(seeded.versions[0]!.event).toBe("CREATE_RULE");
    await expectRefusal(get(historyLoader, "/navigator/rules/nope", "anonymous", { id: "nope" }), 404, "Not Found");
    const unknown = "0190b2d0-1111-7000-8000-000000000001";
    await expectRefusal(get(historyLoader, `/navigator/rules/${unknown}`, "anonymous", { id: unknown }), 404, "Not Found");
  });

  it("a catalogue item an industrial project needs is retired: only that project is told", async () => {
    const item = await db.catalogueItem.findUniqueOrThrow({ where: { code: "ZJ-PT-014" } });
    await retireCatalogueItem(
      db,
      item.code,
      { reason: "并入环评", version: item.version },
      (await db.user.findFirstOrThrow({ where: { role: "ADMIN" } })).id,
    );
    expect(await told("NAVIGATOR_ITEM_RETIRED")).toEqual(["A:A 工业厂房"]);
    const steps = (await get(navigatorLoader, "/navigator?industry=INDUSTRIAL", "anonymous")).data!.steps as { code: string }[];
    expect(steps.map((s) => s.code)).not.toContain("ZJ-PT-014");
  });

  it("a regional assessment for block 1: only the project in block 1 is told; after unfollowing, nobody", async () => {
    const today = beijingToday(await dbNow(db));
    const result = (issuer: string) => ({
      itemCode: "ZJ-PT-008",
      issuer,
      issuedOn: today,
      validUntil: new Date(today.getTime() + 365 * 86_400_000),
      conditions: "",
      file: null,
    });
    await recordZoneResult(db, regulator, z1, result("上海市环境科学研究院"));
    expect(await told("NAVIGATOR_EXEMPTION_ADDED")).toEqual(["A:A 工业厂房"]);
    const note = await db.notification.findFirstOrThrow({ where: { kind: "NAVIGATOR_EXEMPTION_ADDED" } });
    expect(note.data).toMatchObject({ code: "ZJ-PT-008", zone: "310107-NV01 桃浦智创城", project: "A 工业厂房" });

    await db.notification.deleteMany();
    const mine = (await get(projectsLoader, "/navigator/projects", "enterprise")).data!.projects as { id: string; name: string }[];
    expect(mine.map((p) => p.name).sort()).toEqual(["A 住宅", "A 工业厂房"]);
    const p1 = mine.find((p) => p.name === "A 工业厂房")!;
    expect((await post(projectsAction, "/navigator/projects", { intent: "unfollow", projectId: p1.id }, "enterprise")).status).toBe(302);
    await recordZoneResult(db, regulator, z1, result("另一家评估机构"));
    expect(await told("NAVIGATOR_EXEMPTION_ADDED")).toEqual([]);
  });
});
