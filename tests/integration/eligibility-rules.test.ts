// Eligibility (Principle 2) and the blacklist-in-force window at their
// boundaries: credential levels, each reason on its own, a sanction that
// starts or ends exactly at the database clock's now.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import { ineligibilityReasons, levelSatisfies } from "~/services/requests/eligibility.server";
import { blacklistInForce, isBlacklisted } from "~/services/supervision/blacklist.server";
import { seedCatalogue } from "../../seeds/seed";
import { addCredential, registerAgency } from "../support/factories";
import { enterpriseUser, listedAgencies, openRequest } from "../support/requests";

describe("credential levels", () => {
  it("a higher level satisfies a lower requirement, never the reverse", () => {
    expect(levelSatisfies("甲级", "乙级")).toBe(true);
    expect(levelSatisfies("综合类", "丙级")).toBe(true);
    expect(levelSatisfies("乙级", "甲级")).toBe(false);
    expect(levelSatisfies("丙级", "乙级")).toBe(false);
  });
  it("the same rank under another name satisfies; an equal level satisfies", () => {
    expect(levelSatisfies("乙", "乙级")).toBe(true);
    expect(levelSatisfies("二级", "乙级")).toBe(true);
    expect(levelSatisfies("一级", "甲级")).toBe(true);
    expect(levelSatisfies("甲级", "甲级")).toBe(true);
  });
  it("no required level is met by anything; an unknown level only by itself", () => {
    expect(levelSatisfies("丙级", "")).toBe(true);
    expect(levelSatisfies("特级", "特级")).toBe(true);
    expect(levelSatisfies("特级", "丙级")).toBe(false);
    expect(levelSatisfies("综合类", "特级")).toBe(false);
  });
});

let db: Db;
let agencyId: string;
let request: { id: string; itemId: string; qualificationReqs: unknown };
const now = () => new Date();
const reasons = (over: Partial<typeof request> = {}, who = agencyId, at = now()) =>
  db.$transaction((tx) => ineligibilityReasons(tx, { ...request, ...over }, who, at));

const sanction = (
  agency: string,
  data: { kind?: "BLACKLIST" | "SUSPENSION"; startsAt: Date; endsAt: Date | null; revokedAt?: Date | null },
) =>
  db.sanction.create({
    data: {
      agencyId: agency,
      kind: data.kind ?? "BLACKLIST",
      reason: "出具虚假报告",
      legalBasis: "依据",
      evidence: "证据",
      authority: "区市场监管局",
      startsAt: data.startsAt,
      endsAt: data.endsAt,
      revokedAt: data.revokedAt ?? null,
    },
  });

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  const [a] = await listedAgencies(db, 1);
  agencyId = a!.agencyId;
  const posted = await openRequest(db, await enterpriseUser(db));
  const row = await db.serviceRequest.findUniqueOrThrow({
    where: { id: posted.id },
    select: { id: true, itemId: true, qualificationReqs: true },
  });
  request = row;
});

