import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { FieldErrors } from "~/lib/errors";
import { requestFormSchema } from "~/schemas/request";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { ownBid, submitBid, withdrawBid } from "~/services/requests/bids.server";
import { pickBid } from "~/services/requests/award.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { postRequest } from "~/services/requests/post.server";
import { verifyDraw } from "~/services/requests/selection";
import { loader as drawJsonLoader } from "~/routes/announcements.$id.draw.json";
import { seedCatalogue } from "../../seeds/seed";
import { getRequest, routeArgs } from "../support/http";
import { registerAgency } from "../support/factories";
import { enterpriseUser, expire, listedAgencies, openRequest, requestForm, sessionUserOf } from "../support/requests";

beforeAll(async () => {
  await seedCatalogue(await getDb());
});

const bid = (yuan: number, days = 20) => ({ amountFen: BigInt(yuan * 100), serviceDays: days, proposal: "按规范完成勘测并出具报告" });

describe("posting", () => {
  it("refuses direct selection for a government-budget request", () => {
    const r = requestFormSchema.safeParse({ ...requestFormRaw(), fundingSource: "GOVERNMENT", selectionMethod: "DIRECT" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
      "selectionMethod",
      "requests.errors.governmentNeedsCompetition",
    ]);
  });

  it("refuses regional restrictions and designated agencies, naming the phrase, and stores nothing", async () => {
    const db = await getDb();
    const user = await enterpriseUser(db);
    const err = await postRequest(db, user, requestForm({ description: "投标机构须本地注册，指定上海某某测绘公司承担。" })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FieldErrors);
    expect((err as FieldErrors).fields.description!.join(" ")).toMatch(/unfairRegion::.*本地注册/);
    expect((err as FieldErrors).fields.description!.join(" ")).toMatch(/unfairDesignation/);
    expect(await db.serviceRequest.count({ where: { enterpriseOrgId: user.organizationId! } })).toBe(0);
  });

  it("accepts a discount-rate cap (下浮率) and computes the cap in fen", async () => {
    const db = await getDb();
    const user = await enterpriseUser(db);
    const posted = await postRequest(
      db,
      user,
      requestForm({ priceMode: "DISCOUNT", priceCap: "", basePrice: "80000", discountRate: "12.5" }),
    );
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } });
    expect(row.priceCapFen).toBe(7_000_000n);
    expect(row.discountRateBp).toBe(1250);
  });

  it("refuses a retired catalogue item", async () => {
    const db = await getDb();
    const user = await enterpriseUser(db);
    await db.catalogueItem.update({ where: { code: "ZJ-PT-015" }, data: { status: "RETIRED" } });
    await expect(postRequest(db, user, requestForm({ itemCode: "ZJ-PT-015" }))).rejects.toMatchObject({
      status: 409,
      message: "catalogueAdmin.errors.retired",
      field: "itemCode",
    });
  });

  it("publishes: OPEN, an announcement, and for a random draw a commitment but no visible seed", async () => {
    const db = await getDb();
    const user = await enterpriseUser(db);
    const posted = await openRequest(db, user, { selectionMethod: "RANDOM_DRAW" });
    expect(posted.status).toBe("OPEN");
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } });
    expect(row.drawCommitment).toMatch(/^[0-9a-f]{64}$/);
    const ann = await db.announcement.findFirstOrThrow({ where: { entityId: posted.id, kind: "REQUEST_OPEN" } });
    expect(ann.body).toContain(row.drawCommitment!);
    expect(ann.body).not.toContain(row.drawSeed!);
  });
});

describe("bidding", () => {
  it("only eligible agencies bid; ineligible ones learn why", async () => {
    const db = await getDb();
    const user = await enterpriseUser(db);
    const req = await openRequest(db, user, { qualifications: "测绘资质|乙级" });
    const [ok] = await listedAgencies(db, 1);
    await expect(submitBid(db, ok!.user, req.id, bid(90000))).resolves.toMatchObject({ revision: 1 });
    const { user: applied } = await registerAgency(db, { name: "未入驻测绘公司" });
    const err = await submitBid(db, sessionUserOf(applied), req.id, bid(90000)).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, message: "requests.errors.notEligible" });
    expect(String((err as { params: { reasons: string } }).params.reasons)).toContain("requests.eligibility.notListed::APPLIED");
  });

  it("refuses bids above the cap, revises, and withdraws before closing", async () => {
    const db = await getDb();
    const user = await enterpriseUser(db);
    const req = await openRequest(db, user);
    const [a] = await listedAgencies(db, 1);
    await expect(submitBid(db, a!.user, req.id, bid(100001))).rejects.toMatchObject({
      status: 422,
      message: "requests.errors.aboveCap",
      field: "amount",
    });
    await submitBid(db, a!.user, req.id, bid(95000));
    await submitBid(db, a!.user, req.id, bid(93000));
    expect(await ownBid(db, a!.user, req.id)).toMatchObject({ amountFen: 9_300_000n, revision: 2, status: "SUBMITTED" });
    await withdrawBid(db, a!.user, req.id);
    expect((await ownBid(db, a!.user, req.id))!.status).toBe("WITHDRAWN");
    await expect(submitBid(db, a!.user, req.id, bid(90000))).rejects.toMatchObject({ status: 409, message: "requests.errors.bidFinal" });
  });

  it("refuses a bid after closesAt by the database clock even before anything closed the request", async () => {
    const db = await getDb();
    const user = await enterpriseUser(db);
    const req = await openRequest(db, user);
    const [a] = await listedAgencies(db, 1);
    await expire(db, req.id);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("OPEN");
    await expect(submitBid(db, a!.user, req.id, bid(90000))).rejects.toMatchObject({ status: 409, message: "requests.errors.closed" });
  });
});

