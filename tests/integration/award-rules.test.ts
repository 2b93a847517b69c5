// Objections (异议) to an award at their boundaries, calling the commands
// directly with small fixtures: who may object (a losing or invalidated bidder,
// not the winner, not an agency that withdrew or never bid, not an
// enterprise), until exactly publicityEndsAt by the database clock, once while
// pending; the regulator's answer (who, which refusal, what is required) and
// what each outcome writes: the objection row, the published decision, the
// award moving down the ranking past agencies no longer listed with a new
// publicity period from the decision's instant, 流标 when nobody is left, the
// audit event and who is told. Mutation testing uses this file
// (docs/mutation-testing.md, stryker.commands.config.json).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-award-rules-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

/** dbNow with a queue of instants to return first (then the real clock). */
const hook = vi.hoisted(() => ({ times: [] as Date[] }));
vi.mock("~/services/clock.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/services/clock.server")>();
  return { ...real, dbNow: async (client: never) => hook.times.shift() ?? real.dbNow(client) };
});

import { rmSync } from "node:fs";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { decideObjection, fileObjection, SUPERSEDED_REASON } from "~/services/requests/award.server";
import { submitBid, withdrawBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { seedCatalogue } from "../../seeds/seed";
import { pdf, regulatorUser } from "../support/cases";
import { enterpriseUser, expire, listedAgencies, openRequest } from "../support/requests";

const DAY = 86_400_000;
const ms = (d: Date, n: number) => new Date(d.getTime() + n);
/** The instant the next command reads as "now" (replacing one a refused command left unread). */
const at = (...instants: Date[]) => hook.times.splice(0, hook.times.length, ...instants);
const GROUNDS = { legalBasis: "《普陀区行政审批中介服务网上交易平台管理规定》第十八条", evidence: "报价文件、资质证书核验记录" };
const bid = (yuan: number) => ({ amountFen: BigInt(yuan * 100), serviceDays: 20, proposal: "按规范完成勘测并出具报告" });

type Agency = { user: SessionUser; agencyId: string };
let db: Db;
let reg: SessionUser;
let agencies: Agency[];
let regulatorOrgs: string[];

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  reg = await regulatorUser(db);
  agencies = await listedAgencies(db, 4);
  regulatorOrgs = [
    ...new Set((await db.user.findMany({ where: { role: "REGULATOR" }, select: { organizationId: true } })).map((u) => u.organizationId!)),
  ].sort();
});

