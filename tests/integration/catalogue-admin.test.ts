import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import type { Role } from "~/generated/prisma/enums";
import { createUserSession } from "~/lib/session.server";
import { catalogueCreateSchema, catalogueEditSchema } from "~/schemas/catalogue";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { assertItemInForce, createCatalogueItem, editCatalogueItem, retireCatalogueItem } from "~/services/catalogue/catalogue.server";
import { getCatalogueItem, listCatalogue } from "~/services/catalogue/queries.server";
import * as adminList from "~/routes/admin.catalogue";
import * as adminEdit from "~/routes/admin.catalogue.$code.edit";
import * as adminNew from "~/routes/admin.catalogue.new";
import * as announcementsRoute from "~/routes/announcements";
import { isDataWithInit } from "../support/http";
import { seedCatalogue } from "../../seeds/seed";

const form = (code: string, overrides: Record<string, string> = {}) => ({
  code,
  name: "建设项目日照分析",
  nameEn: "Sunlight Analysis for Construction Projects",
  category: "技术审查",
  categoryEn: "Technical Review",
  department: "区规划资源局",
  approvalServed: "建设工程设计方案审批",
  legalBasis: "《上海市城市规划管理技术规定》",
  feeBasis: "MARKET",
  timeLimitDays: "7",
  qualificationTypes: "",
  standards: "按本市日照分析规划管理办法执行",
  materials: "1. 委托书\n2. 总平面图",
  procedure: "1. 发布需求\n2. 建模分析\n3. 交付报告",
  content: "对拟建建筑对周边住宅的日照影响进行分析。",
  fees: "市场调节价",
  qualityControl: "报告经审核后交付",
  reason: "新增日照分析事项",
  ...overrides,
});

let admin: { id: string };
let enterprise: { id: string };

async function makeUser(email: string, role: Role) {
  const db = await getDb();
  return db.user.create({ data: { email, name: email, role, passwordHash: "not-a-real-hash" } });
}

async function cookieFor(userId: string): Promise<string> {
  const res = await createUserSession(userId, "/");
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}

function request(path: string, init: { cookie?: string; form?: Record<string, string> } = {}) {
  const headers = new Headers();
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(`http://localhost${path}`, {
    method: init.form ? "POST" : "GET",
    headers,
    body: init.form ? new URLSearchParams(init.form) : undefined,
  });
}

/** Calls a route loader/action the way React Router would (no middleware context needed here). */
async function call<F extends (args: never) => unknown>(fn: F, req: Request, params: Record<string, string> = {}) {
  try {
    return { value: (await fn({ request: req, params, context: {} } as never)) as unknown, thrown: undefined };
  } catch (thrown) {
    // Only a Response (redirects too) or a data() result is an answer; any other throw is a crash and fails the test.
    if (thrown instanceof Response || isDataWithInit(thrown)) return { value: undefined, thrown };
    throw thrown;
  }
}

type DataResult = { type: string; data: { fieldErrors: Record<string, string[]>; formError?: string }; init: { status: number } };

beforeAll(async () => {
  admin = await makeUser("catalogue-admin@example.cn", "ADMIN");
  enterprise = await makeUser("catalogue-enterprise@example.cn", "ENTERPRISE");
});

