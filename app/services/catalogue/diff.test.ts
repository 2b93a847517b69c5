import { describe, expect, it } from "vitest";
import { catalogueCreateSchema, catalogueEditSchema, catalogueRetireSchema } from "~/schemas/catalogue";
import { diffSnapshots, normalizeSnapshot, versionHistory } from "./diff";

const base = {
  code: "ZJ-T-1",
  name: "土地勘测",
  nameEn: "Land Survey",
  category: "测绘勘察",
  categoryEn: "Surveying",
  department: "区规划资源局",
  approvalServed: "建设用地审批",
  legalBasis: "《土地管理法》",
  feeBasis: "MARKET",
  timeLimitDays: 10,
  qualificationTypes: ["测绘资质"],
  standards: "TD/T 1008",
  materials: "1. 委托书",
  procedure: "1. 发布需求",
  content: "勘测定界",
  fees: "市场调节价",
  qualityControl: "两级检查",
  status: "IN_FORCE",
};

describe("diffSnapshots", () => {
  it("lists only the changed fields, in display order", () => {
    const after = { ...base, timeLimitDays: 8, name: "土地勘测定界", qualificationTypes: ["测绘资质", "不动产测绘"] };
    expect(diffSnapshots(base, after)).toEqual([
      { field: "name", before: "土地勘测", after: "土地勘测定界" },
      { field: "timeLimitDays", before: 10, after: 8 },
      { field: "qualificationTypes", before: ["测绘资质"], after: ["测绘资质", "不动产测绘"] },
    ]);
  });

  it("finds no change between equal snapshots and ignores unknown keys", () => {
    expect(diffSnapshots(base, { ...base, extra: 1 })).toEqual([]);
  });

  it("treats a snapshot without status (older seed) as in force, and a missing field as empty", () => {
    const { status: _s, categoryEn: _c, ...old } = base;
    expect(normalizeSnapshot(old).status).toBe("IN_FORCE");
    expect(diffSnapshots(old, base)).toEqual([{ field: "categoryEn", before: null, after: "Surveying" }]);
    expect(diffSnapshots(base, { ...base, status: "RETIRED" })).toEqual([{ field: "status", before: "IN_FORCE", after: "RETIRED" }]);
  });

  it("survives malformed JSON", () => {
    expect(normalizeSnapshot(null).name).toBeNull();
    expect(normalizeSnapshot([1, 2]).code).toBeNull();
    expect(normalizeSnapshot({ name: { x: 1 } }).name).toBe('{"x":1}');
  });
});

describe("versionHistory", () => {
  it("gives every version newest first, the first marked initial, later ones diffed against their predecessor", () => {
    const d = (n: number) => new Date(`2026-01-0${n}T00:00:00Z`);
    const history = versionHistory([
      { version: 2, snapshot: { ...base, fees: "按面积计价" }, reason: "调整收费", createdAt: d(2) },
      { version: 1, snapshot: base, reason: "初始目录", createdAt: d(1) },
      { version: 3, snapshot: { ...base, fees: "按面积计价", status: "RETIRED" }, reason: "废止", createdAt: d(3) },
    ]);
    expect(history.map((h) => [h.version, h.initial, h.changes.map((c) => c.field)])).toEqual([
      [3, false, ["status"]],
      [2, false, ["fees"]],
      [1, true, []],
    ]);
    expect(history[1]!.reason).toBe("调整收费");
  });
});

describe("catalogue schemas", () => {
  const form = {
    code: " zj-new-1 ",
    name: "新事项",
    nameEn: "New item",
    category: "技术审查",
    categoryEn: "Technical Review",
    department: "区建设管理委员会",
    approvalServed: "施工许可",
    legalBasis: "《建设工程质量管理条例》",
    feeBasis: "MARKET",
    timeLimitDays: "１５",
    qualificationTypes: "甲级\r\n\r\n 乙级 \n甲级",
    standards: "标准",
    materials: "材料",
    procedure: "流程",
    content: "内容",
    fees: "收费",
    qualityControl: "质控",
    reason: "  新增  ",
  };

  it("normalises code, qualification lines and full-width digits", () => {
    const parsed = catalogueCreateSchema.parse(form);
    expect(parsed.code).toBe("ZJ-NEW-1");
    expect(parsed.qualificationTypes).toEqual(["甲级", "乙级"]);
    expect(parsed.timeLimitDays).toBe(15);
    expect(parsed.reason).toBe("新增");
  });

  it("uses i18n keys for errors: reason required, positive integer time limit, code format", () => {
    const r = catalogueCreateSchema.safeParse({ ...form, code: "中文", timeLimitDays: "0", reason: "   " });
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toMatchObject({
      code: "catalogueAdmin.errors.codeFormat",
      timeLimitDays: "catalogueAdmin.errors.positiveInteger",
      reason: "catalogueAdmin.errors.reasonRequired",
    });
    for (const bad of ["1.5", "-3", "abc", ""]) {
      expect(catalogueEditSchema.safeParse({ ...form, version: "1", timeLimitDays: bad }).success, bad).toBe(false);
    }
  });

  it("requires the edited version on edit and retire", () => {
    expect(catalogueRetireSchema.safeParse({ reason: "x" }).success).toBe(false);
    expect(catalogueRetireSchema.parse({ reason: "x", version: "3" })).toEqual({ reason: "x", version: 3 });
    expect(catalogueEditSchema.safeParse({ ...form, version: "2" }).success).toBe(true);
  });
});
