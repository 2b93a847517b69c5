import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file (deliveries), set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-credit-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { rmSync } from "node:fs";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { loader as agencyLoader } from "~/routes/agencies.$id";
import { searchDirectory } from "~/services/agencies/directory.server";
import { dbNow } from "~/services/clock.server";
import { creditInputs, recomputeCreditScore } from "~/services/credit/recompute.server";
import { computeCreditScore } from "~/services/credit/score";
import { recomputeTimeDependentCreditScores } from "~/services/ratings/credit-refresh.server";
import { rateRequest } from "~/services/ratings/ratings.server";
import { acceptDelivery, decideObjection, deliverResult, fileObjection } from "~/services/requests/award.server";
import { seedCatalogue } from "../../seeds/seed";
import { createUser } from "../support/factories";
import { getRequest, responseOf, routeArgs } from "../support/http";
import { awardedRequest, badScores, completedRequest, goodScores, inServiceRequest, pdf } from "../support/ratings";
import { listedAgencies, sessionUserOf } from "../support/requests";

/** What every objection decision must state besides its reason (Principle 7). */
const GROUNDS = { legalBasis: "《普陀区行政审批中介服务网上交易平台管理规定》第十八条", evidence: "报价文件、资质证书核验记录" };

let db: Db;
let regulator: SessionUser;
const DAY = 86_400_000;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  regulator = sessionUserOf(await createUser(db, "REGULATOR"));
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

const agencyRow = (id: string) => db.agency.findUniqueOrThrow({ where: { id } });
const creditCodeOf = async (agencyId: string) =>
  (await db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { organization: { select: { creditCode: true } } } })).organization
    .creditCode!;

/** What formula 1.0 gives from the current rows, computed from scratch (as anyone could from the public data). */
async function freshScore(agencyId: string) {
  return db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    return computeCreditScore(await creditInputs(tx, agencyId, now), now);
  });
}

describe("on-time delivery", () => {
  it("an accepted delivery recomputes the score: on time +5, late 0, mixed by share", async () => {
    const onTime = await completedRequest(db);
    const a = await agencyRow(onTime.winner.agencyId);
    expect(a.creditBreakdown).toMatchObject({ base: 80, ratings: 0, delivery: 5, objections: 0, sanctions: 0, total: 85, version: "1.1" });
    expect(a.creditScore).toBe(85);
    expect(a.creditUpdatedAt).not.toBeNull();
    // The losing bidders are untouched.
    expect((await agencyRow(onTime.agencies[1]!.agencyId)).creditUpdatedAt).toBeNull();

    const late = await completedRequest(db, { late: true });
    const b = await agencyRow(late.winner.agencyId);
    expect(b.creditBreakdown).toMatchObject({ delivery: 0, total: 80 });
    expect(b.creditScore).toBe(80);
    expect(b.creditUpdatedAt).not.toBeNull();

    // The on-time agency now delivers one late: half on time → +2.5 → 82.5, rounded 83.
    await completedRequest(db, { agencies: onTime.agencies, late: true });
    const mixed = await agencyRow(onTime.winner.agencyId);
    expect(mixed.creditBreakdown).toMatchObject({ delivery: 2.5, total: 83 });
    expect(mixed.creditScore).toBe(83);
  });

  it("a returned delivery changes nothing until the accepted one", async () => {
    const r = await inServiceRequest(db);
    await deliverResult(db, r.winner.user, r.id, { file: pdf(), note: "" });
    expect((await agencyRow(r.winner.agencyId)).creditUpdatedAt).toBeNull();
    await acceptDelivery(db, r.owner, r.id);
    expect((await agencyRow(r.winner.agencyId)).creditScore).toBe(85);
  });
});

