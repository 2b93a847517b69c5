import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-award-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { rmSync } from "node:fs";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { action as awardAction, loader as awardLoader } from "~/routes/requests.$id.award";
import { loader as deliveryFileLoader } from "~/routes/requests.$id.deliveries.$deliveryId.file";
import { action as queueAction, loader as queueLoader } from "~/routes/regulator.objections";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import {
  acceptDelivery,
  confirmContract,
  decideObjection,
  deliverResult,
  fileObjection,
  isOverdue,
  notifyOverdueRequests,
  pickBid,
  republishRequest,
  returnDelivery,
} from "~/services/requests/award.server";
import { loadAwardPanel } from "~/services/requests/award-view.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { runDueWork } from "~/services/scheduler.server";
import { seedCatalogue } from "../../seeds/seed";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest, responseOf, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, expire, listedAgencies, openRequest, sessionUserOf } from "../support/requests";

/** What every objection decision must state besides its reason (Principle 7). */
const GROUNDS = { legalBasis: "《普陀区行政审批中介服务网上交易平台管理规定》第十八条", evidence: "报价文件、资质证书核验记录" };

const PDF = new TextEncoder().encode("%PDF-1.4\n% 成果报告\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const pdf = (name = "成果报告.pdf") => new File([PDF], name, { type: "application/pdf" });
const DAY = 86_400_000;

beforeAll(async () => {
  await seedCatalogue(await getDb());
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

const bid = (yuan: number, days = 20) => ({ amountFen: BigInt(yuan * 100), serviceDays: days, proposal: "按规范完成勘测并出具报告" });

async function regulator(db: Db): Promise<SessionUser> {
  return sessionUserOf(await createUser(db, "REGULATOR"));
}

type Agencies = Awaited<ReturnType<typeof listedAgencies>>;

/** A request closed with one bid per amount (agency i bids amounts[i]); competitive methods are awarded at once. */
async function closedRequest(db: Db, amounts: number[], overrides: Record<string, string> = {}) {
  const owner = await enterpriseUser(db);
  const req = await openRequest(db, owner, overrides);
  const agencies: Agencies = await listedAgencies(db, amounts.length);
  for (const [i, amount] of amounts.entries()) await submitBid(db, agencies[i]!.user, req.id, bid(amount, 15 + i));
  await expire(db, req.id);
  await closeDueRequests(db);
  return { owner, id: req.id, agencies };
}

/** LOWEST_PRICE with three bids: agency 0 (70 000) wins, agency 1 (80 000) is second, agency 2 (90 000) third. */
async function awarded(db: Db, overrides: Record<string, string> = {}) {
  const r = await closedRequest(db, [70000, 80000, 90000], overrides);
  const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } });
  expect(row.status).toBe("AWARD_PUBLICITY");
  return r;
}

async function endPublicity(db: Db, id: string) {
  await db.serviceRequest.update({ where: { id }, data: { publicityEndsAt: new Date(Date.now() - 1000) } });
}

/** Awarded, publicity over, both sides confirmed: IN_SERVICE. */
async function inService(db: Db) {
  const r = await awarded(db);
  await endPublicity(db, r.id);
  await confirmContract(db, r.owner, r.id);
  await confirmContract(db, r.agencies[0]!.user, r.id);
  return r;
}

const row = (db: Db, id: string) => db.serviceRequest.findUniqueOrThrow({ where: { id } });
const bidOf = (db: Db, requestId: string, agencyId: string) =>
  db.bid.findUniqueOrThrow({ where: { requestId_agencyId: { requestId, agencyId } } });