afterEach(() => {
  hook.times.length = 0;
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

/**
 * A request closed by lowest price: bidders[i] bids amounts[i] (the first one
 * wins at the lowest amount); `withdrawn` bids and withdraws before closing.
 */
async function awarded(bidders: Agency[], amounts: number[], withdrawn?: Agency) {
  const owner = await enterpriseUser(db);
  const req = await openRequest(db, owner, { minBidders: "1" });
  for (const [i, a] of bidders.entries()) await submitBid(db, a.user, req.id, bid(amounts[i]!));
  if (withdrawn) {
    await submitBid(db, withdrawn.user, req.id, bid(99000));
    await withdrawBid(db, withdrawn.user, req.id);
  }
  await expire(db, req.id);
  await closeDueRequests(db);
  const r = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
  expect(r.status).toBe("AWARD_PUBLICITY");
  return {
    owner,
    id: r.id,
    code: r.code,
    title: r.title,
    publicityEndsAt: r.publicityEndsAt!,
    awardedBidId: r.awardedBidId!,
    version: r.version,
  };
}

const bidOf = (requestId: string, a: Agency) =>
  db.bid.findUniqueOrThrow({ where: { requestId_agencyId: { requestId, agencyId: a.agencyId } } });
const awardsCount = async (a: Agency) => (await db.agency.findUniqueOrThrow({ where: { id: a.agencyId } })).awardsCount;
const lastEvent = (requestId: string) =>
  db.auditEvent.findFirstOrThrow({
    where: { aggregateType: "request", aggregateId: requestId },
    orderBy: { seq: "desc" },
    select: { fromState: true, event: true, toState: true, actorId: true, payload: true },
  });
const told = async (kind: string, requestId: string) =>
  (await db.notification.findMany({ where: { kind }, select: { userId: true, orgId: true, data: true } }))
    .filter((n) => (n.data as { requestId?: string }).requestId === requestId)
    .map((n) => n.orgId ?? n.userId)
    .sort();
const dataOf = async (kind: string, requestId: string) =>
  (await db.notification.findMany({ where: { kind }, select: { data: true } }))
    .map((n) => n.data)
    .find((d) => (d as { requestId?: string }).requestId === requestId);
const org = (a: Agency) => a.user.organizationId!;
const announcements = (requestId: string, kind: string) =>
  db.announcement.findMany({ where: { entityType: "request", entityId: requestId, kind }, orderBy: { publishedAt: "asc" } });

describe("filing an objection", () => {
  it("only a bidder that lost may object: not the winner, one that withdrew, one that never bid, nor an enterprise", async () => {
    const [a0, a1, a2, a3] = agencies as [Agency, Agency, Agency, Agency];
    const r = await awarded([a0, a1], [60000, 65000], a2);
    await expect(fileObjection(db, a0.user, r.id, "自我异议")).rejects.toMatchObject({
      status: 403,
      message: "award.errors.winnerCannotObject",
    });
    for (const who of [a2.user, a3.user, r.owner])
      await expect(fileObjection(db, who, r.id, "异议")).rejects.toMatchObject({ status: 403, message: "award.errors.notBidder" });
    await expect(fileObjection(db, a1.user, r.id, " ")).rejects.toMatchObject({ status: 400, message: "errors.required" });
    expect(await db.objection.count({ where: { requestId: r.id } })).toBe(0);
  });

  it("until exactly publicityEndsAt by the database clock; kept with its time, audited, and every side told; once while pending", async () => {
    const [a0, a1] = agencies as [Agency, Agency];
    const r = await awarded([a0, a1], [60000, 65000]);
    at(r.publicityEndsAt);
    await expect(fileObjection(db, a1.user, r.id, "迟到的异议")).rejects.toMatchObject({
      status: 409,
      message: "award.errors.publicityOver",
    });
    const now = ms(r.publicityEndsAt, -1);
    at(now);
    const o = await fileObjection(db, a1.user, r.id, " 中选报价低于成本 ", [pdf("报价对比.pdf")]);
    expect(await db.objection.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      requestId: r.id,
      agencyId: a1.agencyId,
      reason: "中选报价低于成本",
      status: "PENDING",
      createdAt: now,
    });
    const evidence = await db.objectionEvidence.findMany({ where: { objectionId: o.id } });
    expect(evidence).toHaveLength(1);
    const doc = await db.document.findUniqueOrThrow({ where: { id: evidence[0]!.documentId } });
    expect(doc).toMatchObject({ ownerOrgId: org(a1), kind: "OBJECTION_EVIDENCE", uploadedById: a1.user.id });
    const ev = await lastEvent(r.id);
    expect(ev).toEqual({
      fromState: "AWARD_PUBLICITY",
      event: "OBJECTION_FILED",
      toState: "AWARD_PUBLICITY",
      actorId: a1.user.id,
      payload: {
        objectionId: o.id,
        agencyId: a1.agencyId,
        awardedBidId: r.awardedBidId,
        reason: "中选报价低于成本",
        evidence: [{ documentId: doc.id, sha256: doc.sha256, size: doc.size }],
      },
    });
    // Regulators (one notice per regulator organization), the enterprise and the winner.
    expect(await told("OBJECTION_FILED", r.id)).toEqual([...regulatorOrgs, r.owner.organizationId!, org(a0)].sort());
    expect(await dataOf("OBJECTION_FILED", r.id)).toEqual({ requestId: r.id, title: r.title, code: r.code });
    at(now);
    await expect(fileObjection(db, a1.user, r.id, "再次异议")).rejects.toMatchObject({
      status: 409,
      message: "award.errors.duplicateObjection",
    });
  });

  it("bad evidence is refused at the evidence field, before anything is kept: more than three files, an empty file", async () => {
    const [a0, a1] = agencies as [Agency, Agency];
    const r = await awarded([a0, a1], [60000, 65000]);
    const four = ["1", "2", "3", "4"].map((n) => pdf(`证据${n}.pdf`));
    await expect(fileObjection(db, a1.user, r.id, "异议", four)).rejects.toMatchObject({
      status: 400,
      field: "evidence",
      message: "contractFiles.errors.tooManyFiles",
    });
    const empty = new File([], "空白.pdf", { type: "application/pdf" });
    await expect(fileObjection(db, a1.user, r.id, "异议", [pdf(), empty])).rejects.toMatchObject({
      status: 400,
      field: "evidence",
      message: "agencyProfile.errors.fileEmpty",
    });
    expect(await db.objection.count({ where: { requestId: r.id } })).toBe(0);
  });

  it("a bidder of a request still open for bids has no award to object to: notBidder, not publicityOver", async () => {
    const [a0] = agencies as [Agency];
    const req = await openRequest(db, await enterpriseUser(db), { minBidders: "1" });
    await submitBid(db, a0.user, req.id, bid(60000));
    await expect(fileObjection(db, a0.user, req.id, "异议")).rejects.toMatchObject({ status: 403, message: "award.errors.notBidder" });
  });

  it("without evidence the audit event has no evidence list", async () => {
    const [a0, a1] = agencies as [Agency, Agency];
    const r = await awarded([a0, a1], [60000, 65000]);
    await fileObjection(db, a1.user, r.id, "关联关系");
    expect((await lastEvent(r.id)).payload).not.toHaveProperty("evidence");
  });
});

describe("deciding an objection", () => {
  it("which refusal: a regulator only, UPHOLD or DISMISS, reason, legal basis and evidence each required, an unknown objection", async () => {
    const [a0, a1] = agencies as [Agency, Agency];
    const r = await awarded([a0, a1], [60000, 65000]);
    const o = await fileObjection(db, a1.user, r.id, "异议");
    for (const who of [a0.user, r.owner])
      await expect(decideObjection(db, who, o.id, "DISMISS", "理由", GROUNDS)).rejects.toMatchObject({
        status: 403,
        message: "award.errors.notRegulator",
      });
    await expect(decideObjection(db, reg, o.id, "MAYBE" as "DISMISS", "理由", GROUNDS)).rejects.toMatchObject({
      status: 400,
      field: "decision",
      message: "errors.invalidChoice",
    });
    await expect(decideObjection(db, reg, o.id, "DISMISS", " ", GROUNDS)).rejects.toMatchObject({
      status: 400,
      message: "errors.required",
    });
    for (const field of ["legalBasis", "evidence"] as const)
      await expect(decideObjection(db, reg, o.id, "UPHOLD", "理由", { ...GROUNDS, [field]: " " })).rejects.toMatchObject({
        status: 400,
        field,
        message: "errors.required",
      });
    await expect(decideObjection(db, reg, o.id, "UPHOLD", "理由", { ...GROUNDS, legalBasis: "法".repeat(501) })).rejects.toMatchObject({
      status: 400,
      field: "legalBasis",
    });
    await expect(decideObjection(db, reg, "00000000-0000-0000-0000-000000000000", "DISMISS", "理由", GROUNDS)).rejects.toMatchObject({
      status: 404,
      message: "award.errors.objectionNotFound",
    });
    expect(await db.objection.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ status: "PENDING", decidedAt: null });
  });

  it("an objection still pending when the request left publicity (terminated) is refused as a conflict; nothing is written", async () => {
    const [a0, a1] = agencies as [Agency, Agency];
    const r = await awarded([a0, a1], [60000, 65000]);
    const o = await fileObjection(db, a1.user, r.id, "异议");
    // As after the enterprise terminated the award of a sanctioned winner (terminate.server.ts).
    await db.serviceRequest.update({ where: { id: r.id }, data: { status: "TERMINATED" } });
    await expect(decideObjection(db, reg, o.id, "DISMISS", "理由", GROUNDS)).rejects.toMatchObject({
      status: 409,
      message: "award.errors.conflict",
    });
    expect(await db.objection.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ status: "PENDING", decidedAt: null });
    expect(await announcements(r.id, "OBJECTION_DECISION")).toEqual([]);
  });

  it("dismissed: kept with who, when and on what grounds, published, audited, objector and enterprise told; the award stands", async () => {
    const [a0, a1] = agencies as [Agency, Agency];
    const r = await awarded([a0, a1], [60000, 65000]);
    const o = await fileObjection(db, a1.user, r.id, "异议");
    const now = new Date("2026-04-01T03:00:00.000Z");
    at(now);
    const reason = "经查，中选报价有成本测算支撑。";
    await expect(decideObjection(db, reg, o.id, "DISMISS", reason, GROUNDS)).resolves.toEqual({
      decision: "DISMISSED",
      status: "AWARD_PUBLICITY",
    });
    expect(await db.objection.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "DISMISSED",
      decisionReason: reason,
      ...GROUNDS,
      decidedById: reg.id,
      decidedAt: now,
    });
    const [published] = await announcements(r.id, "OBJECTION_DECISION");
    const objectorName = (await db.organization.findUniqueOrThrow({ where: { id: org(a1) } })).name;
    expect(published!.title).toBe(`异议处理结果：${r.title}`);
    expect(published!.body).toBe(
      [
        `项目编号：${r.code}`,
        `异议人：${objectorName}`,
        "处理结果：异议不成立",
        `理由：${reason}`,
        `法律依据：${GROUNDS.legalBasis}`,
        `证据：${GROUNDS.evidence}`,
      ].join("\n"),
    );
    expect(published!.data).toMatchObject({ decision: "DISMISSED", objectorName, reason, ...GROUNDS, requestId: r.id, objectionId: o.id });
    expect(await lastEvent(r.id)).toEqual({
      fromState: "AWARD_PUBLICITY",
      event: "OBJECTION_DISMISSED",
      toState: "AWARD_PUBLICITY",
      actorId: reg.id,
      payload: { objectionId: o.id, reason, ...GROUNDS },
    });
    expect(await told("OBJECTION_DISMISSED", r.id)).toEqual([org(a1), r.owner.organizationId!].sort());
    expect(await dataOf("OBJECTION_DISMISSED", r.id)).toEqual({ requestId: r.id, title: r.title, code: r.code, reason });
    expect(await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      awardedBidId: r.awardedBidId,
      publicityEndsAt: r.publicityEndsAt,
      version: r.version,
    });
    // Decided once: the second answer is refused.
    await expect(decideObjection(db, reg, o.id, "UPHOLD", reason, GROUNDS)).rejects.toMatchObject({
      status: 409,
      message: "award.errors.objectionDecided",
    });
  });

  it("upheld: the award moves past an agency no longer listed, with a new publicity period from the decision; siblings are closed", async () => {
    const [a0, a1, a2] = agencies as [Agency, Agency, Agency];
    const [suspended] = (await listedAgencies(db, 1)) as [Agency];
    const r = await awarded([a0, suspended, a1, a2], [60000, 62000, 65000, 68000]);
    const o = await fileObjection(db, a1.user, r.id, "中选报价低于成本");
    const sibling = await fileObjection(db, a2.user, r.id, "关联关系");
    await db.agency.update({ where: { id: suspended.agencyId }, data: { status: "SUSPENDED" } });
    const before = { a0: await awardsCount(a0), a1: await awardsCount(a1) };
    const now = new Date("2026-04-02T03:00:00.000Z");
    at(now);
    const reason = "经查，中选机构报价明显低于成本且无法说明理由。";
    const next = await bidOf(r.id, a1);
    await expect(decideObjection(db, reg, o.id, "UPHOLD", reason, GROUNDS)).resolves.toEqual({
      decision: "UPHELD",
      status: "AWARD_PUBLICITY",
      awardedBidId: next.id,
    });
    expect(await bidOf(r.id, a0)).toMatchObject({ status: "INVALIDATED", invalidReason: "OBJECTION_UPHELD" });
    expect(await bidOf(r.id, suspended)).toMatchObject({ status: "LOST" });
    expect(await bidOf(r.id, a1)).toMatchObject({ status: "WON" });
    expect({ a0: await awardsCount(a0), a1: await awardsCount(a1) }).toEqual({ a0: before.a0 - 1, a1: before.a1 + 1 });
    const publicityEndsAt = ms(now, 3 * DAY);
    expect(await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "AWARD_PUBLICITY",
      awardedBidId: next.id,
      publicityEndsAt,
      enterpriseConfirmedAt: null,
      agencyConfirmedAt: null,
      version: r.version + 1,
    });
    expect(await db.objection.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "UPHELD",
      decidedById: reg.id,
      decidedAt: now,
    });
    expect(await db.objection.findUniqueOrThrow({ where: { id: sibling.id } })).toMatchObject({
      status: "DISMISSED",
      decisionReason: SUPERSEDED_REASON,
      decidedById: null,
      decidedAt: now,
    });
    expect(await lastEvent(r.id)).toEqual({
      fromState: "AWARD_PUBLICITY",
      event: "UPHOLD_OBJECTION",
      toState: "AWARD_PUBLICITY",
      actorId: reg.id,
      payload: {
        objectionId: o.id,
        reason,
        ...GROUNDS,
        revokedBidId: r.awardedBidId,
        nextBidId: next.id,
        publicityEndsAt: publicityEndsAt.toISOString(),
        closedObjections: [sibling.id],
      },
    });
    const [, reAward] = await announcements(r.id, "AWARD");
    const name = async (a: Agency) => (await db.organization.findUniqueOrThrow({ where: { id: org(a) } })).name;
    expect(reAward!.title).toBe(`中选公示（重新确定）：${r.title}`);
    expect(reAward!.body).toBe(
      [
        `项目编号：${r.code}`,
        "服务事项：土地勘测",
        `原中选机构 ${await name(a0)} 的中选结果因异议成立被撤销。`,
        `中选机构：${await name(a1)}，中选价 ¥65,000.00（最高限价 ¥100,000.00）`,
        "公示期至：2026-04-05 11:00（北京时间），期间参与竞价的机构可提出异议。",
      ].join("\n"),
    );
    expect(reAward!.data).toMatchObject({
      winnerName: await name(a1),
      amountFen: "6500000",
      publicityEndsAt: publicityEndsAt.toISOString(),
      reawarded: true,
      revokedAgencyName: await name(a0),
      revokedBidId: r.awardedBidId,
      objectionId: o.id,
    });
    // The published ranking lists every ranked bid still LOST before the decision (the suspended agency's included).
    // Each entry as closing published it: a lowest-price round has no score.
    const entry = async (a: Agency, rank: number, amountFen: string) => {
      const b = await bidOf(r.id, a);
      return {
        rank,
        bidId: b.id,
        agencyId: a.agencyId,
        agencyName: await name(a),
        amountFen,
        serviceDays: 20,
        submittedAt: b.submittedAt.toISOString(),
      };
    };
    expect((reAward!.data as { ranking: unknown[] }).ranking).toEqual([
      await entry(suspended, 2, "6200000"),
      await entry(a1, 3, "6500000"),
      await entry(a2, 4, "6800000"),
    ]);
    const [decision] = await announcements(r.id, "OBJECTION_DECISION");
    expect(decision!.body).toContain("处理结果：异议成立");
    expect(decision!.data).toMatchObject({ decision: "UPHELD" });
    expect(await told("OBJECTION_SUPERSEDED", r.id)).toEqual([org(a2)]);
    expect(await told("OBJECTION_UPHELD", r.id)).toEqual([org(a1)]);
    expect(await told("AWARD_REVOKED", r.id)).toEqual([org(a0)]);
    // BID_WON: a0 at closing, a1 now.
    expect(await told("BID_WON", r.id)).toEqual([org(a0), org(a1)].sort());
    expect(await dataOf("REQUEST_REAWARDED", r.id)).toEqual({ requestId: r.id, title: r.title, agency: await name(a1) });
    expect(await told("REQUEST_REAWARDED", r.id)).toEqual([r.owner.organizationId!]);
  });

  it("upheld in a scored round: the re-award's published ranking keeps each remaining bid's score", async () => {
    const owner = await enterpriseUser(db);
    const scored = { minBidders: "1", selectionMethod: "SCORED", weightPrice: "60", weightCredit: "30", weightDays: "10" };
    const req = await openRequest(db, owner, scored);
    for (const [i, a] of agencies.slice(0, 3).entries()) await submitBid(db, a.user, req.id, bid(60000 + i * 3000));
    await expire(db, req.id);
    await closeDueRequests(db);
    const lost = await db.bid.findMany({ where: { requestId: req.id, status: "LOST" }, orderBy: { rank: "asc" } });
    expect(lost).toHaveLength(2);
    const objector = agencies.find((a) => a.agencyId === lost[0]!.agencyId)!;
    const o = await fileObjection(db, objector.user, req.id, "评分有误");
    await decideObjection(db, reg, o.id, "UPHOLD", "成立", GROUNDS);
    const [, reAward] = await announcements(req.id, "AWARD");
    const ranking = (reAward!.data as { ranking: { bidId: string; score?: number }[] }).ranking;
    expect(ranking.map((e) => [e.bidId, e.score])).toEqual(lost.map((b) => [b.id, b.score]));
    expect(lost.every((b) => typeof b.score === "number")).toBe(true);
  });

  it("upheld: the award goes to the next bid by rank, not to the bid row stored (or keyed) first", async () => {
    const [a0, a1, a2] = agencies as [Agency, Agency, Agency];
    // second (rank 2) has the larger agency id, and its row is rewritten after closing (an indexed column
    // changed and changed back: a new tuple at the end of the page, not a HOT update), so a scan in table
    // order and one in (requestId, agencyId) index order both meet third (rank 3) first.
    const [second, third] = [a1, a2].sort((x, y) => (x.agencyId > y.agencyId ? -1 : 1)) as [Agency, Agency];
    const r = await awarded([a0, second, third], [60000, 65000, 68000]);
    const secondBid = await bidOf(r.id, second);
    await db.$executeRaw`UPDATE "Bid" SET status = 'SUBMITTED' WHERE id = ${secondBid.id}`;
    await db.$executeRaw`UPDATE "Bid" SET status = 'LOST' WHERE id = ${secondBid.id}`;
    const o = await fileObjection(db, third.user, r.id, "异议");
    await expect(decideObjection(db, reg, o.id, "UPHOLD", "成立", GROUNDS)).resolves.toEqual({
      decision: "UPHELD",
      status: "AWARD_PUBLICITY",
      awardedBidId: secondBid.id,
    });
    expect(await bidOf(r.id, second)).toMatchObject({ status: "WON", rank: 2 });
    expect(await bidOf(r.id, third)).toMatchObject({ status: "LOST", rank: 3 });
  });

  it("流标 with another objection pending: it is closed as superseded, named in the event, its objector told", async () => {
    const [a0] = agencies as [Agency];
    const [s1, s2] = (await listedAgencies(db, 2)) as [Agency, Agency];
    const r = await awarded([a0, s1, s2], [60000, 62000, 64000]);
    const o = await fileObjection(db, s1.user, r.id, "异议");
    const sibling = await fileObjection(db, s2.user, r.id, "另一异议");
    await db.agency.updateMany({ where: { id: { in: [s1.agencyId, s2.agencyId] } }, data: { status: "SUSPENDED" } });
    const now = new Date("2026-04-03T03:00:00.000Z");
    at(now);
    await expect(decideObjection(db, reg, o.id, "UPHOLD", "成立", GROUNDS)).resolves.toEqual({ decision: "UPHELD", status: "FAILED" });
    expect(await db.objection.findUniqueOrThrow({ where: { id: sibling.id } })).toMatchObject({
      status: "DISMISSED",
      decisionReason: SUPERSEDED_REASON,
      decidedAt: now,
    });
    expect(await lastEvent(r.id)).toEqual({
      fromState: "AWARD_PUBLICITY",
      event: "UPHOLD_OBJECTION",
      toState: "FAILED",
      actorId: reg.id,
      payload: {
        objectionId: o.id,
        reason: "成立",
        ...GROUNDS,
        revokedBidId: r.awardedBidId,
        nextBidId: null,
        closedObjections: [sibling.id],
      },
    });
    expect(await told("OBJECTION_SUPERSEDED", r.id)).toEqual([org(s2)]);
    expect(await told("OBJECTION_UPHELD", r.id)).toEqual([org(s1)]);
  });

  it("upheld with no listed bidder left: 流标, no winner, a FAILED announcement, the enterprise told", async () => {
    const [a0, a1, a2] = agencies as [Agency, Agency, Agency];
    const [suspended] = (await listedAgencies(db, 1)) as [Agency];
    const r = await awarded([a0, suspended], [60000, 62000], a2);
    // The agency that withdrew cannot object; the suspended one, a losing bidder, still may.
    const o = await fileObjection(db, suspended.user, r.id, "异议");
    await db.agency.update({ where: { id: suspended.agencyId }, data: { status: "SUSPENDED" } });
    const before = await awardsCount(a0);
    await expect(decideObjection(db, reg, o.id, "UPHOLD", "成立", GROUNDS)).resolves.toEqual({ decision: "UPHELD", status: "FAILED" });
    expect(await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "FAILED",
      awardedBidId: null,
      statusReason: "objection upheld; no ranked bid left",
      enterpriseConfirmedAt: null,
      agencyConfirmedAt: null,
      version: r.version + 1,
    });
    expect(await awardsCount(a0)).toBe(before - 1);
    expect(await bidOf(r.id, a0)).toMatchObject({ status: "INVALIDATED" });
    expect(await lastEvent(r.id)).toMatchObject({
      event: "UPHOLD_OBJECTION",
      toState: "FAILED",
      payload: { objectionId: o.id, revokedBidId: r.awardedBidId, nextBidId: null, closedObjections: [] },
    });
    const [failed] = await announcements(r.id, "FAILED");
    expect(failed!.title).toBe(`流标公告：${r.title}`);
    expect(failed!.body).toBe(`项目编号：${r.code}\n异议成立，原中选结果撤销，且无其他排名在后的有效报价，本轮流标。`);
    expect(failed!.data).toMatchObject({ reason: "OBJECTION_UPHELD", requestId: r.id, objectionId: o.id });
    expect(await dataOf("REQUEST_FAILED_OBJECTION", r.id)).toEqual({ requestId: r.id, title: r.title });
    expect(await told("REQUEST_FAILED_OBJECTION", r.id)).toEqual([r.owner.organizationId!]);
    expect(await told("AWARD_REVOKED", r.id)).toEqual([org(a0)]);
    // The request has moved on: nothing is left to object to. The old publicity end is still stored and
    // not reached, so only the request's status refuses the losing and the invalidated bidder.
    await expect(fileObjection(db, a1.user, r.id, "异议")).rejects.toMatchObject({ status: 403, message: "award.errors.notBidder" });
    for (const who of [suspended, a0])
      await expect(fileObjection(db, who.user, r.id, "再次异议")).rejects.toMatchObject({
        status: 409,
        message: "award.errors.publicityOver",
      });
    expect(await db.objection.count({ where: { requestId: r.id } })).toBe(1);
    // Decided, on a request that has moved on: the refusal says it was decided, not merely a conflict.
    await expect(decideObjection(db, reg, o.id, "DISMISS", "理由", GROUNDS)).rejects.toMatchObject({
      status: 409,
      message: "award.errors.objectionDecided",
    });
  });
});
