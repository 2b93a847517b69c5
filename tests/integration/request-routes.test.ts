import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { action as requestAction, loader as requestLoader } from "~/routes/requests.$id";
import { loader as requestsLoader } from "~/routes/requests";
import { action as newAction, loader as newLoader } from "~/routes/requests.new";
import { ownBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { seedCatalogue } from "../../seeds/seed";
import { createUser, registerAgency } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, expire, listedAgencies, openRequest, sessionUserOf } from "../support/requests";

const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

function postingForm(overrides: Record<string, string> = {}) {
  return {
    intent: "publish",
    itemCode: "ZJ-PT-001",
    title: "真如地块土地勘测定界",
    description: "项目位于普陀区真如镇，需进行土地勘测定界并出具勘测定界报告。",
    fundingSource: "ENTERPRISE",
    priceMode: "AMOUNT",
    priceCap: "120000",
    selectionMethod: "LOWEST_PRICE",
    closesAt: beijing(new Date(Date.now() + 2 * 3600_000)),
    serviceDays: "30",
    // What the browser sends: every field, empty when left blank.
    minBidders: "",
    publicityDays: "3",
    weightPrice: "60",
    weightCredit: "30",
    weightDays: "10",
    basePrice: "",
    discountRate: "",
    qualifications: "",
    avoidances: "",
    ...overrides,
  };
}

let db: Awaited<ReturnType<typeof getDb>>;
let owner: SessionUser;
let ownerCookie: string;
let otherCookie: string;
let agency: { user: SessionUser; agencyId: string; cookie: string };
let agencyCookieUnlisted: string;
let regulatorCookie: string;
let adminCookie: string;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  owner = await enterpriseUser(db);
  ownerCookie = await sessionCookie(owner.id);
  otherCookie = await sessionCookie((await createUser(db, "ENTERPRISE")).id);
  regulatorCookie = await sessionCookie((await createUser(db, "REGULATOR")).id);
  adminCookie = await sessionCookie((await createUser(db, "ADMIN")).id);
  const [a] = await listedAgencies(db, 1);
  agency = { ...a!, cookie: await sessionCookie(a!.user.id) };
  const { user } = await registerAgency(db, { name: "未入驻的测绘公司" });
  agencyCookieUnlisted = await sessionCookie(sessionUserOf(user).id);
});

const bidForm = (amount: string, extra: Record<string, string> = {}) => ({
  intent: "bid",
  amount,
  serviceDays: "25",
  proposal: "按规范完成勘测定界",
  ...extra,
});
const postTo = (id: string, fields: Record<string, string>, cookie?: string) =>
  outcome(() => requestAction(routeArgs(postRequest(`/requests/${id}`, fields, cookie), { id })));