describe("direct pick", () => {
  it("the owning enterprise picks any valid bid after closing; the others follow by amount", async () => {
    const db = await getDb();
    const { owner, id, agencies } = await closedRequest(db, [70000, 90000, 80000], { selectionMethod: "DIRECT" });
    expect((await row(db, id)).status).toBe("CLOSED");
    const target = await bidOf(db, id, agencies[1]!.agencyId);

    // Only the owner picks.
    await expect(pickBid(db, await enterpriseUser(db), id, target.id)).rejects.toMatchObject({
      status: 403,
      message: "award.errors.forbidden",
    });
    await expect(pickBid(db, agencies[1]!.user, id, target.id)).rejects.toMatchObject({ status: 403, message: "award.errors.forbidden" });
    await expect(pickBid(db, owner, id, "no-such-bid")).rejects.toMatchObject({ status: 422, field: "bidId" });

    // Free choice: the most expensive bid.
    await pickBid(db, owner, id, target.id);
    const after = await db.serviceRequest.findUniqueOrThrow({ where: { id }, include: { bids: { orderBy: { rank: "asc" } } } });
    expect(after.status).toBe("AWARD_PUBLICITY");
    expect(after.awardedBidId).toBe(target.id);
    expect(after.publicityEndsAt!.getTime()).toBeGreaterThan(Date.now() + 2.9 * DAY);
    expect(after.bids.map((b) => [b.agencyId, b.status, b.rank])).toEqual([
      [agencies[1]!.agencyId, "WON", 1],
      [agencies[0]!.agencyId, "LOST", 2],
      [agencies[2]!.agencyId, "LOST", 3],
    ]);
    expect((await db.agency.findUniqueOrThrow({ where: { id: agencies[1]!.agencyId } })).awardsCount).toBe(1);
    const ann = await db.announcement.findFirstOrThrow({ where: { entityId: id, kind: "AWARD" } });
    expect((ann.data as { ranking: { bidId: string }[] }).ranking.map((e) => e.bidId)[0]).toBe(target.id);
    const pickedBy = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: id, event: "PICK_BY_ENTERPRISE" } });
    expect(pickedBy.actorId).toBe(owner.id);

    // Once only.
    await expect(pickBid(db, owner, id, target.id)).rejects.toMatchObject({ status: 409, message: "award.errors.notPickable" });
  });

  it("a competitive request cannot be picked", async () => {
    const db = await getDb();
    const { owner, id, agencies } = await awarded(db);
    const other = await bidOf(db, id, agencies[2]!.agencyId);
    await expect(pickBid(db, owner, id, other.id)).rejects.toMatchObject({ status: 409, message: "award.errors.notPickable" });
  });

  it("the panel offers the pick list to the owner only, with amounts public after closing", async () => {
    const db = await getDb();
    const { owner, id, agencies } = await closedRequest(db, [70000, 90000], { selectionMethod: "DIRECT" });
    const mine = await loadAwardPanel(db, owner, id);
    expect(mine!.can.pick).toBe(true);
    expect(mine!.bids.map((b) => b.amountFen).sort()).toEqual(["7000000", "9000000"]);
    const anon = await loadAwardPanel(db, null, id);
    expect(anon!.can.pick).toBe(false);
    expect(anon!.viewer).toBe("ANONYMOUS");
    expect((await loadAwardPanel(db, agencies[0]!.user, id))!.can.pick).toBe(false);
  });

  it("nothing is shown before closing (sealed bids)", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const req = await openRequest(db, owner);
    const [a] = await listedAgencies(db, 1);
    await submitBid(db, a!.user, req.id, bid(66666));
    expect(await loadAwardPanel(db, owner, req.id)).toBeNull();
    expect(await loadAwardPanel(db, await regulator(db), req.id)).toBeNull();
    expect(await loadAwardPanel(db, null, "missing")).toBeNull();
  });
});