describe("catalogue admin service", () => {
  it("creates an item as version 1 with a snapshot, an audit event and an announcement", async () => {
    const db = await getDb();
    const item = await createCatalogueItem(db, catalogueCreateSchema.parse(form("zj-t-001")), admin.id);
    expect(item).toMatchObject({
      code: "ZJ-T-001",
      version: 1,
      status: "IN_FORCE",
      categoryEn: "Technical Review",
      timeLimitDays: 7,
      qualificationTypes: [],
    });
    const versions = await db.catalogueItemVersion.findMany({ where: { itemId: item.id } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, reason: "新增日照分析事项", actorId: admin.id });
    expect(versions[0]!.snapshot).toMatchObject({ code: "ZJ-T-001", name: "建设项目日照分析", status: "IN_FORCE", timeLimitDays: 7 });
    const events = await db.auditEvent.findMany({ where: { aggregateType: "catalogue", aggregateId: item.id } });
    expect(events.map((e) => [e.event, e.fromState, e.toState, e.actorId])).toEqual([["CREATE_ITEM", null, "IN_FORCE", admin.id]]);
    const announcements = await db.announcement.findMany({ where: { entityType: "catalogue", entityId: item.id } });
    expect(announcements).toHaveLength(1);
    expect(announcements[0]).toMatchObject({ kind: "CATALOGUE_CHANGE" });
    expect(announcements[0]!.title).toContain("目录调整公告");
    expect(announcements[0]!.body).toContain("ZJ-T-001");
    expect(announcements[0]!.body).toContain("新增日照分析事项");
  });

  it("refuses a duplicate code with 409 on the code field and writes nothing", async () => {
    const db = await getDb();
    const before = await db.announcement.count();
    await expect(createCatalogueItem(db, catalogueCreateSchema.parse(form("ZJ-T-001")), admin.id)).rejects.toMatchObject({
      status: 409,
      field: "code",
      message: "catalogueAdmin.errors.codeTaken",
    });
    expect(await db.announcement.count()).toBe(before);
  });

  it("edits to version 2 with the reason and a field-by-field diff, audited and announced", async () => {
    const db = await getDb();
    const input = catalogueEditSchema.parse({
      ...form("ZJ-T-001", { timeLimitDays: "5", qualificationTypes: "测绘资质\n规划设计资质", reason: "压缩办理时限" }),
      version: "1",
    });
    const { item, changes } = await editCatalogueItem(db, "ZJ-T-001", input, admin.id);
    expect(item.version).toBe(2);
    expect(changes.map((c) => c.field)).toEqual(["timeLimitDays", "qualificationTypes"]);
    const page = await getCatalogueItem(db, "ZJ-T-001");
    expect(page!.history.map((h) => h.version)).toEqual([2, 1]);
    expect(page!.history[0]).toMatchObject({
      reason: "压缩办理时限",
      initial: false,
      changes: [
        { field: "timeLimitDays", before: 7, after: 5 },
        { field: "qualificationTypes", before: [], after: ["测绘资质", "规划设计资质"] },
      ],
    });
    expect(page!.history[1]).toMatchObject({ version: 1, initial: true });
    const events = await db.auditEvent.findMany({ where: { aggregateId: item.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.event)).toEqual(["CREATE_ITEM", "EDIT_ITEM"]);
    expect(events[1]!.payload).toMatchObject({
      version: 2,
      reason: "压缩办理时限",
      changedFields: ["timeLimitDays", "qualificationTypes"],
    });
    const ann = await db.announcement.findFirstOrThrow({ where: { entityId: item.id }, orderBy: { publishedAt: "desc" } });
    expect(ann.title).toContain("第 2 版");
    expect(ann.body).toContain("压缩办理时限");
    expect(ann.body).toContain("办理时限");
  });

  it("refuses an edit made on an old version with 409 (optimistic lock), also under concurrency", async () => {
    const db = await getDb();
    const stale = catalogueEditSchema.parse({ ...form("ZJ-T-001", { fees: "按工作量计价", reason: "过期编辑" }), version: "1" });
    await expect(editCatalogueItem(db, "ZJ-T-001", stale, admin.id)).rejects.toMatchObject({
      status: 409,
      message: "catalogueAdmin.errors.staleVersion",
    });

    const a = catalogueEditSchema.parse({
      ...form("ZJ-T-001", { timeLimitDays: "5", qualificationTypes: "测绘资质\n规划设计资质", fees: "甲的修改", reason: "甲" }),
      version: "2",
    });
    const b = catalogueEditSchema.parse({
      ...form("ZJ-T-001", { timeLimitDays: "5", qualificationTypes: "测绘资质\n规划设计资质", fees: "乙的修改", reason: "乙" }),
      version: "2",
    });
    const results = await Promise.allSettled([
      editCatalogueItem(db, "ZJ-T-001", a, admin.id),
      editCatalogueItem(db, "ZJ-T-001", b, admin.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ status: 409, message: "catalogueAdmin.errors.staleVersion" });
    const item = await db.catalogueItem.findUniqueOrThrow({ where: { code: "ZJ-T-001" } });
    expect(item.version).toBe(3);
    expect(await db.catalogueItemVersion.count({ where: { itemId: item.id } })).toBe(3);
  });

  it("refuses an edit that changes nothing (422)", async () => {
    const db = await getDb();
    const item = await db.catalogueItem.findUniqueOrThrow({ where: { code: "ZJ-T-001" } });
    const same = catalogueEditSchema.parse({
      ...form("ZJ-T-001", { timeLimitDays: "5", qualificationTypes: "测绘资质\n规划设计资质", fees: item.fees, reason: "无变化" }),
      version: String(item.version),
    });
    await expect(editCatalogueItem(db, "ZJ-T-001", same, admin.id)).rejects.toMatchObject({
      status: 422,
      message: "catalogueAdmin.errors.noChanges",
    });
  });

  it("retires an item: RETIRED, still readable with its history, no longer editable, and assertItemInForce refuses it", async () => {
    const db = await getDb();
    const current = await db.catalogueItem.findUniqueOrThrow({ where: { code: "ZJ-T-001" } });
    expect(await assertItemInForce(db, current.id)).toMatchObject({ id: current.id, code: "ZJ-T-001" });
    const { item } = await retireCatalogueItem(db, "ZJ-T-001", { reason: "并入其他事项", version: current.version }, admin.id);
    expect(item).toMatchObject({ status: "RETIRED", version: current.version + 1 });
    expect(item.retiredAt).toBeInstanceOf(Date);

    const page = await getCatalogueItem(db, "ZJ-T-001");
    expect(page!.status).toBe("RETIRED");
    expect(page!.history[0]).toMatchObject({
      version: item.version,
      reason: "并入其他事项",
      changes: [{ field: "status", before: "IN_FORCE", after: "RETIRED" }],
    });

    await expect(assertItemInForce(db, item.id)).rejects.toMatchObject({ status: 409, message: "catalogueAdmin.errors.retired" });
    await expect(db.$transaction((tx) => assertItemInForce(tx, item.id, { field: "itemId" }))).rejects.toMatchObject({
      status: 409,
      message: "catalogueAdmin.errors.retired",
      field: "itemId",
    });
    await expect(assertItemInForce(db, "no-such-item")).rejects.toMatchObject({ status: 422, message: "catalogueAdmin.errors.retired" });

    const edit = catalogueEditSchema.parse({ ...form("ZJ-T-001", { reason: "试图修改已废止事项" }), version: String(item.version) });
    await expect(editCatalogueItem(db, "ZJ-T-001", edit, admin.id)).rejects.toMatchObject({
      status: 409,
      message: "catalogueAdmin.errors.retiredNoEdit",
    });
    await expect(retireCatalogueItem(db, "ZJ-T-001", { reason: "再次废止", version: item.version }, admin.id)).rejects.toMatchObject({
      status: 409,
      message: "catalogueAdmin.errors.alreadyRetired",
    });

    const events = await db.auditEvent.findMany({ where: { aggregateId: item.id }, orderBy: { seq: "asc" } });
    expect(events.at(-1)).toMatchObject({ event: "RETIRE_ITEM", fromState: "IN_FORCE", toState: "RETIRED" });
    const ann = await db.announcement.findFirstOrThrow({ where: { entityId: item.id }, orderBy: { publishedAt: "desc" } });
    expect(ann.title).toContain("废止");
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("edits a seeded item (its snapshot keeps categoryEn) and the diff shows only the edited field", async () => {
    const db = await getDb();
    await seedCatalogue(db);
    const seeded = await db.catalogueItem.findUniqueOrThrow({ where: { code: "ZJ-PT-001" } });
    expect(seeded.categoryEn).toBe("Surveying and Mapping");
    const values = {
      code: seeded.code,
      name: seeded.name,
      nameEn: seeded.nameEn,
      aliases: seeded.aliases.join("、"),
      category: seeded.category,
      categoryEn: seeded.categoryEn,
      department: seeded.department,
      approvalServed: seeded.approvalServed,
      legalBasis: seeded.legalBasis,
      feeBasis: seeded.feeBasis,
      timeLimitDays: "8",
      qualificationTypes: seeded.qualificationTypes.join("\n"),
      standards: seeded.standards,
      materials: seeded.materials,
      procedure: seeded.procedure,
      content: seeded.content,
      fees: seeded.fees,
      qualityControl: seeded.qualityControl,
      reason: "压缩时限",
      version: "1",
    };
    await editCatalogueItem(db, "ZJ-PT-001", catalogueEditSchema.parse(values), admin.id);
    const page = await getCatalogueItem(db, "ZJ-PT-001");
    expect(page!.history[0]!.changes).toEqual([{ field: "timeLimitDays", before: 10, after: 8 }]);
  });
});

describe("public catalogue search", () => {
  it("searches Chinese and English fields, filters, and keeps retired items listed after those in force", async () => {
    const db = await getDb();
    const names = async (q: Parameters<typeof listCatalogue>[1]) => (await listCatalogue(db, q)).items.map((i) => i.code);
    expect(await names({ q: "surveying and mapping" })).toEqual(["ZJ-PT-001", "ZJ-PT-012"]);
    expect(await names({ q: "土地勘测" })).toContain("ZJ-PT-001");
    expect(await names({ q: "zj-pt-010" })).toEqual(["ZJ-PT-010"]);
    expect(await names({ q: "气象局" })).toEqual(["ZJ-PT-007", "ZJ-PT-010"]);
    expect(await names({ q: "气象局 雷电" })).toEqual(["ZJ-PT-010"]);
    expect(await names({ q: "地质灾害防治条例" })).toContain("ZJ-PT-002");
    expect(await names({ q: "technical review" })).toEqual(["ZJ-PT-011", "ZJ-T-001"]);
    expect(await names({ category: "测绘勘察", department: "区规划资源局" })).toEqual(["ZJ-PT-001", "ZJ-PT-012"]);
    const all = await listCatalogue(db, {});
    expect(all.items.at(-1)).toMatchObject({ code: "ZJ-T-001", status: "RETIRED" });
    expect(all.categories).toContainEqual({ value: "测绘勘察", labelEn: "Surveying and Mapping" });
  });
});

describe("routes", () => {
  it("send anonymous visitors to login and answer 403 to other roles, for every admin loader and action", async () => {
    const enterpriseCookie = await cookieFor(enterprise.id);
    const cases: [(args: never) => unknown, string, Record<string, string>?][] = [
      [adminList.loader, "/admin/catalogue"],
      [adminNew.loader, "/admin/catalogue/new"],
      [adminNew.action, "/admin/catalogue/new"],
      [adminEdit.loader, "/admin/catalogue/ZJ-PT-002/edit", { code: "ZJ-PT-002" }],
      [adminEdit.action, "/admin/catalogue/ZJ-PT-002/edit", { code: "ZJ-PT-002" }],
    ];
    for (const [fn, path, params] of cases) {
      const isAction = fn === adminNew.action || fn === adminEdit.action;
      const body = isAction ? { ...form("ZJ-HACK-1"), version: "1" } : undefined;
      const anon = await call(fn, request(path, { form: body }), params);
      expect(anon.thrown, path).toBeInstanceOf(Response);
      expect((anon.thrown as Response).status).toBe(302);
      expect((anon.thrown as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
      const other = await call(fn, request(path, { cookie: enterpriseCookie, form: body }), params);
      if (isAction) {
        // An action refuses with the one failure shape: 403 and the permission's i18n key.
        const refused = other.value as DataResult;
        expect(refused.init.status, path).toBe(403);
        expect(refused.data.formError, path).toBe("errors.forbiddenBody");
      } else {
        // A page answers 403 with the i18n key of the reason (the error boundary translates it).
        expect(other.thrown, path).toBeInstanceOf(Response);
        expect((other.thrown as Response).status).toBe(403);
        expect(await (other.thrown as Response).text(), path).toBe("errors.forbiddenBody");
      }
    }
    const db = await getDb();
    expect(await db.catalogueItem.count({ where: { code: "ZJ-HACK-1" } })).toBe(0);
    expect((await db.catalogueItem.findUniqueOrThrow({ where: { code: "ZJ-PT-002" } })).version).toBe(1);
  });

  it("let the admin create and edit through the forms, with translated 4xx errors for bad input", async () => {
    const cookie = await cookieFor(admin.id);
    const created = await call(adminNew.action, request("/admin/catalogue/new", { cookie, form: form("ZJ-T-002") }));
    expect(created.value).toBeInstanceOf(Response);
    expect((created.value as Response).headers.get("Location")).toBe("/catalogue/ZJ-T-002?saved=1");

    const dup = (await call(adminNew.action, request("/admin/catalogue/new", { cookie, form: form("ZJ-T-002") }))).value as DataResult;
    expect(dup.init.status).toBe(409);
    expect(dup.data.fieldErrors.code).toEqual(["catalogueAdmin.errors.codeTaken"]);

    const bad = (
      await call(adminNew.action, request("/admin/catalogue/new", { cookie, form: form("ZJ-T-003", { timeLimitDays: "-2", reason: "" }) }))
    ).value as DataResult;
    expect(bad.init.status).toBe(400);
    expect(bad.data.fieldErrors).toMatchObject({
      timeLimitDays: ["catalogueAdmin.errors.positiveInteger"],
      reason: ["catalogueAdmin.errors.reasonRequired"],
    });

    const loaded = (await call(adminEdit.loader, request("/admin/catalogue/ZJ-T-002/edit", { cookie }), { code: "ZJ-T-002" })).value as {
      version: number;
      values: Record<string, string>;
    };
    expect(loaded.version).toBe(1);
    expect(loaded.values.timeLimitDays).toBe("7");

    const noReason = (
      await call(
        adminEdit.action,
        request("/admin/catalogue/ZJ-T-002/edit", { cookie, form: { ...loaded.values, intent: "edit", version: "1", reason: " " } }),
        { code: "ZJ-T-002" },
      )
    ).value as DataResult;
    expect(noReason.init.status).toBe(400);
    expect(noReason.data.fieldErrors.reason).toEqual(["catalogueAdmin.errors.reasonRequired"]);

    const ok = await call(
      adminEdit.action,
      request("/admin/catalogue/ZJ-T-002/edit", {
        cookie,
        form: { ...loaded.values, intent: "edit", version: "1", fees: "按建筑面积计价", reason: "明确收费方式" },
      }),
      { code: "ZJ-T-002" },
    );
    expect((ok.value as Response).headers.get("Location")).toBe("/catalogue/ZJ-T-002?saved=2");

    const stale = (
      await call(
        adminEdit.action,
        request("/admin/catalogue/ZJ-T-002/edit", {
          cookie,
          form: { ...loaded.values, intent: "edit", version: "1", fees: "另一个修改", reason: "过期" },
        }),
        { code: "ZJ-T-002" },
      )
    ).value as DataResult;
    expect(stale.init.status).toBe(409);
    expect(stale.data.formError).toBe("catalogueAdmin.errors.staleVersion");

    const retired = await call(
      adminEdit.action,
      request("/admin/catalogue/ZJ-T-002/edit", { cookie, form: { intent: "retire", version: "2", reason: "测试废止" } }),
      { code: "ZJ-T-002" },
    );
    expect((retired.value as Response).headers.get("Location")).toBe("/catalogue/ZJ-T-002?saved=3");

    const missing = await call(adminEdit.loader, request("/admin/catalogue/NOPE/edit", { cookie }), { code: "NOPE" });
    expect((missing.thrown as Response).status).toBe(404);
    expect(await (missing.thrown as Response).text()).toBe("Not Found");
  });

  it("filter announcements by kind and link catalogue announcements to their item", async () => {
    const { value } = await call(announcementsRoute.loader, request("/announcements?kind=CATALOGUE_CHANGE"));
    const d = value as { announcements: { kind: string; title: string; link: { to: string; item: boolean } | null }[]; kinds: string[] };
    expect(d.kinds).toContain("CATALOGUE_CHANGE");
    expect(d.announcements.length).toBeGreaterThan(0);
    expect(d.announcements.every((a) => a.kind === "CATALOGUE_CHANGE")).toBe(true);
    expect(d.announcements[0]!.link).toEqual({ to: "/catalogue/ZJ-T-002", item: true });
    const none = (await call(announcementsRoute.loader, request("/announcements?kind=NO_SUCH_KIND"))).value as { announcements: unknown[] };
    expect(none.announcements).toEqual([]);
  });
});