describe("/requests/new", () => {
  it("only an enterprise reaches it: anonymous goes to login, other roles get 403", async () => {
    const anon = await outcome(() => newLoader(routeArgs(getRequest("/requests/new"))));
    expect(anon.status).toBe(302);
    expect(anon.location).toBe(`/login?redirectTo=${encodeURIComponent("/requests/new")}`);
    for (const cookie of [agency.cookie, regulatorCookie, adminCookie]) {
      await expectRefusal(
        outcome(() => newLoader(routeArgs(getRequest("/requests/new", cookie)))),
        403,
        "requests.errors.enterpriseOnly",
      );
      await expectRefusal(
        outcome(() => newAction(routeArgs(postRequest("/requests/new", postingForm(), cookie)))),
        403,
        "requests.errors.enterpriseOnly",
      );
    }
    expect((await outcome(() => newAction(routeArgs(postRequest("/requests/new", postingForm()))))).status).toBe(302);
    const ok = await outcome(() => newLoader(routeArgs(getRequest("/requests/new", ownerCookie))));
    expect(ok.status).toBe(200);
    expect((ok.data!.items as { code: string }[]).map((i) => i.code)).toContain("ZJ-PT-001");
    expect(ok.data!.knownTypes).toContain("测绘资质");
  });

  it("refuses a regional restriction with the phrase next to the field (422), then publishes the fixed request", async () => {
    const refused = await outcome(() =>
      newAction(routeArgs(postRequest("/requests/new", postingForm({ description: "投标机构须本地注册，具备相应资质。" }), ownerCookie))),
    );
    expect(refused.status).toBe(422);
    expect((refused.data!.fieldErrors as Record<string, string[]>).description!.join()).toContain("requests.errors.unfairRegion::本地注册");
    expect((refused.data!.values as Record<string, string>).title).toBe("真如地块土地勘测定界");

    const bad = await outcome(() =>
      newAction(
        routeArgs(
          postRequest(
            "/requests/new",
            postingForm({ title: "", priceCap: "abc", selectionMethod: "DIRECT", fundingSource: "GOVERNMENT" }),
            ownerCookie,
          ),
        ),
      ),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data!.fieldErrors as object)).toContain("title");

    const posted = await outcome(() => newAction(routeArgs(postRequest("/requests/new", postingForm(), ownerCookie))));
    expect(posted.status).toBe(302);
    const id = posted.location!.match(/^\/requests\/([^?]+)\?published=ok$/)![1]!;
    // A blank minimum means the default for a competitive method.
    expect(await db.serviceRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "OPEN",
      minBidders: 3,
      priceCapFen: 12_000_000n,
    });
  });

  it("takes a discount-rate cap (下浮率) and a blank minimum for direct selection from the form", async () => {
    const posted = await outcome(() =>
      newAction(
        routeArgs(
          postRequest(
            "/requests/new",
            postingForm({
              priceMode: "DISCOUNT",
              priceCap: "",
              basePrice: "50,000",
              discountRate: "10",
              selectionMethod: "DIRECT",
              title: "直接选取：下浮率测试",
            }),
            ownerCookie,
          ),
        ),
      ),
    );
    expect(posted.status).toBe(302);
    const id = posted.location!.split("/").pop()!.split("?")[0]!;
    expect(await db.serviceRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      priceMode: "DISCOUNT",
      basePriceFen: 5_000_000n,
      discountRateBp: 1000,
      priceCapFen: 4_500_000n,
      minBidders: 1,
      selectionMethod: "DIRECT",
    });
    const page = await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${id}`), { id })));
    expect((page.data as { request: unknown }).request).toMatchObject({
      basePriceFen: "5000000",
      discountRateBp: 1000,
      priceCapFen: "4500000",
    });
  });

  it("a draft is visible only to its owner (list with mine=1 and page), who can publish it", async () => {
    const saved = await outcome(() =>
      newAction(routeArgs(postRequest("/requests/new", postingForm({ intent: "draft", title: "草稿：桃浦地块勘测" }), ownerCookie))),
    );
    expect(saved.status).toBe(302);
    const id = saved.location!.match(/^\/requests\/([^?]+)\?saved=draft$/)![1]!;
    const titles = async (path: string, cookie?: string) =>
      ((await outcome(() => requestsLoader(routeArgs(getRequest(path, cookie))))).data!.requests as { title: string }[]).map(
        (r) => r.title,
      );
    expect(await titles("/requests")).not.toContain("草稿：桃浦地块勘测");
    expect(await titles("/requests?mine=1", otherCookie)).not.toContain("草稿：桃浦地块勘测");
    expect(await titles("/requests?mine=1", ownerCookie)).toContain("草稿：桃浦地块勘测");
    await expectRefusal(
      outcome(() => requestLoader(routeArgs(getRequest(`/requests/${id}`, otherCookie), { id }))),
      404,
      "Not Found",
    );
    await expectRefusal(
      outcome(() => requestLoader(routeArgs(getRequest(`/requests/${id}`), { id }))),
      404,
      "Not Found",
    );
    expect((await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${id}`, ownerCookie), { id })))).status).toBe(200);
    await expectRefusal(postTo(id, { intent: "publish" }, otherCookie), 404, "requests.errors.notFound");
    const published = await postTo(id, { intent: "publish" }, ownerCookie);
    expect(published).toMatchObject({ status: 302, location: `/requests/${id}?published=ok` });
    expect(await titles("/requests?status=OPEN")).toContain("草稿：桃浦地块勘测");
  });
});