describe("upheld objections", () => {
  it("an upheld objection lowers the revoked winner's score by 5; a dismissed one changes nothing", async () => {
    const r = await awardedRequest(db);
    const [winner, second, third] = r.agencies;
    const dismissed = await fileObjection(db, third!.user, r.id, "中选机构资质证书已过期。");
    await decideObjection(db, regulator, dismissed.id, "DISMISS", "经核查资质证书在有效期内。", GROUNDS);
    expect(await agencyRow(winner!.agencyId)).toMatchObject({ creditScore: 80, creditUpdatedAt: null });

    const upheld = await fileObjection(db, second!.user, r.id, "中选机构提交的业绩材料不实。");
    await decideObjection(db, regulator, upheld.id, "UPHOLD", "经核查业绩材料不实，异议成立。", GROUNDS);
    const after = await agencyRow(winner!.agencyId);
    expect(after.creditBreakdown).toMatchObject({ base: 80, objections: -5, total: 75, version: "1.1" });
    expect(after.creditScore).toBe(75);
    // The objector (now the winner) is not penalized.
    expect((await agencyRow(second!.agencyId)).creditScore).toBe(80);
  });
});

describe("ratings feed the score", () => {
  it("each rating recomputes the score from every rating (recent ones weigh more)", async () => {
    const r1 = await completedRequest(db);
    const id = r1.winner.agencyId;
    await rateRequest(db, r1.owner, r1.id, { ...badScores, text: "报告质量差，多次返工。" });
    expect((await agencyRow(id)).creditBreakdown).toMatchObject({ ratings: -15, delivery: 5, total: 70 });
    const r2 = await completedRequest(db, { agencies: r1.agencies });
    // Make the first rating a year old: the newer (good) rating weighs 4× as much (two half-lives).
    await db.rating.updateMany({ where: { requestId: r1.id }, data: { createdAt: new Date(Date.now() - 360 * DAY) } });
    await rateRequest(db, r2.owner, r2.id, { ...goodScores, text: "这次服务很好，及时规范。" });
    const a = await agencyRow(id);
    // Weighted mean = (1×0.25 + 5×1) / 1.25 = 4.2 → +9; two on-time deliveries +5 → 94.
    expect((a.creditBreakdown as { ratings: number }).ratings).toBeCloseTo(9, 0);
    expect(a.creditScore).toBe(94);
    expect(a.creditScore).toBe((await freshScore(id)).total);
  });
});

describe("the stored score drives the directory and SCORED selection", () => {
  it("a rating that lowers the score drops the agency below a credit filter and changes who wins a SCORED request", async () => {
    // A, B, C; A completes one job on time (85), B and C stay at 80.
    const first = await completedRequest(db);
    const [A, B] = first.agencies;
    const scoredOverrides = { selectionMethod: "SCORED", weightPrice: "50", weightCredit: "50", weightDays: "0" };
    const bids = [70000, 72000, 90000];

    const inFilter = async () =>
      (await searchDirectory(db, { q: await creditCodeOf(A!.agencyId), minCredit: 80 })).agencies.map((a) => a.id);
    expect(await inFilter()).toEqual([A!.agencyId]);

    // SCORED before the rating: A's lower price and 85 credit win (50 + 42.5 = 92.5 vs 48.6 + 40 = 88.6).
    const before = await awardedRequest(db, { agencies: first.agencies, amounts: bids, overrides: scoredOverrides });
    const wonBefore = await db.bid.findFirstOrThrow({ where: { requestId: before.id, status: "WON" } });
    expect(wonBefore.agencyId).toBe(A!.agencyId);

    // The owner rates A 1 on everything: 80 − 15 + 5 = 70.
    await rateRequest(db, first.owner, first.id, { ...badScores, text: "质量差，服务态度差。" });
    expect((await agencyRow(A!.agencyId)).creditScore).toBe(70);
    expect(await inFilter()).toEqual([]);
    const sorted = await searchDirectory(db, { sort: "credit" });
    const ids = sorted.agencies.map((a) => a.id);
    if (ids.includes(A!.agencyId)) expect(ids.indexOf(B!.agencyId)).toBeLessThan(ids.indexOf(A!.agencyId));

    // The same SCORED bids now go to B (A: 50 + 35 = 85 < B: 88.6).
    const after = await awardedRequest(db, { agencies: first.agencies, amounts: bids, overrides: scoredOverrides });
    const wonAfter = await db.bid.findFirstOrThrow({ where: { requestId: after.id, status: "WON" } });
    expect(wonAfter.agencyId).toBe(B!.agencyId);
    const aBid = await db.bid.findFirstOrThrow({ where: { requestId: after.id, agencyId: A!.agencyId } });
    expect(aBid.score).toBe(85);
  });
});