describe("objections", () => {
  it("a losing bidder objects; the regulator is notified and dismisses it with a published reason", async () => {
    const db = await getDb();
    const reg = await regulator(db);
    const { owner, id, agencies } = await awarded(db);
    const winnerBid = (await row(db, id)).awardedBidId;

    await expect(fileObjection(db, agencies[1]!.user, id, "   ")).rejects.toMatchObject({
      status: 400,
      field: "reason",
      message: "errors.required",
    });
    await expect(fileObjection(db, agencies[1]!.user, id, "理".repeat(2001))).rejects.toMatchObject({
      status: 400,
      message: "errors.tooLong",
    });
    const objection = await fileObjection(db, agencies[1]!.user, id, "中选机构的资质证书已过期，请核查。");
    expect(objection.status).toBe("PENDING");
    await expect(fileObjection(db, agencies[1]!.user, id, "再次提出")).rejects.toMatchObject({
      status: 409,
      message: "award.errors.duplicateObjection",
    });

    const regUser = await db.user.findUniqueOrThrow({ where: { id: reg.id } });
    expect(await db.notification.count({ where: { orgId: regUser.organizationId, kind: "OBJECTION_FILED" } })).toBe(1);
    expect(await db.notification.count({ where: { orgId: owner.organizationId, kind: "OBJECTION_FILED" } })).toBe(1);

    // The regulator sees it in the queue and in the panel.
    expect((await loadAwardPanel(db, reg, id))!.can.decide).toBe(true);
    await expect(decideObjection(db, reg, objection.id, "DISMISS", " ", GROUNDS)).rejects.toMatchObject({ status: 400, field: "reason" });
    // Principle 7: without a legal basis or evidence the decision is refused, next to the field.
    await expect(
      decideObjection(db, reg, objection.id, "DISMISS", "经核查，证书在有效期内。", { ...GROUNDS, legalBasis: "" }),
    ).rejects.toMatchObject({ status: 400, field: "legalBasis" });
    await expect(
      decideObjection(db, reg, objection.id, "DISMISS", "经核查，证书在有效期内。", { ...GROUNDS, evidence: "  " }),
    ).rejects.toMatchObject({ status: 400, field: "evidence" });
    expect((await db.objection.findUniqueOrThrow({ where: { id: objection.id } })).status).toBe("PENDING");
    const result = await decideObjection(db, reg, objection.id, "DISMISS", "经核查，证书在有效期内。", GROUNDS);
    expect(result).toMatchObject({ decision: "DISMISSED", status: "AWARD_PUBLICITY" });
    const decided = await db.objection.findUniqueOrThrow({ where: { id: objection.id } });
    expect(decided).toMatchObject({
      status: "DISMISSED",
      decisionReason: "经核查，证书在有效期内。",
      legalBasis: GROUNDS.legalBasis,
      evidence: GROUNDS.evidence,
      decidedById: reg.id,
    });
    const published = await db.announcement.findFirstOrThrow({ where: { entityId: id, kind: "OBJECTION_DECISION" } });
    expect(published.body).toContain(`法律依据：${GROUNDS.legalBasis}`);
    expect(published.body).toContain(`证据：${GROUNDS.evidence}`);
    expect((await row(db, id)).awardedBidId).toBe(winnerBid);
    expect(await db.announcement.count({ where: { entityId: id, kind: "OBJECTION_DECISION" } })).toBe(1);

    // Public: anyone sees the objection and its answer.
    const anon = await loadAwardPanel(db, null, id);
    expect(anon!.objections).toEqual([
      expect.objectContaining({
        reason: "中选机构的资质证书已过期，请核查。",
        status: "DISMISSED",
        decisionReason: "经核查，证书在有效期内。",
        legalBasis: GROUNDS.legalBasis,
        evidence: GROUNDS.evidence,
        superseded: false,
      }),
    ]);
    // Deciding it again: 409.
    await expect(decideObjection(db, reg, objection.id, "UPHOLD", "改判", GROUNDS)).rejects.toMatchObject({
      status: 409,
      message: "award.errors.objectionDecided",
    });
  });

  it("upheld: the winner's bid is invalidated and the next-ranked bid wins with a new publicity period and announcement", async () => {
    const db = await getDb();
    const reg = await regulator(db);
    const { owner, id, agencies } = await awarded(db);
    // Publicity nearly over when the objection is upheld.
    await db.serviceRequest.update({ where: { id }, data: { publicityEndsAt: new Date(Date.now() + 3600_000) } });
    const first = await fileObjection(db, agencies[1]!.user, id, "中选报价低于成本。");
    const second = await fileObjection(db, agencies[2]!.user, id, "中选机构存在关联关系。");

    const result = await decideObjection(db, reg, first.id, "UPHOLD", "经查，中选机构报价明显低于成本且无法说明理由。", GROUNDS);
    expect(result).toMatchObject({ decision: "UPHELD", status: "AWARD_PUBLICITY" });
    const after = await row(db, id);
    const oldWinner = await bidOf(db, id, agencies[0]!.agencyId);
    const next = await bidOf(db, id, agencies[1]!.agencyId);
    expect(oldWinner).toMatchObject({ status: "INVALIDATED", invalidReason: "OBJECTION_UPHELD", rank: 1 });
    expect(next).toMatchObject({ status: "WON", rank: 2 });
    expect(after.status).toBe("AWARD_PUBLICITY");
    expect(after.awardedBidId).toBe(next.id);
    expect(after.publicityEndsAt!.getTime()).toBeGreaterThan(Date.now() + 2.9 * DAY);
    expect((await db.agency.findUniqueOrThrow({ where: { id: agencies[0]!.agencyId } })).awardsCount).toBe(0);
    expect((await db.agency.findUniqueOrThrow({ where: { id: agencies[1]!.agencyId } })).awardsCount).toBe(1);
    const awards = await db.announcement.findMany({ where: { entityId: id, kind: "AWARD" }, orderBy: { publishedAt: "asc" } });
    expect(awards).toHaveLength(2);
    expect((awards[1]!.data as { ranking: { bidId: string }[] }).ranking.map((e) => e.bidId)).toEqual([
      next.id,
      (await bidOf(db, id, agencies[2]!.agencyId)).id,
    ]);
    expect(await db.notification.count({ where: { orgId: owner.organizationId, kind: "REQUEST_REAWARDED" } })).toBe(1);

    // The sibling objection concerned the revoked award: closed by the platform, shown as superseded.
    expect(await db.objection.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "DISMISSED", decidedById: null });
    const panel = await loadAwardPanel(db, agencies[2]!.user, id);
    expect(panel!.objections.find((o) => o.id === second.id)!.superseded).toBe(true);
    // …and agency 2 may object again to the new award.
    expect(panel!.can.object).toBe(true);
    // The new winner cannot object to its own award; the revoked winner, a bidder, may.
    await expect(fileObjection(db, agencies[1]!.user, id, "自我异议")).rejects.toMatchObject({
      status: 403,
      message: "award.errors.winnerCannotObject",
    });
    expect((await loadAwardPanel(db, agencies[0]!.user, id))!.can.object).toBe(true);
  });

  it("upheld with no ranked bid left: the round fails with a FAILED announcement", async () => {
    const db = await getDb();
    const reg = await regulator(db);
    const { owner, id, agencies } = await closedRequest(db, [70000, 80000], { minBidders: "2" });
    expect((await row(db, id)).status).toBe("AWARD_PUBLICITY");
    const o1 = await fileObjection(db, agencies[1]!.user, id, "第一次异议");
    await decideObjection(db, reg, o1.id, "UPHOLD", "成立", GROUNDS);
    expect((await row(db, id)).awardedBidId).toBe((await bidOf(db, id, agencies[1]!.agencyId)).id);
    // The revoked winner (now INVALIDATED) objects to the new award.
    const o2 = await fileObjection(db, agencies[0]!.user, id, "第二次异议");
    const result = await decideObjection(db, reg, o2.id, "UPHOLD", "同样成立", GROUNDS);
    expect(result).toMatchObject({ decision: "UPHELD", status: "FAILED" });
    const after = await row(db, id);
    expect(after).toMatchObject({ status: "FAILED", awardedBidId: null });
    expect(await db.announcement.count({ where: { entityId: id, kind: "FAILED" } })).toBe(1);
    for (const a of agencies) expect((await db.agency.findUniqueOrThrow({ where: { id: a.agencyId } })).awardsCount).toBe(0);
    expect(await db.notification.count({ where: { orgId: owner.organizationId, kind: "REQUEST_FAILED_OBJECTION" } })).toBe(1);
    const panel = await loadAwardPanel(db, owner, id);
    expect(panel!.can.republish).toBe(true);
    expect(panel!.winner).toBeNull();
  });

  it("objections are refused after publicity ends (database clock)", async () => {
    const db = await getDb();
    const { id, agencies } = await awarded(db);
    await endPublicity(db, id);
    await expect(fileObjection(db, agencies[1]!.user, id, "迟到的异议")).rejects.toMatchObject({
      status: 409,
      message: "award.errors.publicityOver",
    });
  });
});