describe("ineligibility reasons", () => {
  it("a listed agency with a verified credential for the item is eligible", async () => {
    expect(await reasons()).toEqual([]);
    expect(await reasons({ qualificationReqs: [{ type: "测绘资质", level: "乙级" }] })).toEqual([]);
    expect(await reasons({ qualificationReqs: [{ type: "测绘资质", level: "" }] })).toEqual([]);
  });
  it("an unknown id is not an agency", async () => {
    expect(await reasons({}, "00000000-0000-7000-8000-000000000000")).toEqual(["requests.eligibility.notAgency"]);
  });
  it("each missing qualification is named, with its level when one is required", async () => {
    expect(
      await reasons({
        qualificationReqs: [
          { type: "测绘资质", level: "综合类" },
          { type: "规划资质", level: "" },
          { type: "规划资质", level: "乙级" },
        ],
      }),
    ).toEqual([
      "requests.eligibility.missingQualification::测绘资质 综合类",
      "requests.eligibility.missingQualification::规划资质",
      "requests.eligibility.missingQualification::规划资质 乙级",
    ]);
  });
  it("requirements that are not a list are ignored", async () => {
    expect(await reasons({ qualificationReqs: { type: "规划资质", level: "乙级" } })).toEqual([]);
    expect(await reasons({ qualificationReqs: null })).toEqual([]);
  });
  it("a credential for another item does not cover this one", async () => {
    const other = await db.catalogueItem.findFirstOrThrow({ where: { id: { not: request.itemId } }, select: { id: true } });
    expect(await reasons({ itemId: other.id })).toEqual(["requests.eligibility.noCredential"]);
  });
  it("an unlisted agency is told its status; its unverified credential covers nothing", async () => {
    const { agency } = await registerAgency(db, { name: `未审核测绘有限公司${Math.random().toString(36).slice(2, 6)}` });
    await addCredential(db, agency.id, ["ZJ-PT-001"]);
    expect(await reasons({}, agency.id)).toEqual(["requests.eligibility.notListed::APPLIED", "requests.eligibility.noCredential"]);
  });
  it("an agency on the request's avoidance list is told the reason", async () => {
    const [b] = await listedAgencies(db, 1);
    await db.requestAvoidance.create({ data: { requestId: request.id, agencyId: b!.agencyId, reason: "与业主存在关联关系" } });
    expect(await reasons({}, b!.agencyId)).toEqual(["requests.eligibility.avoided::与业主存在关联关系"]);
  });
  it("a blacklist in force blocks bidding even while listed", async () => {
    const [c] = await listedAgencies(db, 1);
    const at = now();
    await sanction(c!.agencyId, { startsAt: at, endsAt: null });
    expect(await reasons({}, c!.agencyId, at)).toEqual(["requests.eligibility.blacklisted"]);
  });
});

describe("blacklist in force", () => {
  const t = new Date("2026-06-01T00:00:00Z");
  const ms = (n: number) => new Date(t.getTime() + n);
  it("is in force from its start, up to but not at its end", async () => {
    const [a] = await listedAgencies(db, 1);
    await sanction(a!.agencyId, { startsAt: t, endsAt: ms(1000) });
    expect(await isBlacklisted(db, a!.agencyId, ms(-1))).toBe(false);
    expect(await isBlacklisted(db, a!.agencyId, t)).toBe(true);
    expect(await isBlacklisted(db, a!.agencyId, ms(999))).toBe(true);
    expect(await isBlacklisted(db, a!.agencyId, ms(1000))).toBe(false);
  });
  it("a revoked entry or another kind of sanction is not a blacklist in force; one without end never ends", async () => {
    const [a, b, c] = await listedAgencies(db, 3);
    await sanction(a!.agencyId, { startsAt: t, endsAt: null, revokedAt: ms(10) });
    await sanction(b!.agencyId, { kind: "SUSPENSION", startsAt: t, endsAt: null });
    await sanction(c!.agencyId, { startsAt: t, endsAt: null });
    expect(await isBlacklisted(db, a!.agencyId, ms(20))).toBe(false);
    expect(await isBlacklisted(db, b!.agencyId, ms(20))).toBe(false);
    expect(await isBlacklisted(db, c!.agencyId, new Date("2099-01-01T00:00:00Z"))).toBe(true);
    expect(await blacklistInForce(db, c!.agencyId, ms(-1))).toBeNull();
  });
  it("of several entries in force, the one ending last (or never) is reported", async () => {
    const [a, b] = await listedAgencies(db, 2);
    await sanction(a!.agencyId, { startsAt: t, endsAt: ms(5000) });
    const longest = await sanction(a!.agencyId, { startsAt: t, endsAt: ms(9000) });
    await sanction(a!.agencyId, { startsAt: t, endsAt: ms(7000) });
    expect(await blacklistInForce(db, a!.agencyId, ms(1))).toEqual({
      id: longest.id,
      startsAt: t,
      endsAt: ms(9000),
      reason: "出具虚假报告",
    });
    await sanction(b!.agencyId, { startsAt: t, endsAt: ms(9000) });
    const forever = await sanction(b!.agencyId, { startsAt: t, endsAt: null });
    expect((await blacklistInForce(db, b!.agencyId, ms(1)))?.id).toBe(forever.id);
  });
});
