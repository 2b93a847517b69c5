// The contract and the delivery at their boundaries, calling the commands
// directly with small fixtures: who confirms (the two parties only), from
// exactly publicityEndsAt by the database clock and not while an objection is
// pending; one side keeps the award waiting, the second signs it and starts
// the service (dueAt from signing, the bid's days); the winner delivers while
// in service, on time up to exactly dueAt; the owning enterprise accepts or
// returns with a reason. What each step writes: the request row, the delivery,
// the audit events, the announcement and who is told. Mutation testing uses
// this file (docs/mutation-testing.md, stryker.commands.config.json).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-contract-rules-uploads-"));
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
import {
  acceptDelivery,
  confirmContract,
  contractConfirmations,
  decideObjection,
  deliverResult,
  fileObjection,
  returnDelivery,
} from "~/services/requests/award.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { MAX_NOTE_CHARS } from "~/services/requests/validation";
import { seedCatalogue } from "../../seeds/seed";
import { pdf, regulatorUser } from "../support/cases";
import { enterpriseUser, expire, listedAgencies, openRequest } from "../support/requests";

const DAY = 86_400_000;
const ms = (d: Date, n: number) => new Date(d.getTime() + n);
/** The instant the next command reads as "now" (replacing one a refused command left unread). */
const at = (...instants: Date[]) => hook.times.splice(0, hook.times.length, ...instants);
const GROUNDS = { legalBasis: "《普陀区行政审批中介服务网上交易平台管理规定》第十八条", evidence: "报价文件" };

type Agency = { user: SessionUser; agencyId: string };
let db: Db;
let reg: SessionUser;
let agencies: Agency[];

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  reg = await regulatorUser(db);
  agencies = await listedAgencies(db, 2);
});