describe("inputs that change with time alone", () => {
  it("the scheduler step recomputes a score when an upheld objection turns two years old, once", async () => {
    const r = await awardedRequest(db);
    const [winner, second] = r.agencies;
    const o = await fileObjection(db, second!.user, r.id, "业绩材料不实。");
    await decideObjection(db, regulator, o.id, "UPHOLD", "异议成立。", GROUNDS);
    expect((await agencyRow(winner!.agencyId)).creditScore).toBe(75);
    expect(await recomputeTimeDependentCreditScores(db)).toBe(0);

    // As if the decision and the stored score were 731 days old.
    const then = new Date(Date.now() - 731 * DAY);
    await db.objection.update({ where: { id: o.id }, data: { decidedAt: then } });
    await db.agency.update({ where: { id: winner!.agencyId }, data: { creditUpdatedAt: then } });
    expect(await recomputeTimeDependentCreditScores(db)).toBe(1);
    expect(await agencyRow(winner!.agencyId)).toMatchObject({
      creditScore: 80,
      creditBreakdown: expect.objectContaining({ objections: 0 }),
    });
    expect(await recomputeTimeDependentCreditScores(db)).toBe(0);
  });

  it("a blacklist entry zeroes the score while in force; the step restores it when the entry ends", async () => {
    const [agency] = await listedAgencies(db, 1);
    const id = agency!.agencyId;
    const now = Date.now();
    const sanction = await db.sanction.create({
      data: {
        agencyId: id,
        kind: "BLACKLIST",
        reason: "提供虚假材料",
        legalBasis: "《中介服务管理办法》第二十条",
        evidence: "核查记录",
        authority: "区审改办",
        startsAt: new Date(now - DAY),
        endsAt: new Date(now + 3600_000),
      },
    });
    await db.$transaction((tx) => recomputeCreditScore(tx, id));
    expect(await agencyRow(id)).toMatchObject({ creditScore: 0 });
    expect(await recomputeTimeDependentCreditScores(db)).toBe(0);

    // As if the entry had ended an hour ago, after the score was stored.
    await db.sanction.update({ where: { id: sanction.id }, data: { endsAt: new Date(now - 3600_000) } });
    await db.agency.update({ where: { id }, data: { creditUpdatedAt: new Date(now - 2 * 3600_000) } });
    expect(await recomputeTimeDependentCreditScores(db)).toBe(1);
    expect((await agencyRow(id)).creditScore).toBe(80);
    expect(await recomputeTimeDependentCreditScores(db)).toBe(0);
  });
});