describe("contract", () => {
  it("both sides confirm after publicity without pending objections → IN_SERVICE with dueAt", async () => {
    const db = await getDb();
    const reg = await regulator(db);
    const { owner, id, agencies } = await awarded(db);
    const winner = agencies[0]!.user;
    await expect(confirmContract(db, owner, id)).rejects.toMatchObject({ status: 409, message: "award.errors.publicityNotOver" });

    const o = await fileObjection(db, agencies[2]!.user, id, "异议");
    await endPublicity(db, id);
    await expect(confirmContract(db, owner, id)).rejects.toMatchObject({ status: 409, message: "award.errors.pendingObjections" });
    // Publicity ended with an objection pending: nobody is told to sign yet.
    await runDueWork();
    expect(await db.notification.count({ where: { orgId: owner.organizationId, kind: "PUBLICITY_ENDED" } })).toBe(0);
    await decideObjection(db, reg, o.id, "DISMISS", "不成立", GROUNDS);
    await runDueWork();
    await runDueWork();
    expect(await db.notification.count({ where: { orgId: owner.organizationId, kind: "PUBLICITY_ENDED" } })).toBe(1);
    expect(await db.notification.count({ where: { orgId: winner.organizationId, kind: "PUBLICITY_ENDED" } })).toBe(1);

    await expect(confirmContract(db, agencies[1]!.user, id)).rejects.toMatchObject({ status: 403, message: "award.errors.notParty" });
    await expect(confirmContract(db, await enterpriseUser(db), id)).rejects.toMatchObject({
      status: 403,
      message: "award.errors.notParty",
    });

    expect((await confirmContract(db, owner, id)).status).toBe("AWARD_PUBLICITY");
    // Twice is a no-op.
    expect((await confirmContract(db, owner, id)).status).toBe("AWARD_PUBLICITY");
    const half = await loadAwardPanel(db, winner, id);
    expect(half!.contract).toEqual({ enterprise: true, agency: false });
    expect(half!.can.confirm).toBe(true);
    expect((await loadAwardPanel(db, owner, id))!.can.confirm).toBe(false);

    const done = await confirmContract(db, winner, id);
    expect(done.status).toBe("IN_SERVICE");
    const after = await row(db, id);
    const now = await dbNow(db);
    expect(after.status).toBe("IN_SERVICE");
    expect(after.contractedAt).not.toBeNull();
    expect(after.serviceStartedAt).not.toBeNull();
    // The winner offered 15 days, within the request's 20.
    expect(after.dueAt!.getTime() - after.serviceStartedAt!.getTime()).toBe(15 * DAY);
    expect(Math.abs(after.contractedAt!.getTime() - now.getTime())).toBeLessThan(60_000);
    expect(await db.announcement.count({ where: { entityId: id, kind: "CONTRACT" } })).toBe(1);
    const events = await db.auditEvent.findMany({
      where: { aggregateId: id, event: { in: ["CONFIRM_CONTRACT", "START_SERVICE"] } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.event, e.toState])).toEqual([
      ["CONFIRM_CONTRACT", "AWARD_PUBLICITY"],
      ["CONFIRM_CONTRACT", "CONTRACTED"],
      ["START_SERVICE", "IN_SERVICE"],
    ]);
  });
});