afterEach(() => {
  hook.times.length = 0;
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

/** A 20-day request awarded by lowest price to agencies[0] (offering `days`), agencies[1] second. */
async function awarded(days = 20) {
  const [a0, a1] = agencies as [Agency, Agency];
  const owner = await enterpriseUser(db);
  const req = await openRequest(db, owner, { minBidders: "1", serviceDays: "20" });
  await submitBid(db, a0.user, req.id, { amountFen: 6_000_000n, serviceDays: days, proposal: "按规范完成勘测并出具报告" });
  await submitBid(db, a1.user, req.id, { amountFen: 6_500_000n, serviceDays: 20, proposal: "按规范完成勘测并出具报告" });
  await expire(db, req.id);
  await closeDueRequests(db);
  const r = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
  expect(r.status).toBe("AWARD_PUBLICITY");
  return { owner, id: r.id, code: r.code, title: r.title, publicityEndsAt: r.publicityEndsAt!, awardedBidId: r.awardedBidId! };
}

/** Awarded and signed by both at `signedAt` (after publicity): IN_SERVICE, due `days` later. */
async function inService(signedAt?: Date, days = 20) {
  const r = await awarded(days);
  const signed = signedAt ?? ms(r.publicityEndsAt, DAY);
  at(signed);
  await confirmContract(db, r.owner, r.id);
  at(signed);
  await confirmContract(db, agencies[0]!.user, r.id);
  return { ...r, signedAt: signed, dueAt: ms(signed, days * DAY) };
}

const row = (id: string) => db.serviceRequest.findUniqueOrThrow({ where: { id } });
const events = (requestId: string, n: number) =>
  db.auditEvent
    .findMany({
      where: { aggregateType: "request", aggregateId: requestId },
      orderBy: { seq: "desc" },
      take: n,
      select: { fromState: true, event: true, toState: true, actorId: true, payload: true },
    })
    .then((e) => e.reverse());
const told = async (kind: string, requestId: string) =>
  (await db.notification.findMany({ where: { kind }, select: { orgId: true, data: true } })).filter(
    (n) => (n.data as { requestId?: string }).requestId === requestId,
  );
const org = (a: Agency) => a.user.organizationId!;
const orgName = async (id: string) => (await db.organization.findUniqueOrThrow({ where: { id } })).name;

describe("confirming the contract", () => {
  it("only the two parties; from exactly publicityEndsAt, not while an objection is pending; one side waits, once", async () => {
    const [a0, a1] = agencies as [Agency, Agency];
    const r = await awarded();
    for (const who of [a1.user, await enterpriseUser(db), reg])
      await expect(confirmContract(db, who, r.id)).rejects.toMatchObject({ status: 403, message: "award.errors.notParty" });
    at(ms(r.publicityEndsAt, -1));
    await expect(confirmContract(db, r.owner, r.id)).rejects.toMatchObject({ status: 409, message: "award.errors.publicityNotOver" });
    const o = await fileObjection(db, a1.user, r.id, "异议");
    at(r.publicityEndsAt);
    await expect(confirmContract(db, r.owner, r.id)).rejects.toMatchObject({ status: 409, message: "award.errors.pendingObjections" });
    await decideObjection(db, reg, o.id, "DISMISS", "不成立", GROUNDS);
    const before = await row(r.id);
    expect(before.enterpriseConfirmedAt).toBeNull();

    at(r.publicityEndsAt);
    await expect(confirmContract(db, r.owner, r.id)).resolves.toEqual({ status: "AWARD_PUBLICITY", confirmed: ["ENTERPRISE"] });
    expect(await row(r.id)).toMatchObject({
      status: "AWARD_PUBLICITY",
      enterpriseConfirmedAt: r.publicityEndsAt,
      agencyConfirmedAt: null,
      version: before.version + 1,
    });
    expect(await events(r.id, 1)).toEqual([
      {
        fromState: "AWARD_PUBLICITY",
        event: "CONFIRM_CONTRACT",
        toState: "AWARD_PUBLICITY",
        actorId: r.owner.id,
        payload: { side: "ENTERPRISE", awardedBidId: r.awardedBidId },
      },
    ]);
    // The other side is told.
    expect(await told("CONTRACT_CONFIRMED", r.id)).toEqual([{ orgId: org(a0), data: { requestId: r.id, title: r.title } }]);
    // What the award page shows: the sides confirmed for the current award only.
    expect([...(await contractConfirmations(db, r.id, r.awardedBidId))]).toEqual(["ENTERPRISE"]);
    expect([
      ...(await contractConfirmations(db, r.id, (await db.bid.findFirstOrThrow({ where: { requestId: r.id, status: "LOST" } })).id)),
    ]).toEqual([]);
    expect([...(await contractConfirmations(db, "00000000-0000-0000-0000-000000000000", r.awardedBidId))]).toEqual([]);
    // Twice is a no-op.
    at(ms(r.publicityEndsAt, DAY));
    await expect(confirmContract(db, r.owner, r.id)).resolves.toEqual({ status: "AWARD_PUBLICITY", confirmed: ["ENTERPRISE"] });
    expect(await row(r.id)).toMatchObject({ enterpriseConfirmedAt: r.publicityEndsAt, version: before.version + 1 });
  });

  it("the second side signs it: IN_SERVICE from that instant, due after the bid's days; audited, announced, both told", async () => {
    const [a0] = agencies as [Agency];
    const r = await awarded(15);
    // The agency first this time: the enterprise is told.
    const first = ms(r.publicityEndsAt, 1000);
    at(first);
    await expect(confirmContract(db, a0.user, r.id)).resolves.toEqual({ status: "AWARD_PUBLICITY", confirmed: ["AGENCY"] });
    expect(await told("CONTRACT_CONFIRMED", r.id)).toEqual([{ orgId: r.owner.organizationId!, data: { requestId: r.id, title: r.title } }]);
    expect([...(await contractConfirmations(db, r.id, r.awardedBidId))]).toEqual(["AGENCY"]);
    const before = await row(r.id);
    const signedAt = new Date(r.publicityEndsAt.getTime() + DAY);
    const dueAt = ms(signedAt, 15 * DAY);
    at(signedAt);
    await expect(confirmContract(db, r.owner, r.id)).resolves.toEqual({ status: "IN_SERVICE", confirmed: ["ENTERPRISE", "AGENCY"], dueAt });
    expect(await row(r.id)).toMatchObject({
      status: "IN_SERVICE",
      enterpriseConfirmedAt: signedAt,
      agencyConfirmedAt: first,
      contractedAt: signedAt,
      serviceStartedAt: signedAt,
      dueAt,
      version: before.version + 1,
    });
    expect(await events(r.id, 2)).toEqual([
      {
        fromState: "AWARD_PUBLICITY",
        event: "CONFIRM_CONTRACT",
        toState: "CONTRACTED",
        actorId: r.owner.id,
        payload: { side: "ENTERPRISE", awardedBidId: r.awardedBidId },
      },
      {
        fromState: "CONTRACTED",
        event: "START_SERVICE",
        toState: "IN_SERVICE",
        actorId: r.owner.id,
        payload: { serviceDays: 15, dueAt: dueAt.toISOString() },
      },
    ]);
    const [contract] = await db.announcement.findMany({ where: { entityType: "request", entityId: r.id, kind: "CONTRACT" } });
    const agencyName = await orgName(org(a0));
    expect(contract!.title).toBe(`合同签订公告：${r.title}`);
    const signed = new Date(signedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
    const due = new Date(dueAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
    expect(contract!.body).toBe(
      [
        `项目编号：${r.code}`,
        "服务事项：土地勘测",
        `服务机构：${agencyName}`,
        "合同金额：¥60,000.00",
        `签订时间：${signed}（北京时间）`,
        `服务期限：15 日，至 ${due}（北京时间）`,
      ].join("\n"),
    );
    expect(contract!.data).toMatchObject({
      requestId: r.id,
      agencyId: a0.agencyId,
      bidId: r.awardedBidId,
      agencyName,
      amountFen: "6000000",
      contractedAt: signedAt.toISOString(),
      serviceDays: 15,
      dueAt: dueAt.toISOString(),
    });
    const notice = (await told("SERVICE_STARTED", r.id)).sort((x, y) => (x.orgId! < y.orgId! ? -1 : 1));
    const data = { requestId: r.id, title: r.title, dueAt: dueAt.toISOString(), due: expect.any(String) };
    expect(notice).toEqual(
      [
        { orgId: r.owner.organizationId!, data },
        { orgId: org(a0), data },
      ].sort((x, y) => (x.orgId < y.orgId ? -1 : 1)),
    );
    // Signed: confirming again is refused as not contractable.
    await expect(confirmContract(db, a0.user, r.id)).rejects.toMatchObject({ status: 409, message: "award.errors.notContractable" });
  });
});

describe("delivering and accepting the result", () => {
  it("only the winner, only in service; on time exactly at dueAt; accepted by the owning enterprise only: COMPLETED, on time", async () => {
    const [a0, a1] = agencies as [Agency, Agency];
    const pending = await awarded();
    await expect(deliverResult(db, a0.user, pending.id, { file: pdf(), note: "" })).rejects.toMatchObject({
      status: 409,
      message: "award.errors.notInService",
    });
    // A bidder of a request still open for bids: no winner yet, refused as not the winner (not a crash).
    const open = await openRequest(db, await enterpriseUser(db), { minBidders: "1" });
    await submitBid(db, a0.user, open.id, { amountFen: 6_000_000n, serviceDays: 20, proposal: "按规范完成勘测并出具报告" });
    await expect(deliverResult(db, a0.user, open.id, { file: pdf(), note: "" })).rejects.toMatchObject({
      status: 403,
      message: "award.errors.notWinner",
    });
    const r = await inService();
    for (const who of [a1.user, r.owner])
      await expect(deliverResult(db, who, r.id, { file: pdf(), note: "" })).rejects.toMatchObject({
        status: 403,
        message: "award.errors.notWinner",
      });
    await expect(deliverResult(db, a0.user, r.id, { file: null, note: "" })).rejects.toMatchObject({
      status: 400,
      field: "document",
      message: "award.errors.fileRequired",
    });
    await expect(deliverResult(db, a0.user, r.id, { file: pdf(), note: "注".repeat(2001) })).rejects.toMatchObject({
      status: 400,
      field: "note",
      message: "errors.tooLong",
    });
    // Accepting before anything is delivered.
    await expect(acceptDelivery(db, r.owner, r.id)).rejects.toMatchObject({ status: 409, message: "award.errors.notDelivered" });
    const before = await row(r.id);

    at(r.dueAt);
    const { delivery, late } = await deliverResult(db, a0.user, r.id, { file: pdf("勘测报告.pdf"), note: " 报告终稿 " });
    expect(late).toBe(false);
    expect(delivery).toMatchObject({ requestId: r.id, note: "报告终稿", createdAt: r.dueAt });
    expect(await row(r.id)).toMatchObject({ status: "DELIVERED", deliveredAt: r.dueAt, version: before.version + 1 });
    const doc = await db.document.findUniqueOrThrow({ where: { id: delivery.documentId! } });
    expect(doc).toMatchObject({ ownerOrgId: org(a0), kind: "DELIVERY", uploadedById: a0.user.id });
    expect(await events(r.id, 1)).toEqual([
      {
        fromState: "IN_SERVICE",
        event: "DELIVER",
        toState: "DELIVERED",
        actorId: a0.user.id,
        payload: {
          deliveryId: delivery.id,
          documentId: doc.id,
          sha256: doc.sha256,
          size: doc.size,
          late: false,
          signers: [],
          dueAt: r.dueAt.toISOString(),
        },
      },
    ]);
    expect(await told("DELIVERY_SUBMITTED", r.id)).toEqual([{ orgId: r.owner.organizationId!, data: { requestId: r.id, title: r.title } }]);

    for (const who of [a0.user, await enterpriseUser(db)])
      await expect(acceptDelivery(db, who, r.id)).rejects.toMatchObject({ status: 403, message: "award.errors.forbidden" });
    const acceptedAt = ms(r.dueAt, DAY);
    at(acceptedAt);
    await expect(acceptDelivery(db, r.owner, r.id)).resolves.toEqual({ status: "COMPLETED" });
    expect(await row(r.id)).toMatchObject({ status: "COMPLETED", completedAt: acceptedAt, version: before.version + 2 });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ accepted: true, decidedAt: acceptedAt });
    expect(await events(r.id, 1)).toEqual([
      {
        fromState: "DELIVERED",
        event: "ACCEPT",
        toState: "COMPLETED",
        actorId: r.owner.id,
        payload: { deliveryId: delivery.id, onTime: true },
      },
    ]);
    expect(await told("DELIVERY_ACCEPTED", r.id)).toEqual([{ orgId: org(a0), data: { requestId: r.id, title: r.title } }]);
    // An on-time delivery is a credit input: the winner's score is recomputed at the acceptance.
    expect(await db.agency.findUniqueOrThrow({ where: { id: a0.agencyId }, select: { creditUpdatedAt: true } })).toEqual({
      creditUpdatedAt: acceptedAt,
    });
    await expect(acceptDelivery(db, r.owner, r.id)).rejects.toMatchObject({ status: 409, message: "award.errors.notDelivered" });
  });

  it("late one millisecond after dueAt; returned with a reason (back in service, dueAt kept), delivered again, accepted as late", async () => {
    const [a0] = agencies as [Agency];
    const r = await inService();
    const lateAt = ms(r.dueAt, 1);
    at(lateAt);
    const first = await deliverResult(db, a0.user, r.id, { file: pdf(), note: "" });
    expect(first.late).toBe(true);
    expect((await events(r.id, 1))[0]!.payload).toMatchObject({ late: true });

    for (const who of [a0.user, await enterpriseUser(db)])
      await expect(returnDelivery(db, who, r.id, "缺少附图")).rejects.toMatchObject({ status: 403, message: "award.errors.forbidden" });
    await expect(returnDelivery(db, r.owner, r.id, " ")).rejects.toMatchObject({ status: 400, message: "errors.required" });
    const before = await row(r.id);
    const returnedAt = ms(lateAt, DAY);
    at(returnedAt);
    await expect(returnDelivery(db, r.owner, r.id, " 缺少附图 ")).resolves.toEqual({ status: "IN_SERVICE" });
    expect(await row(r.id)).toMatchObject({ status: "IN_SERVICE", deliveredAt: null, dueAt: r.dueAt, version: before.version + 1 });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: first.delivery.id } })).toMatchObject({
      accepted: false,
      decisionReason: "缺少附图",
      decidedAt: returnedAt,
    });
    expect(await events(r.id, 1)).toEqual([
      {
        fromState: "DELIVERED",
        event: "RETURN",
        toState: "IN_SERVICE",
        actorId: r.owner.id,
        payload: { deliveryId: first.delivery.id, reason: "缺少附图" },
      },
    ]);
    expect(await told("DELIVERY_RETURNED", r.id)).toEqual([
      { orgId: org(a0), data: { requestId: r.id, title: r.title, reason: "缺少附图" } },
    ]);
    // Nothing delivered now: neither answer applies.
    await expect(returnDelivery(db, r.owner, r.id, "再退")).rejects.toMatchObject({ status: 409, message: "award.errors.notDelivered" });

    const again = ms(returnedAt, DAY);
    at(again);
    // A note of exactly MAX_NOTE_CHARS characters is kept (counted as characters: each of these is two UTF-16 units).
    const note = "𠀀".repeat(MAX_NOTE_CHARS);
    const second = await deliverResult(db, a0.user, r.id, { file: pdf(), note });
    expect(second.late).toBe(true);
    expect(second.delivery.note).toBe(note);
    await acceptDelivery(db, r.owner, r.id);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: second.delivery.id } })).toMatchObject({ accepted: true });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: first.delivery.id } })).toMatchObject({ accepted: false });
    expect((await events(r.id, 1))[0]!.payload).toEqual({ deliveryId: second.delivery.id, onTime: false });
  });
});
