import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import { action as exitAction, loader as exitLoader } from "~/routes/agency.exit";
import { action as awardAction } from "~/routes/requests.$id.award";
import { action as reapplyAction } from "~/routes/agency.reapply";
import { exitAgency, openWork } from "~/services/agencies/exit.server";
import { approveAgency } from "~/services/agencies/review.server";
import { searchDirectory } from "~/services/agencies/directory.server";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { confirmContract, republishRequest } from "~/services/requests/award.server";
import { loadAwardPanel } from "~/services/requests/award-view.server";
import { submitBid, withdrawBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { terminateContract } from "~/services/requests/terminate.server";
import { seedCatalogue } from "../../seeds/seed";
import { expectRefusal, getRequest, outcome, postRequest, responseOf, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, expire, listedAgencies, openRequest } from "../support/requests";

const DAY = 86_400_000;
const bid = (yuan: number) => ({ amountFen: BigInt(yuan * 100), serviceDays: 20, proposal: "按规范完成勘测并出具报告" });

beforeAll(async () => {
  await seedCatalogue(await getDb());
});

/** A LOWEST_PRICE request awarded to agencies[0], publicity over, contract confirmed by both: IN_SERVICE. */
async function inService(db: Db) {
  const owner = await enterpriseUser(db);
  const req = await openRequest(db, owner);
  const agencies = await listedAgencies(db, 3);
  for (const [i, a] of agencies.entries()) await submitBid(db, a.user, req.id, bid(70000 + i * 10000));
  await expire(db, req.id);
  await closeDueRequests(db);
  await db.serviceRequest.update({ where: { id: req.id }, data: { publicityEndsAt: new Date(Date.now() - 1000) } });
  await confirmContract(db, owner, req.id);
  await confirmContract(db, agencies[0]!.user, req.id);
  expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("IN_SERVICE");
  return { owner, id: req.id, agencies };
}

/** What a regulator's suspension leaves behind (the case service writes the same rows). */
async function suspend(db: Db, agencyId: string, startsAt?: Date) {
  const now = startsAt ?? (await dbNow(db));
  await db.agency.update({ where: { id: agencyId }, data: { status: "SUSPENDED", suspendedUntil: new Date(now.getTime() + 30 * DAY) } });
  return db.sanction.create({
    data: {
      agencyId,
      kind: "SUSPENSION",
      reason: "出具虚假测绘成果",
      legalBasis: "《测绘成果管理条例》第十八条",
      evidence: "现场复核记录",
      authority: "区规划资源局",
      startsAt: now,
      endsAt: new Date(now.getTime() + 30 * DAY),
    },
  });
}

describe("voluntary exit (自愿退出)", () => {
  it("is refused while a bid is in play, allowed once it is withdrawn; the agency leaves the directory", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const req = await openRequest(db, owner);
    const [a] = await listedAgencies(db, 1);
    await submitBid(db, a!.user, req.id, bid(80000));

    const work = await openWork(db, a!.agencyId);
    expect(work.openBids.map((r) => r.id)).toEqual([req.id]);
    await expect(exitAgency(db, a!.user, "业务调整")).rejects.toMatchObject({
      status: 409,
      message: "exit.errors.openWork",
      params: { bids: 1, contracts: 0 },
    });
    expect((await db.agency.findUniqueOrThrow({ where: { id: a!.agencyId } })).status).toBe("LISTED");

    const org = await db.organization.findFirstOrThrow({ where: { agency: { id: a!.agencyId } } });
    expect(JSON.stringify(await searchDirectory(db, { q: org.name }))).toContain(a!.agencyId);
    await withdrawBid(db, a!.user, req.id);
    await exitAgency(db, a!.user, "业务调整");
    const after = await db.agency.findUniqueOrThrow({ where: { id: a!.agencyId } });
    expect(after.status).toBe("EXITED");
    expect(after.statusReason).toBe("业务调整");
    expect(JSON.stringify(await searchDirectory(db, { q: org.name }))).not.toContain(a!.agencyId);
    // It can no longer bid…
    const req2 = await openRequest(db, owner);
    await expect(submitBid(db, a!.user, req2.id, bid(80000))).rejects.toMatchObject({
      status: 403,
      message: "requests.errors.notEligible",
    });
    // …and exiting twice is refused.
    await expect(exitAgency(db, a!.user, "")).rejects.toMatchObject({ status: 409, message: "exit.errors.notAllowed" });
    expect(await db.notification.count({ where: { orgId: org.id, kind: "EXIT_DONE" } })).toBe(1);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("is refused while an engagement is running", async () => {
    const db = await getDb();
    const { agencies } = await inService(db);
    await expect(exitAgency(db, agencies[0]!.user, "")).rejects.toMatchObject({ status: 409, params: { bids: 0, contracts: 1 } });
    // The losing bidders have nothing open and may leave.
    await exitAgency(db, agencies[1]!.user, "");
  });

  it("the page needs the confirmation box, answers 4xx next to the field, and an exited agency may re-apply", async () => {
    const db = await getDb();
    const [a] = await listedAgencies(db, 1);
    const cookie = await sessionCookie(a!.user.id);
    const page = (await exitLoader(routeArgs(getRequest("/agency/exit", cookie)) as never)) as {
      overview: { status: string; openBids: unknown[] };
    };
    expect(page.overview).toMatchObject({ status: "LISTED", openBids: [] });

    const refused = (await responseOf(() => exitAction(routeArgs(postRequest("/agency/exit", { reason: "x" }, cookie)) as never))) as {
      init: { status: number };
      data: { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    };
    expect(refused.init.status).toBe(400);
    expect(refused.data).toMatchObject({ fieldErrors: { confirm: ["exit.errors.confirmRequired"] }, values: { reason: "x" } });
    expect((await db.agency.findUniqueOrThrow({ where: { id: a!.agencyId } })).status).toBe("LISTED");

    const done = (await responseOf(() =>
      exitAction(routeArgs(postRequest("/agency/exit", { reason: "x", confirm: "yes" }, cookie)) as never),
    )) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/dashboard?exited=1");
    expect((await db.agency.findUniqueOrThrow({ where: { id: a!.agencyId } })).status).toBe("EXITED");

    const back = (await responseOf(() => reapplyAction(routeArgs(postRequest("/agency/reapply", {}, cookie)) as never))) as Response;
    expect(back.status).toBe(302);
    expect((await db.agency.findUniqueOrThrow({ where: { id: a!.agencyId } })).status).toBe("APPLIED");
  });

  it("a removed agency under a blacklist cannot re-apply: 422 with the translated reason", async () => {
    const db = await getDb();
    const [a] = await listedAgencies(db, 1);
    const now = await dbNow(db);
    await db.agency.update({ where: { id: a!.agencyId }, data: { status: "REMOVED" } });
    await db.sanction.create({
      data: {
        agencyId: a!.agencyId,
        kind: "BLACKLIST",
        reason: "严重失信",
        legalBasis: "依据",
        evidence: "证据",
        authority: "区审改办",
        startsAt: now,
        endsAt: new Date(now.getTime() + 365 * DAY),
      },
    });
    const cookie = await sessionCookie(a!.user.id);
    await expectRefusal(
      outcome(() => reapplyAction(routeArgs(postRequest("/agency/reapply", {}, cookie)) as never)),
      422,
      "review.errors.blacklisted",
    );
    expect((await db.agency.findUniqueOrThrow({ where: { id: a!.agencyId } })).status).toBe("REMOVED");
  });

  it("only agency users reach the exit page", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const cookie = await sessionCookie(owner.id);
    const res = (await responseOf(() => exitLoader(routeArgs(getRequest("/agency/exit", cookie)) as never))) as Response;
    expect([res.status, await res.text()]).toEqual([403, "errors.forbiddenBody"]);
  });
});

describe("contract termination after a sanction (合同解除)", () => {
  it("is refused without a sanction, offered and done after one, and the round can be re-published", async () => {
    const db = await getDb();
    const { owner, id, agencies } = await inService(db);
    await expect(terminateContract(db, owner, id, "机构被暂停")).rejects.toMatchObject({
      status: 409,
      message: "exit.errors.notSanctioned",
    });
    expect((await loadAwardPanel(db, owner, id))!.can.terminate).toBe(false);

    const sanction = await suspend(db, agencies[0]!.agencyId);
    expect((await loadAwardPanel(db, owner, id))!.can.terminate).toBe(true);
    // Only the owner: the agency and another enterprise are refused; no reason → 400 on the field.
    expect((await loadAwardPanel(db, agencies[0]!.user, id))!.can.terminate).toBe(false);
    await expect(terminateContract(db, agencies[0]!.user, id, "x")).rejects.toMatchObject({
      status: 403,
      message: "award.errors.forbidden",
    });
    await expect(terminateContract(db, await enterpriseUser(db), id, "x")).rejects.toMatchObject({
      status: 403,
      message: "award.errors.forbidden",
    });
    await expect(terminateContract(db, owner, id, "  ")).rejects.toMatchObject({ status: 400, field: "reason" });

    await terminateContract(db, owner, id, "中选机构被暂停执业，无法继续履约");
    const r = await db.serviceRequest.findUniqueOrThrow({ where: { id } });
    expect(r.status).toBe("TERMINATED");
    expect(r.terminatedAt).not.toBeNull();
    expect(r.statusReason).toBe("中选机构被暂停执业，无法继续履约");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: id, event: "TERMINATE" } });
    expect(audit.payload).toMatchObject({ sanctionId: sanction.id });
    expect(await db.announcement.count({ where: { entityId: id, kind: "TERMINATED" } })).toBe(1);
    const org = await db.agency.findUniqueOrThrow({ where: { id: agencies[0]!.agencyId }, select: { organizationId: true } });
    expect(await db.notification.count({ where: { orgId: org.organizationId, kind: "EXIT_CONTRACT_TERMINATED" } })).toBe(1);
    // Once only.
    await expect(terminateContract(db, owner, id, "再次")).rejects.toMatchObject({ status: 409, message: "exit.errors.notRunning" });

    // A new round from the terminated one.
    const panel = await loadAwardPanel(db, owner, id);
    expect(panel!.can.republish).toBe(true);
    const next = await republishRequest(db, owner, id, new Date(Date.now() + 2 * DAY));
    const copy = await db.serviceRequest.findUniqueOrThrow({ where: { id: next.id } });
    expect(copy).toMatchObject({ round: 2, previousRoundId: id, status: "OPEN" });
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("a sanction from before the award is no ground, and a revoked one neither", async () => {
    const db = await getDb();
    const { owner, id, agencies } = await inService(db);
    const old = await suspend(db, agencies[0]!.agencyId, new Date(Date.now() - 400 * DAY));
    await expect(terminateContract(db, owner, id, "x")).rejects.toMatchObject({ status: 409, message: "exit.errors.notSanctioned" });
    const fresh = await suspend(db, agencies[0]!.agencyId);
    await db.sanction.update({ where: { id: fresh.id }, data: { revokedAt: new Date(), revokedReason: "复核撤销" } });
    await expect(terminateContract(db, owner, id, "x")).rejects.toMatchObject({ status: 409, message: "exit.errors.notSanctioned" });
    expect(old.id).toBeTruthy();
  });

  it("the award route answers 4xx with the field for a bad termination, never 500", async () => {
    const db = await getDb();
    const { owner, id, agencies } = await inService(db);
    await suspend(db, agencies[0]!.agencyId);
    const cookie = await sessionCookie(owner.id);
    await expectRefusal(
      outcome(() =>
        awardAction(
          routeArgs(postRequest(`/requests/${id}/award`, { intent: "terminate", reason: "", _js: "1" }, cookie), { id }) as never,
        ),
      ),
      400,
      "errors.required",
      "reason",
    );
    const ok = (await responseOf(() =>
      awardAction(routeArgs(postRequest(`/requests/${id}/award`, { intent: "terminate", reason: "机构被暂停" }, cookie), { id }) as never),
    )) as Response;
    expect(ok.status).toBe(302);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id } })).status).toBe("TERMINATED");
  });
});

describe("a suspension outlives an exit", () => {
  it("an agency suspended after it exited cannot be approved again before the suspension ends", async () => {
    const db = await getDb();
    const [a] = await listedAgencies(db, 1);
    await exitAgency(db, a!.user, "");
    const cookie = await sessionCookie(a!.user.id);
    await responseOf(() => reapplyAction(routeArgs(postRequest("/agency/reapply", {}, cookie)) as never));
    expect((await db.agency.findUniqueOrThrow({ where: { id: a!.agencyId } })).status).toBe("APPLIED");
    const s = await suspend(db, a!.agencyId);
    await db.agency.update({ where: { id: a!.agencyId }, data: { status: "APPLIED" } });
    const regulator = await db.user.findFirstOrThrow({ where: { role: "REGULATOR" } });
    await expect(approveAgency(db, { agencyId: a!.agencyId, actorId: regulator.id })).rejects.toMatchObject({
      status: 422,
      message: "review.errors.suspended",
    });
    await db.sanction.update({ where: { id: s.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    await approveAgency(db, { agencyId: a!.agencyId, actorId: regulator.id });
    expect((await db.agency.findUniqueOrThrow({ where: { id: a!.agencyId } })).status).toBe("LISTED");
  });
});