describe("the public profile", () => {
  it("shows the score with its breakdown and version, and every sanction with reason, legal basis and dates, revoked ones marked", async () => {
    const r = await completedRequest(db);
    const id = r.winner.agencyId;
    await rateRequest(db, r.owner, r.id, { quality: 4, timeliness: 4, attitude: 4, fee: 4, standards: 4, text: "总体满意，沟通顺畅。" });
    const now = Date.now();
    await db.sanction.create({
      data: {
        agencyId: id,
        kind: "WARNING",
        reason: "未按规定公示收费标准",
        legalBasis: "《价格法》第十三条",
        evidence: "检查记录",
        authority: "区发改委",
        startsAt: new Date(now - 10 * DAY),
        endsAt: null,
        revokedAt: new Date(now - DAY),
        revokedReason: "复核认定收费标准已公示",
      },
    });
    await db.sanction.create({
      data: {
        agencyId: id,
        kind: "SUSPENSION",
        reason: "出具报告存在重大错误",
        legalBasis: "《中介服务管理办法》第十八条",
        evidence: "专家评审意见",
        authority: "区审改办",
        startsAt: new Date(now - 40 * DAY),
        endsAt: new Date(now - 10 * DAY),
      },
    });
    await db.$transaction((tx) => recomputeCreditScore(tx, id));

    const res = (await responseOf(() => agencyLoader(routeArgs(getRequest(`/agencies/${id}`), { id })))) as {
      agency: Record<string, unknown>;
    };
    const a = res.agency as {
      creditScore: number;
      credit: { score: number; breakdown: Record<string, number>; version: string; updatedAt: string; zeroed: boolean };
      ratings: { total: number; averages: Record<string, number>; items: unknown[] };
      sanctions: {
        kind: string;
        reason: string;
        legalBasis: string;
        startsAt: string;
        endsAt: string | null;
        revokedAt: string | null;
        revokedReason: string | null;
        state: string;
      }[];
    };
    // 80 + (4 − 3)/2 × 15 = 7.5 + 5 (on time) − 15 (suspension; the revoked warning does not count) = 77.5 → 78.
    expect(a.credit).toMatchObject({
      score: 78,
      breakdown: { base: 80, ratings: 7.5, delivery: 5, objections: 0, sanctions: -15, total: 78 },
      version: "1.1",
      zeroed: false,
    });
    expect(a.creditScore).toBe(78);
    expect(new Date(a.credit.updatedAt).getTime()).toBeGreaterThan(now - 60_000);
    expect(a.ratings).toMatchObject({ total: 1, averages: { quality: 4, timeliness: 4, attitude: 4, fee: 4, standards: 4, overall: 4 } });
    expect(a.sanctions).toHaveLength(2);
    expect(a.sanctions[0]).toMatchObject({
      kind: "WARNING",
      reason: "未按规定公示收费标准",
      legalBasis: "《价格法》第十三条",
      revokedReason: "复核认定收费标准已公示",
      state: "revoked",
    });
    expect(a.sanctions[1]).toMatchObject({
      kind: "SUSPENSION",
      legalBasis: "《中介服务管理办法》第十八条",
      state: "ended",
      endsAt: new Date(now - 10 * DAY).toISOString(),
    });
    expect(a.credit.score).toBe((await freshScore(id)).total);
  });
});

describe("concurrent events on one agency", () => {
  if (process.env.TEST_DB !== "postgres")
    console.warn(
      "\n!!! tests/integration/credit.test.ts › concurrent events: meaningful on real PostgreSQL (TEST_DB=postgres); PGlite serializes every transaction !!!\n",
    );

  it("two ratings and an accepted delivery at once: the stored score equals a fresh computation over all of them", async () => {
    const r1 = await completedRequest(db);
    const r2 = await completedRequest(db, { agencies: r1.agencies });
    const r3 = await inServiceRequest(db, { agencies: r1.agencies });
    await deliverResult(db, r3.winner.user, r3.id, { file: pdf(), note: "" });
    const id = r1.winner.agencyId;
    const results = await Promise.allSettled([
      rateRequest(db, r1.owner, r1.id, { ...goodScores, text: "第一家业主：很好。" }),
      rateRequest(db, r2.owner, r2.id, { ...badScores, text: "第二家业主：很差。" }),
      acceptDelivery(db, r3.owner, r3.id),
    ]);
    expect(results.map((x) => x.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    const a = await agencyRow(id);
    expect(a.ratingCount).toBe(2);
    expect(a.ratingAvg).toBe(3);
    const fresh = await freshScore(id);
    expect(fresh.delivery).toBe(5);
    expect(a.creditScore).toBe(fresh.total);
    expect(a.creditBreakdown).toMatchObject({ ratings: fresh.ratings, delivery: 5, total: fresh.total });
  });
});