describe("POST /requests/:id", () => {
  it("an enterprise cannot cancel another's request (403); the owner needs a reason (400), then cancels", async () => {
    const req = await openRequest(db, owner);
    await expectRefusal(postTo(req.id, { intent: "cancel", reason: "不需要了" }, otherCookie), 403, "requests.errors.ownerOnly");
    await expectRefusal(postTo(req.id, { intent: "cancel", reason: "不需要了" }, agency.cookie), 403, "requests.errors.ownerOnly");
    expect((await postTo(req.id, { intent: "cancel", reason: "不需要了" })).status).toBe(302); // to login
    const empty = await postTo(req.id, { intent: "cancel", reason: "  " }, ownerCookie);
    expect(empty.status).toBe(400);
    expect(empty.data!.fieldErrors).toEqual({ reason: ["errors.required"] });
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("OPEN");
    expect(await postTo(req.id, { intent: "cancel", reason: "项目计划调整" }, ownerCookie)).toMatchObject({
      status: 302,
      location: `/requests/${req.id}?cancelled=ok`,
    });
    expect(await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({
      status: "CANCELLED",
      statusReason: "项目计划调整",
    });
  });

  it("an agency's bid redirects to ?bid=ok and is stored; a revision too; the page shows it to the agency only", async () => {
    const req = await openRequest(db, owner);
    const first = await postTo(req.id, bidForm("95,000.50"), agency.cookie);
    expect(first).toMatchObject({ status: 302, location: `/requests/${req.id}?bid=ok` });
    expect(await ownBid(db, agency.user, req.id)).toMatchObject({
      amountFen: 9_500_050n,
      serviceDays: 25,
      revision: 1,
      status: "SUBMITTED",
    });
    await postTo(req.id, bidForm("93000"), agency.cookie);
    expect(await ownBid(db, agency.user, req.id)).toMatchObject({ amountFen: 9_300_000n, revision: 2 });
    const own = await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${req.id}?bid=ok`, agency.cookie), { id: req.id })));
    expect(own.data!.ownBid).toMatchObject({ amountFen: "9300000", revision: 2 });
    expect(own.data!.eligibility).toEqual([]);
    const ownerView = await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${req.id}`, ownerCookie), { id: req.id })));
    expect(ownerView.data).toMatchObject({ bidCount: 1, bids: [], ownBid: null });
  });

  it("wrong input → 400 with field errors; above the cap → 422; not an agency or not eligible → 403; anonymous → login", async () => {
    const req = await openRequest(db, owner);
    const bad = await postTo(req.id, { intent: "bid", amount: "12.345", serviceDays: "0", proposal: " " }, agency.cookie);
    expect(bad.status).toBe(400);
    expect(bad.data!.fieldErrors).toEqual({
      amount: ["requests.errors.money"],
      serviceDays: ["requests.errors.range"],
      proposal: ["errors.required"],
    });
    const above = await postTo(req.id, bidForm("100000.01"), agency.cookie);
    expect(above.status).toBe(422);
    expect(above.data!.fieldErrors).toEqual({ amount: ["requests.errors.aboveCap"] });
    await expectRefusal(postTo(req.id, bidForm("90000"), ownerCookie), 403, "requests.errors.agencyOnly");
    await expectRefusal(postTo(req.id, bidForm("90000"), regulatorCookie), 403, "requests.errors.agencyOnly");
    const unlisted = await postTo(req.id, bidForm("90000"), agencyCookieUnlisted);
    expect(unlisted.status).toBe(403);
    expect(unlisted.data!.formError).toBe("requests.errors.notEligible");
    expect(String((unlisted.data!.params as { reasons: string }).reasons)).toContain("requests.eligibility.notListed::APPLIED");
    const anon = await postTo(req.id, bidForm("90000"));
    expect(anon.status).toBe(302);
    expect(anon.location).toMatch(/^\/login\?redirectTo=/);
    await expectRefusal(postTo(req.id, { intent: "nonsense" }, agency.cookie), 400, "errors.unknownIntent");
    expect(await db.bid.count({ where: { requestId: req.id } })).toBe(0);
  });

  it("a bid after closing → 409, both before and after the scheduler closed the request", async () => {
    const req = await openRequest(db, owner);
    await expire(db, req.id);
    const late = await postTo(req.id, bidForm("90000"), agency.cookie);
    expect(late.status).toBe(409);
    expect(late.data!.formError).toBe("requests.errors.closed");
    await closeDueRequests(db);
    await expectRefusal(postTo(req.id, bidForm("90000"), agency.cookie), 409, "requests.errors.closed");
    expect(await db.bid.count({ where: { requestId: req.id } })).toBe(0);
  });

  it("a failed round (流标) explains itself and publishes the bids it had", async () => {
    const req = await openRequest(db, owner);
    await postTo(req.id, bidForm("66000"), agency.cookie);
    await expire(db, req.id);
    await closeDueRequests(db);
    const page = await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${req.id}`), { id: req.id })));
    expect(page.data).toMatchObject({
      failure: { validBids: 1, minBidders: 3 },
      unsealed: true,
      bids: [{ amountFen: "6600000", status: "LOST" }],
    });
    expect((page.data as { request: { status: string } }).request.status).toBe("FAILED");
  });

  it("withdraw redirects and is final; a withdrawn bid cannot be resubmitted (409)", async () => {
    const req = await openRequest(db, owner);
    await postTo(req.id, bidForm("88000"), agency.cookie);
    expect(await postTo(req.id, { intent: "withdraw" }, agency.cookie)).toMatchObject({
      status: 302,
      location: `/requests/${req.id}?withdrawn=ok`,
    });
    expect((await ownBid(db, agency.user, req.id))!.status).toBe("WITHDRAWN");
    await expectRefusal(postTo(req.id, bidForm("87000"), agency.cookie), 409, "requests.errors.bidFinal");
    await expectRefusal(postTo(req.id, { intent: "withdraw" }, ownerCookie), 403, "requests.errors.agencyOnly");
  });

  it("an unknown request is a 404 for the page and for actions", async () => {
    const id = "00000000-0000-7000-8000-000000000000";
    await expectRefusal(
      outcome(() => requestLoader(routeArgs(getRequest(`/requests/${id}`), { id }))),
      404,
      "Not Found",
    );
    await expectRefusal(postTo(id, bidForm("1000"), agency.cookie), 404, "requests.errors.notFound");
    await expectRefusal(postTo(id, { intent: "cancel", reason: "x" }, ownerCookie), 404, "requests.errors.notFound");
  });
});