describe("delivery", () => {
  it("the winner delivers, the enterprise downloads and accepts → COMPLETED", async () => {
    const db = await getDb();
    const { owner, id, agencies } = await inService(db);
    const winner = agencies[0]!.user;
    await expect(deliverResult(db, agencies[1]!.user, id, { file: pdf(), note: "" })).rejects.toMatchObject({
      status: 403,
      message: "award.errors.notWinner",
    });
    await expect(deliverResult(db, owner, id, { file: pdf(), note: "" })).rejects.toMatchObject({
      status: 403,
      message: "award.errors.notWinner",
    });
    await expect(deliverResult(db, winner, id, { file: null, note: "" })).rejects.toMatchObject({ status: 400, field: "document" });
    await expect(deliverResult(db, winner, id, { file: new File(["<html>"], "x.pdf"), note: "" })).rejects.toMatchObject({
      status: 415,
      field: "document",
    });
    await expect(acceptDelivery(db, owner, id)).rejects.toMatchObject({ status: 409, message: "award.errors.notDelivered" });

    const { delivery } = await deliverResult(db, winner, id, { file: pdf(), note: "勘测定界报告正式版" });
    const after = await row(db, id);
    expect(after.status).toBe("DELIVERED");
    expect(after.deliveredAt).not.toBeNull();
    const doc = await db.document.findUniqueOrThrow({ where: { id: delivery.documentId! } });
    expect(doc).toMatchObject({ kind: "DELIVERY", ownerOrgId: winner.organizationId, mime: "application/pdf" });

    // Download: the enterprise, the winner and regulators; nobody else.
    const url = `/requests/${id}/deliveries/${delivery.id}/file`;
    const get = async (user: { id: string } | null) => {
      const cookie = user ? await sessionCookie(user.id) : undefined;
      return (await responseOf(() => deliveryFileLoader(routeArgs(getRequest(url, cookie), { id, deliveryId: delivery.id })))) as Response;
    };
    const ok = await get(owner);
    expect(ok.status).toBe(200);
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(PDF);
    expect((await get(winner)).status).toBe(200);
    expect((await get(await regulator(db))).status).toBe(200);
    for (const outsider of [agencies[1]!.user, await enterpriseUser(db)]) {
      const refused = await get(outsider);
      expect([refused.status, await refused.text()]).toEqual([403, "Forbidden"]);
    }
    expect((await get(null)).status).toBe(302);

    const panel = await loadAwardPanel(db, owner, id);
    expect(panel!.deliveries[0]).toMatchObject({ note: "勘测定界报告正式版", accepted: null, file: { url } });
    expect(panel!.can.accept).toBe(true);
    // The public sees that something was delivered, not the note or the file.
    expect((await loadAwardPanel(db, null, id))!.deliveries[0]).toMatchObject({ note: null, file: null });

    await expect(acceptDelivery(db, await enterpriseUser(db), id)).rejects.toMatchObject({
      status: 403,
      message: "award.errors.forbidden",
    });
    await expect(acceptDelivery(db, winner, id)).rejects.toMatchObject({ status: 403, message: "award.errors.forbidden" });
    expect((await acceptDelivery(db, owner, id)).status).toBe("COMPLETED");
    const completed = await row(db, id);
    expect(completed.status).toBe("COMPLETED");
    expect(completed.completedAt).not.toBeNull();
    expect(await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ accepted: true });
    expect(await db.notification.count({ where: { orgId: winner.organizationId, kind: "DELIVERY_ACCEPTED" } })).toBe(1);
  });

  it("the enterprise returns a delivery with a reason → IN_SERVICE; the agency delivers again", async () => {
    const db = await getDb();
    const { owner, id, agencies } = await inService(db);
    const winner = agencies[0]!.user;
    const { delivery } = await deliverResult(db, winner, id, { file: pdf(), note: "初稿" });
    await expect(returnDelivery(db, owner, id, "  ")).rejects.toMatchObject({ status: 400, field: "reason" });
    await expect(returnDelivery(db, await enterpriseUser(db), id, "不是我的项目")).rejects.toMatchObject({
      status: 403,
      message: "award.errors.forbidden",
    });
    expect((await returnDelivery(db, owner, id, "界址点坐标缺失，请补充。")).status).toBe("IN_SERVICE");
    expect(await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      accepted: false,
      decisionReason: "界址点坐标缺失，请补充。",
    });
    expect((await row(db, id)).status).toBe("IN_SERVICE");
    expect(await db.notification.count({ where: { orgId: winner.organizationId, kind: "DELIVERY_RETURNED" } })).toBe(1);
    await deliverResult(db, winner, id, { file: pdf("成果报告-修订版.pdf"), note: "已补充坐标" });
    expect((await row(db, id)).status).toBe("DELIVERED");
    expect(await db.delivery.count({ where: { requestId: id } })).toBe(2);
  });

  it("overdue: flagged at read time and notified exactly once, even with two schedulers at once", async () => {
    const db = await getDb();
    const { owner, id, agencies } = await inService(db);
    expect((await loadAwardPanel(db, owner, id))!.overdue).toBe(false);
    await db.serviceRequest.update({ where: { id }, data: { dueAt: new Date(Date.now() - 60_000) } });
    const r = await row(db, id);
    expect(isOverdue(r, await dbNow(db))).toBe(true);
    expect((await loadAwardPanel(db, null, id))!.overdue).toBe(true);

    // Two app instances' schedulers plus two direct runs of the step, all at once.
    await Promise.all([runDueWork(), runDueWork(), notifyOverdueRequests(db), notifyOverdueRequests(db)]);
    await runDueWork();
    expect(await db.notification.count({ where: { kind: "SERVICE_OVERDUE", orgId: owner.organizationId } })).toBe(1);
    expect(await db.notification.count({ where: { kind: "SERVICE_OVERDUE", orgId: agencies[0]!.user.organizationId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { aggregateId: id, event: "OVERDUE" } })).toBe(1);

    // Delivered late: no longer overdue, the delivery records it.
    const { late } = await deliverResult(db, agencies[0]!.user, id, { file: pdf(), note: "" });
    expect(late).toBe(true);
    expect((await loadAwardPanel(db, owner, id))!.overdue).toBe(false);
  });
});