describe("the price cap is inclusive (Principle 5): a bid AT the cap is valid, one fen above is not", () => {
  const CAP = 10_000_000n; // requestForm's priceCap "100000" yuan, in fen
  const fen = (amountFen: bigint) => ({ amountFen, serviceDays: 20, proposal: "按规范完成勘测并出具报告" });

  it("at the door: exactly the cap is accepted, first and as a revision; one fen above is refused as aboveCap", async () => {
    const db = await getDb();
    const req = await openRequest(db, await enterpriseUser(db));
    const [a, b] = await listedAgencies(db, 2);
    await expect(submitBid(db, a!.user, req.id, fen(CAP))).resolves.toMatchObject({ revision: 1 });
    await submitBid(db, b!.user, req.id, fen(CAP - 100n));
    await expect(submitBid(db, b!.user, req.id, fen(CAP))).resolves.toMatchObject({ revision: 2 });
    const above = { status: 422, code: "ABOVE_CAP", message: "requests.errors.aboveCap", field: "amount" };
    await expect(submitBid(db, a!.user, req.id, fen(CAP + 1n))).rejects.toMatchObject(above);
    const [c] = await listedAgencies(db, 1);
    await expect(submitBid(db, c!.user, req.id, fen(CAP + 1n))).rejects.toMatchObject(above);
    expect(await ownBid(db, a!.user, req.id)).toMatchObject({ amountFen: CAP, revision: 1, status: "SUBMITTED" });
    expect(await ownBid(db, c!.user, req.id)).toBeNull();
  });

  it("at closing: bids at the cap are entrants; one above is invalid as ABOVE_CAP, an unlisted one at the cap as AGENCY_NOT_LISTED", async () => {
    const db = await getDb();
    const req = await openRequest(db, await enterpriseUser(db));
    const agencies = await listedAgencies(db, 5);
    for (const a of agencies) await submitBid(db, a.user, req.id, fen(CAP));
    // Agency 3 is no longer listed at closing; agency 4's stored bid got past the door above the cap.
    await db.agency.update({ where: { id: agencies[3]!.agencyId }, data: { status: "SUSPENDED" } });
    await db.bid.updateMany({ where: { requestId: req.id, agencyId: agencies[4]!.agencyId }, data: { amountFen: CAP + 1n } });
    await expire(db, req.id);
    await closeDueRequests(db);
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id }, include: { bids: true } });
    expect(row.status).toBe("AWARD_PUBLICITY");
    const byAgency = new Map(row.bids.map((b) => [b.agencyId, b]));
    for (const a of agencies.slice(0, 3))
      expect(byAgency.get(a.agencyId)).toMatchObject({ status: expect.stringMatching(/^(WON|LOST)$/), invalidReason: null });
    expect(byAgency.get(agencies[3]!.agencyId)).toMatchObject({ status: "INVALIDATED", invalidReason: "AGENCY_NOT_LISTED" });
    expect(byAgency.get(agencies[4]!.agencyId)).toMatchObject({ status: "INVALIDATED", invalidReason: "ABOVE_CAP" });
  });

  it("at a direct pick: a bid at the cap can be picked; an unlisted one at the cap is invalid as AGENCY_NOT_LISTED", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const req = await openRequest(db, owner, { selectionMethod: "DIRECT" });
    const agencies = await listedAgencies(db, 2);
    for (const a of agencies) await submitBid(db, a.user, req.id, fen(CAP));
    await expire(db, req.id);
    await closeDueRequests(db);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("CLOSED");
    await db.agency.update({ where: { id: agencies[1]!.agencyId }, data: { status: "SUSPENDED" } });
    const target = await db.bid.findUniqueOrThrow({
      where: { requestId_agencyId: { requestId: req.id, agencyId: agencies[0]!.agencyId } },
    });
    await pickBid(db, owner, req.id, target.id);
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id }, include: { bids: true } });
    expect(row).toMatchObject({ status: "AWARD_PUBLICITY", awardedBidId: target.id });
    expect(row.bids.find((b) => b.agencyId === agencies[1]!.agencyId)).toMatchObject({
      status: "INVALIDATED",
      invalidReason: "AGENCY_NOT_LISTED",
    });
  });
});