describe("re-publishing a failed round", () => {
  it("copies the request as round 2 with a new code and closing time, once, by the owner only", async () => {
    const db = await getDb();
    const { owner, id } = await closedRequest(db, [70000]);
    expect((await row(db, id)).status).toBe("FAILED");
    const closesAt = new Date(Date.now() + 2 * DAY);
    await expect(republishRequest(db, await enterpriseUser(db), id, closesAt)).rejects.toMatchObject({
      status: 403,
      message: "award.errors.forbidden",
    });
    await expect(republishRequest(db, owner, id, new Date(Date.now() + 10_000))).rejects.toMatchObject({ status: 422, field: "closesAt" });

    const next = await republishRequest(db, owner, id, closesAt);
    expect(next).toMatchObject({ status: "OPEN", round: 2, previousRoundId: id });
    const old = await row(db, id);
    const copy = await row(db, next.id);
    expect(copy.code).not.toBe(old.code);
    expect(copy.closesAt.getTime()).toBe(closesAt.getTime());
    expect([copy.title, copy.description, copy.priceCapFen, copy.selectionMethod, copy.itemId]).toEqual([
      old.title,
      old.description,
      old.priceCapFen,
      old.selectionMethod,
      old.itemId,
    ]);
    expect(await db.announcement.count({ where: { entityId: next.id, kind: "REQUEST_OPEN" } })).toBe(1);
    await expect(republishRequest(db, owner, id, closesAt)).rejects.toMatchObject({
      status: 409,
      message: "award.errors.alreadyRepublished",
    });
    const panel = await loadAwardPanel(db, owner, id);
    expect(panel!.nextRound).toMatchObject({ id: next.id });
    expect(panel!.can.republish).toBe(false);
  });

  it("only a failed request can be re-published", async () => {
    const db = await getDb();
    const { owner, id } = await awarded(db);
    await expect(republishRequest(db, owner, id, new Date(Date.now() + 2 * DAY))).rejects.toMatchObject({
      status: 409,
      message: "award.errors.notFailed",
    });
  });
});

describe("authorization", () => {
  it("an agency that did not bid cannot object; non-regulators cannot decide; another enterprise cannot accept", async () => {
    const db = await getDb();
    const { owner, id, agencies } = await awarded(db);
    const [stranger] = await listedAgencies(db, 1);
    await expect(fileObjection(db, stranger!.user, id, "路过")).rejects.toMatchObject({ status: 403, message: "award.errors.notBidder" });
    await expect(fileObjection(db, owner, id, "业主异议")).rejects.toMatchObject({ status: 403, message: "award.errors.notBidder" });
    const o = await fileObjection(db, agencies[1]!.user, id, "异议");
    for (const who of [owner, agencies[1]!.user, agencies[0]!.user, sessionUserOf(await createUser(db, "ADMIN"))]) {
      await expect(decideObjection(db, who, o.id, "UPHOLD", "自己裁决", GROUNDS)).rejects.toMatchObject({
        status: 403,
        message: "award.errors.notRegulator",
      });
    }
    expect((await db.objection.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("PENDING");
    await expect(acceptDelivery(db, await enterpriseUser(db), id)).rejects.toMatchObject({
      status: 403,
      message: "award.errors.forbidden",
    });
    await expect(returnDelivery(db, await enterpriseUser(db), id, "x")).rejects.toMatchObject({
      status: 403,
      message: "award.errors.forbidden",
    });
  });

  it("the action route: success redirects back; bad input is a 4xx with an i18n key (data for fetchers, a page without JS)", async () => {
    const db = await getDb();
    const { id, agencies } = await awarded(db);
    const cookie = await sessionCookie(agencies[1]!.user.id);
    const path = `/requests/${id}/award`;

    const loaderRes = (await responseOf(() => awardLoader(routeArgs(getRequest(path, cookie), { id })))) as Response;
    expect(loaderRes.status).toBe(302);
    expect(loaderRes.headers.get("Location")).toBe(`/requests/${id}`);

    // Without JavaScript the refusal is thrown: the route's error page renders it with the status.
    await expect(awardAction(routeArgs(postRequest(path, { intent: "object", reason: " " }, cookie), { id }))).rejects.toMatchObject({
      init: { status: 400 },
      data: { intent: "object", fieldErrors: { reason: ["errors.required"] } },
    });
    // A fetcher gets it back as data (returned, not thrown).
    const act = (fields: Record<string, string>, c = cookie) =>
      outcome(() =>
        awardAction(routeArgs(postRequest(path, fields, c), { id })).then((r) => {
          expect(r, "a fetcher's refusal is returned").not.toBeInstanceOf(Response);
          return r;
        }),
      );
    const returned = await expectRefusal(act({ intent: "object", reason: " ", _js: "1" }), 400, "errors.required", "reason");
    expect(returned.data).toMatchObject({ intent: "object", values: { reason: " " } });
    await expectRefusal(act({ intent: "steal", _js: "1" }), 400, "errors.unknownIntent");
    const stranger = await sessionCookie((await listedAgencies(db, 1))[0]!.user.id);
    await expectRefusal(act({ intent: "object", reason: "x", _js: "1" }, stranger), 403, "award.errors.notBidder");
    // A role that may not send the command at all: refused before the body is read.
    await expectRefusal(act({ intent: "decide", objectionId: "x", decision: "DISMISS", _js: "1" }), 403, "errors.regulatorOnly");

    const ok = (await responseOf(() =>
      awardAction(routeArgs(postRequest(path, { intent: "object", reason: "报价异常" }, cookie), { id })),
    )) as Response;
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe(`/requests/${id}?award=object`);

    // The regulator's queue lists it and decides it.
    const reg = await regulator(db);
    const regCookie = await sessionCookie(reg.id);
    const queue = (await queueLoader(routeArgs(getRequest("/regulator/objections", regCookie)))) as {
      objections: { id: string; request: { id: string } }[];
    };
    const item = queue.objections.find((o) => o.request.id === id)!;
    expect(item).toBeDefined();
    await expectRefusal(
      outcome(() => queueLoader(routeArgs(getRequest("/regulator/objections", cookie)))),
      403,
      "errors.regulatorOnly",
    );
    const decide = (fields: Record<string, string>) =>
      outcome(() => queueAction(routeArgs(postRequest("/regulator/objections", fields, regCookie))));
    await expectRefusal(decide({ objectionId: item.id, decision: "DISMISS", reason: "" }), 400, "errors.required", "reason");
    const noBasis = await expectRefusal(
      decide({ objectionId: item.id, decision: "DISMISS", reason: "不成立", evidence: "核验记录" }),
      400,
      "errors.required",
      "legalBasis",
    );
    // The refusal names the field and gives back what was typed.
    expect(noBasis.data).toMatchObject({ values: { objectionId: item.id, reason: "不成立", evidence: "核验记录" } });
    await expectRefusal(
      decide({ objectionId: "", decision: "DISMISS", reason: "不成立", ...GROUNDS }),
      404,
      "award.errors.objectionNotFound",
    );
    const decided = await decide({ objectionId: item.id, decision: "DISMISS", reason: "不成立", ...GROUNDS });
    expect(decided).toMatchObject({ status: 200, data: { ok: true, objectionId: item.id, decision: "DISMISS" } });
    expect((await db.objection.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("DISMISSED");
  });
});

describe("concurrency", () => {
  it("two regulators decide the same objection at once: exactly one applies, the other gets 409", async () => {
    const db = await getDb();
    const [r1, r2] = [await regulator(db), await regulator(db)];
    for (const [first, second] of [
      ["UPHOLD", "DISMISS"],
      ["DISMISS", "UPHOLD"],
      ["UPHOLD", "UPHOLD"],
    ] as const) {
      const { id, agencies } = await awarded(db);
      const o = await fileObjection(db, agencies[1]!.user, id, "并发异议");
      const results = await Promise.allSettled([
        decideObjection(db, r1, o.id, first, "理由一", GROUNDS),
        decideObjection(db, r2, o.id, second, "理由二", GROUNDS),
      ]);
      const fulfilled = results.filter((x) => x.status === "fulfilled");
      const rejected = results.filter((x): x is PromiseRejectedResult => x.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toMatchObject({ status: 409, message: "award.errors.objectionDecided" });
      const decided = await db.objection.findUniqueOrThrow({ where: { id: o.id } });
      expect(await db.auditEvent.count({ where: { aggregateId: id, event: { in: ["UPHOLD_OBJECTION", "OBJECTION_DISMISSED"] } } })).toBe(1);
      expect(await db.announcement.count({ where: { entityId: id, kind: "OBJECTION_DECISION" } })).toBe(1);
      const after = await row(db, id);
      const expected = decided.status === "UPHELD" ? agencies[1]! : agencies[0]!;
      expect(after.awardedBidId).toBe((await bidOf(db, id, expected.agencyId)).id);
      // One award moved at most: counts stay consistent.
      const counts = await db.agency.findMany({ where: { id: { in: agencies.map((a) => a.agencyId) } }, select: { awardsCount: true } });
      expect(counts.reduce((n, c) => n + c.awardsCount, 0)).toBe(1);
    }
  });
});

describe("audit", () => {
  it("every chain verifies after the whole lifecycle", async () => {
    const db = await getDb();
    const result = await verifyAuditLog(db);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(
      await db.auditEvent.count({
        where: { event: { in: ["PICK", "UPHOLD_OBJECTION", "CONFIRM_CONTRACT", "DELIVER", "ACCEPT", "RETURN", "OVERDUE"] } },
      }),
    ).toBeGreaterThan(5);
  });
});