describe("closing and selection", () => {
  it("LOWEST_PRICE: the lowest valid bid wins, ties to the earlier bid, exactly once", async () => {
    const db = await getDb();
    const user = await enterpriseUser(db);
    const req = await openRequest(db, user);
    const agencies = await listedAgencies(db, 4);
    await submitBid(db, agencies[0]!.user, req.id, bid(80000));
    await submitBid(db, agencies[1]!.user, req.id, bid(70000));
    await submitBid(db, agencies[2]!.user, req.id, bid(70000));
    await submitBid(db, agencies[3]!.user, req.id, bid(99000));
    await expire(db, req.id);
    expect(await closeDueRequests(db)).toBeGreaterThanOrEqual(1);
    expect(await closeDueRequests(db)).toBe(0);
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id }, include: { bids: { orderBy: { rank: "asc" } } } });
    expect(row.status).toBe("AWARD_PUBLICITY");
    expect(row.bids.map((b) => [b.agencyId, b.status, b.rank])).toEqual([
      [agencies[1]!.agencyId, "WON", 1],
      [agencies[2]!.agencyId, "LOST", 2],
      [agencies[0]!.agencyId, "LOST", 3],
      [agencies[3]!.agencyId, "LOST", 4],
    ]);
    expect(row.awardedBidId).toBe(row.bids[0]!.id);
    const ann = await db.announcement.findFirstOrThrow({ where: { entityId: req.id, kind: "AWARD" } });
    expect((ann.data as { ranking: unknown[] }).ranking).toHaveLength(4);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("fails (流标) below the minimum number of valid bids", async () => {
    const db = await getDb();
    const user = await enterpriseUser(db);
    const req = await openRequest(db, user);
    const agencies = await listedAgencies(db, 2);
    for (const a of agencies) await submitBid(db, a.user, req.id, bid(80000));
    await expire(db, req.id);
    await closeDueRequests(db);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("FAILED");
    expect(await db.announcement.count({ where: { entityId: req.id, kind: "FAILED" } })).toBe(1);
  });

  it("RANDOM_DRAW publishes seed and frozen entrants; anyone can verify, a changed seed fails", async () => {
    const db = await getDb();
    const user = await enterpriseUser(db);
    const req = await openRequest(db, user, { selectionMethod: "RANDOM_DRAW" });
    const agencies = await listedAgencies(db, 3);
    for (const a of agencies) await submitBid(db, a.user, req.id, bid(60000));
    await expire(db, req.id);
    await closeDueRequests(db);
    const ann = await db.announcement.findFirstOrThrow({ where: { entityId: req.id, kind: "AWARD" } });
    const data = ann.data as { draw: { commitment: string; seed: string; entrants: string[] }; ranking: { agencyId: string }[] };
    const announcement = { ...data.draw, ranking: data.ranking.map((r) => r.agencyId) };
    expect(verifyDraw(announcement).ok).toBe(true);
    expect(verifyDraw({ ...announcement, seed: "0".repeat(64) }).ok).toBe(false);

    // The public record, checked the way an outsider would: plain SHA-256 over the texts, not our code.
    const res = (await drawJsonLoader(routeArgs(getRequest(`/announcements/${ann.id}/draw.json`), { id: ann.id }))) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const record = (await res.json()) as {
      publishedAt: string;
      commitmentAnnouncementId: string | null;
      commitmentPublishedAt: string | null;
      commitment: string;
      seed: string;
      entrants: string[];
      ranking: { rank: number; agencyId: string; key: string }[];
    };
    const sha = (text: string) => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");
    expect(record.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(sha(record.seed)).toBe(record.commitment);
    expect(createHash("sha256").update(Buffer.from(record.seed, "hex")).digest("hex")).not.toBe(record.commitment); // text, not raw bytes
    const expected = [...record.entrants].sort((x, y) => (sha(record.seed + x) < sha(record.seed + y) ? -1 : 1));
    expect(record.ranking.map((r) => r.agencyId)).toEqual(expected);
    expect(record.ranking.map((r) => r.key)).toEqual(expected.map((id) => sha(record.seed + id)));
    expect(record.ranking.map((r) => r.rank)).toEqual([1, 2, 3]);

    // Any other announcement has no draw record.
    const opening = await db.announcement.findFirstOrThrow({ where: { entityId: req.id, kind: "REQUEST_OPEN" } });
    // The commitment was published with the opening, before the seed was revealed.
    expect(record.commitmentAnnouncementId).toBe(opening.id);
    expect(record.commitmentPublishedAt).toBe(opening.publishedAt.toISOString());
    expect(record.commitmentPublishedAt! < record.publishedAt).toBe(true);
    const none = (await drawJsonLoader(routeArgs(getRequest(`/announcements/${opening.id}/draw.json`), { id: opening.id }))) as Response;
    expect(none.status).toBe(404);
  });
});

function requestFormRaw() {
  return {
    itemCode: "ZJ-PT-001",
    title: "勘测",
    description: "项目说明",
    fundingSource: "ENTERPRISE",
    priceMode: "AMOUNT",
    priceCap: "1000",
    selectionMethod: "LOWEST_PRICE",
    closesAt: "2030-01-01T10:00",
    serviceDays: "10",
  };
}
