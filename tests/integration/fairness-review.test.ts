// 公平竞争审查 end to end through the services: a clear violation is refused (and counted), doubtful
// wording holds the request for the regulator, who publishes it or returns it with a reason; each
// step is on the request's audit chain and the enterprise is told (issue #11).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import { FieldErrors } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { submitBid } from "~/services/requests/bids.server";
import { approveFairnessReview } from "~/services/requests/commands/approve-fairness.server";
import { returnFairnessReview } from "~/services/requests/commands/return-fairness.server";
import { fairnessQueue, fairnessStats, latestFairnessReview } from "~/services/requests/fairness-queries.server";
import { cancelRequest, postRequest, publishRequest } from "~/services/requests/post.server";
import { listRequests, requestPageData } from "~/services/requests/public-view.server";
import { seedCatalogue } from "../../seeds/seed";
import { domainRefusal } from "../support/domain";
import { requestFormSchema } from "~/schemas/request";
import { reviseDraft } from "~/services/requests/commands/revise-draft.server";
import { draftFormValues } from "~/services/requests/queries.server";
import { action as fairnessAction, loader as fairnessLoader } from "~/routes/regulator.fairness";
import { action as newRequestAction } from "~/routes/requests.new";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest as postForm, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, listedAgencies, requestForm, sessionUserOf } from "../support/requests";

let db: Db;
let enterprise: SessionUser;
let other: SessionUser;
let regulator: SessionUser;
let agency: { user: SessionUser; agencyId: string };
let regulatorCookie: string;
let enterpriseCookie: string;

/** Wording the engine doubts (a named place next to a requirement), not a clear violation. */
const DOUBTFUL = "投标人须与上海市有长期合作关系。";

const events = (id: string) =>
  db.auditEvent.findMany({
    where: { aggregateType: "request", aggregateId: id },
    orderBy: { seq: "asc" },
    select: { event: true, toState: true, payload: true },
  });
const notices = (orgId: string, kind: string) => db.notification.findMany({ where: { orgId, kind }, select: { data: true } });

async function held(title = "测绘服务（审查）") {
  const posted = await postRequest(db, enterprise, requestForm({ title, description: DOUBTFUL }));
  expect(posted.status).toBe("FAIRNESS_REVIEW");
  return posted;
}

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  [agency] = (await listedAgencies(db, 1)) as [typeof agency];
  enterprise = await enterpriseUser(db);
  other = await enterpriseUser(db);
  regulator = sessionUserOf(await createUser(db, "REGULATOR"));
  regulatorCookie = await sessionCookie(regulator.id);
  enterpriseCookie = await sessionCookie(enterprise.id);
});

describe("a clear violation", () => {
  it("is refused with one message per phrase, saves no request, and is counted", async () => {
    const before = await db.serviceRequest.count();
    const e = await domainRefusal(postRequest(db, enterprise, requestForm({ description: "报价机构须为上海市企业。" })));
    expect(e).toBeInstanceOf(FieldErrors);
    expect(e.status).toBe(422);
    expect((e as FieldErrors).fields).toEqual({ description: ["requests.errors.unfairRegion::须为上海市企业"] });
    expect(await db.serviceRequest.count()).toBe(before);
    const refused = await db.fairnessReview.findMany({ where: { outcome: "REFUSED", orgId: enterprise.organizationId! } });
    expect(refused).toHaveLength(1);
    expect(refused[0]!.requestId).toBeNull();
    expect(refused[0]!.categories).toEqual(["registration"]);
  });

  it("a regional nickname, a department's consent to take part and a registration cap: one message each, naming the words (issue #11)", async () => {
    const description = "报价机构须为沪上注册企业。须经区住建委同意后方可报名。报名满5家即截止。";
    const e = await domainRefusal(postRequest(db, enterprise, requestForm({ description })));
    expect((e as FieldErrors).fields).toEqual({
      description: [
        "requests.errors.unfairRegion::沪上注册",
        "requests.errors.unfairDesignation::须经区住建委同意后方可报名",
        "requests.errors.unfairQuota::满5家即",
      ],
    });
  });

  it("in an avoidance reason is refused too, next to that field", async () => {
    const code = (
      await db.agency.findUniqueOrThrow({ where: { id: agency.agencyId }, select: { organization: { select: { creditCode: true } } } })
    ).organization.creditCode!;
    const e = await domainRefusal(postRequest(db, enterprise, requestForm({ avoidances: `${code}|报价机构须为上海市企业` })));
    expect((e as FieldErrors).fields.avoidances).toEqual(["requests.errors.unfairRegion::须为上海市企业"]);
  });
});

describe("doubtful wording", () => {
  it("holds the request unpublished: only its owner and the regulator see it, nobody can bid", async () => {
    const posted = await held();
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } });
    expect(row.opensAt).toBeNull();
    expect(await requestPageData(db, null, posted.id)).toBeNull();
    expect(await requestPageData(db, other, posted.id)).toBeNull();
    expect(await requestPageData(db, agency.user, posted.id)).toBeNull();
    expect((await requestPageData(db, enterprise, posted.id))?.request.status).toBe("FAIRNESS_REVIEW");
    expect((await requestPageData(db, regulator, posted.id))?.request.status).toBe("FAIRNESS_REVIEW");
    const publicList = await listRequests(db, null, { page: 1 });
    expect(publicList.requests.map((r) => r.id)).not.toContain(posted.id);
    const mine = await listRequests(db, enterprise, { page: 1, mine: true });
    expect(mine.requests.map((r) => r.id)).toContain(posted.id);
    const bid = await domainRefusal(submitBid(db, agency.user, posted.id, { amountFen: 50_000_00n, serviceDays: 10, proposal: "" }));
    expect(bid.status).toBe(409);
    expect(await db.bid.count({ where: { requestId: posted.id } })).toBe(0);
  });

  it("is on the audit chain and in the regulator's queue with the flagged words and where they are", async () => {
    const posted = await held("测绘服务（审查队列）");
    expect((await events(posted.id)).map((e) => [e.event, e.toState])).toEqual([
      ["CREATE", "DRAFT"],
      ["HOLD_FOR_FAIRNESS_REVIEW", "FAIRNESS_REVIEW"],
    ]);
    const entry = (await fairnessQueue(db)).find((e) => e.request.id === posted.id)!;
    expect(entry.texts.description).toBe(DOUBTFUL);
    expect(entry.hits).toHaveLength(1);
    const hit = entry.hits[0]!;
    expect(hit).toMatchObject({ field: "description", severity: "review", category: "registration" });
    expect(DOUBTFUL.slice(hit.start, hit.end)).toBe(hit.matched);
    expect(hit.matched).toContain("上海");
  });

  it("the regulator publishes it: bidding opens, it is announced, the enterprise is told; a second decision is refused", async () => {
    const posted = await held("测绘服务（审查通过）");
    await approveFairnessReview(db, regulator, posted.id);
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } });
    expect(row.status).toBe("OPEN");
    expect(row.opensAt).not.toBeNull();
    expect((await events(posted.id)).at(-1)).toMatchObject({ event: "APPROVE_FAIRNESS", toState: "OPEN" });
    expect(await db.announcement.count({ where: { entityId: posted.id, kind: "REQUEST_OPEN" } })).toBe(1);
    expect(await notices(enterprise.organizationId!, "FAIRNESS_APPROVED")).toContainEqual({ data: { requestId: posted.id } });
    expect((await latestFairnessReview(db, posted.id))?.outcome).toBe("PUBLISHED");
    expect((await fairnessQueue(db)).map((e) => e.request.id)).not.toContain(posted.id);
    const again = await domainRefusal(approveFairnessReview(db, regulator, posted.id));
    expect([again.status, again.message]).toEqual([409, "fairness.errors.notPending"]);
    const ret = await domainRefusal(returnFairnessReview(db, regulator, posted.id, "理由"));
    expect([ret.status, ret.message]).toEqual([409, "fairness.errors.notPending"]);
    // Published: an agency may bid now.
    await submitBid(db, agency.user, posted.id, { amountFen: 50_000_00n, serviceDays: 10, proposal: "" });
    expect(await db.bid.count({ where: { requestId: posted.id, status: "SUBMITTED" } })).toBe(1);
  });

  it("the regulator returns it with a reason: a draft again, the reason kept and told; publishing it again holds it again", async () => {
    const posted = await held("测绘服务（退回）");
    const empty = await domainRefusal(returnFairnessReview(db, regulator, posted.id, "  "));
    expect([empty.status, empty.message, empty.field]).toEqual([400, "errors.required", "reason"]);
    await returnFairnessReview(db, regulator, posted.id, "“与上海市有长期合作关系”排斥外地机构，请删除");
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } });
    expect([row.status, row.statusReason]).toEqual(["DRAFT", "“与上海市有长期合作关系”排斥外地机构，请删除"]);
    expect((await events(posted.id)).at(-1)).toMatchObject({ event: "RETURN_FAIRNESS", toState: "DRAFT" });
    expect(await notices(enterprise.organizationId!, "FAIRNESS_RETURNED")).toContainEqual({
      data: { requestId: posted.id, reason: "“与上海市有长期合作关系”排斥外地机构，请删除" },
    });
    const review = await latestFairnessReview(db, posted.id);
    expect([review?.outcome, review?.reason]).toEqual(["RETURNED", "“与上海市有长期合作关系”排斥外地机构，请删除"]);
    expect(await requestPageData(db, null, posted.id)).toBeNull();
    expect(await publishRequest(db, enterprise, posted.id)).toBe("FAIRNESS_REVIEW");
    expect(await db.fairnessReview.count({ where: { requestId: posted.id, outcome: "PENDING" } })).toBe(1);
  });

  it("only a regulator decides", async () => {
    const posted = await held("测绘服务（无权）");
    for (const who of [enterprise, agency.user]) {
      expect((await domainRefusal(approveFairnessReview(db, who, posted.id))).status).toBe(403);
      expect((await domainRefusal(returnFairnessReview(db, who, posted.id, "x"))).status).toBe(403);
    }
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } })).status).toBe("FAIRNESS_REVIEW");
  });

  it("cannot be published once the deadline is less than the minimum bidding time away: the regulator returns it", async () => {
    const posted = await held("测绘服务（临近截止）");
    await db.$executeRaw`UPDATE "ServiceRequest" SET "closesAt" = clock_timestamp() + interval '30 seconds' WHERE id = ${posted.id}`;
    const e = await domainRefusal(approveFairnessReview(db, regulator, posted.id));
    expect([e.status, e.message]).toEqual([409, "fairness.errors.closesTooSoon"]);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } })).status).toBe("FAIRNESS_REVIEW");
    await returnFairnessReview(db, regulator, posted.id, "截止时间已到，请重新设定");
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } })).status).toBe("DRAFT");
  });

  it("the enterprise may cancel it while it waits: the review ends as withdrawn", async () => {
    const posted = await held("测绘服务（撤回）");
    await cancelRequest(db, enterprise, posted.id, "不再需要");
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } })).status).toBe("CANCELLED");
    expect((await latestFairnessReview(db, posted.id))?.outcome).toBe("WITHDRAWN");
  });

  it("saving it as a draft is allowed; publishing the draft holds it", async () => {
    const draft = await postRequest(db, enterprise, requestForm({ title: "测绘服务（草稿）", description: DOUBTFUL, intent: "draft" }));
    expect(draft.status).toBe("DRAFT");
    expect(await publishRequest(db, enterprise, draft.id)).toBe("FAIRNESS_REVIEW");
  });
});

describe("a returned draft is changed and published", () => {
  it("the form comes back filled in, the change is checked like a new request, and publishing opens bidding", async () => {
    const posted = await held("测绘服务（修改后发布）");
    await returnFairnessReview(db, regulator, posted.id, "请删除地域表述");
    const values = (await draftFormValues(db, enterprise, posted.id))!;
    expect(values).toMatchObject({
      draftId: posted.id,
      title: "测绘服务（修改后发布）",
      description: DOUBTFUL,
      itemCode: "ZJ-PT-001",
      priceCap: "100000.00",
    });
    // The prefilled values parse back into the same request.
    const same = requestFormSchema.parse({ ...values, intent: "draft" });
    expect(same.priceCapFen).toBe(100_000_00n);
    expect(await draftFormValues(db, other, posted.id)).toBeNull();
    // A clear violation in the change is refused, and the draft stays as it was.
    const unfair = await domainRefusal(
      reviseDraft(db, enterprise, posted.id, requestForm({ title: "测绘服务（修改后发布）", description: "报价机构须为上海市企业。" })),
    );
    expect((unfair as FieldErrors).fields.description).toEqual(["requests.errors.unfairRegion::须为上海市企业"]);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } })).description).toBe(DOUBTFUL);
    // Someone else's draft is not found.
    const foreign = await domainRefusal(reviseDraft(db, other, posted.id, requestForm()));
    expect([foreign.status, foreign.message]).toEqual([404, "requests.errors.notFound"]);
    const revised = await reviseDraft(
      db,
      enterprise,
      posted.id,
      requestForm({ title: "测绘服务（修改后发布）", description: "项目位于普陀区，需进行土地勘测定界。", serviceDays: "25" }),
    );
    expect(revised.status).toBe("OPEN");
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } });
    expect([row.description, row.serviceDays]).toEqual(["项目位于普陀区，需进行土地勘测定界。", 25]);
    const chain = await events(posted.id);
    expect(chain.map((e) => e.event)).toEqual(["CREATE", "HOLD_FOR_FAIRNESS_REVIEW", "RETURN_FAIRNESS", "EDIT", "PUBLISH"]);
    expect((chain[3]!.payload as { changed: string[] }).changed).toEqual(expect.arrayContaining(["description", "serviceDays"]));
    expect((chain[3]!.payload as { changed: string[] }).changed).not.toContain("title");
    // Published: no longer a draft to change.
    const late = await domainRefusal(reviseDraft(db, enterprise, posted.id, requestForm()));
    expect([late.status, late.message]).toEqual([409, "requests.errors.notDraft"]);
    expect(await draftFormValues(db, enterprise, posted.id)).toBeNull();
  });
});

describe("ordinary text", () => {
  it("mentioning where the project is, publishes at once with no review", async () => {
    const posted = await postRequest(db, enterprise, requestForm({ title: "测绘服务（普通）" }));
    expect(posted.status).toBe("OPEN");
    expect(await latestFairnessReview(db, posted.id)).toBeNull();
  });
});

describe("the dashboard's figures", () => {
  it("count every review by outcome, and by category", async () => {
    const stats = await fairnessStats(db);
    const rows = await db.fairnessReview.groupBy({ by: ["outcome"], _count: { _all: true } });
    for (const r of rows) expect(stats.byOutcome[r.outcome]).toBe(r._count._all);
    // Three refused postings (one in three categories) and one refused change of a draft; three returns.
    expect(stats.byOutcome.REFUSED).toBe(4);
    expect(stats.byOutcome.PUBLISHED).toBe(1);
    expect(stats.byOutcome.WITHDRAWN).toBe(1);
    expect(stats.byOutcome.RETURNED).toBe(3);
    expect(stats.byCategory.registration.REFUSED).toBe(4);
    expect(stats.byCategory.registration.PUBLISHED).toBe(1);
    expect(stats.byCategory.designation.REFUSED).toBe(1);
    expect(stats.byCategory.quota.REFUSED).toBe(1);
    expect(stats.byCategory.pool.REFUSED).toBe(0);
  });
});

describe("the routes", () => {
  it("/regulator/fairness: the regulator's queue; anyone else is refused", async () => {
    const posted = await held("测绘服务（路由）");
    const page = await outcome(() => fairnessLoader(routeArgs(getRequest("/regulator/fairness", regulatorCookie))));
    expect(page.status).toBe(200);
    const queue = (
      page.data as { queue: { request: { id: string }; hits: { explain: { zh: string } | null; articleText: { zh: string } | null }[] }[] }
    ).queue;
    const entry = queue.find((e) => e.request.id === posted.id)!;
    expect(entry.hits[0]!.explain?.zh).toBeTruthy();
    expect(entry.hits[0]!.articleText?.zh).toMatch(/公平竞争审查条例|2019/);
    for (const cookie of [enterpriseCookie, undefined])
      expect((await outcome(() => fairnessLoader(routeArgs(getRequest("/regulator/fairness", cookie))))).status).toBeGreaterThanOrEqual(
        300,
      );
  });

  it("wording only the structural detector finds is held, and the queue explains it by its category (issue #11)", async () => {
    const description = "服务机构须在项目所在区域设立联络处。";
    const posted = await postRequest(db, enterprise, requestForm({ title: "测绘服务（结构）", description }));
    expect(posted.status).toBe("FAIRNESS_REVIEW");
    const page = await outcome(() => fairnessLoader(routeArgs(getRequest("/regulator/fairness", regulatorCookie))));
    const queue = (
      page.data as {
        queue: {
          request: { id: string };
          hits: { ruleId: string; category: string; matched: string; explain: { zh: string } | null; articleText: { zh: string } | null }[];
        }[];
      }
    ).queue;
    const hits = queue.find((e) => e.request.id === posted.id)!.hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ ruleId: "structure-presence", category: "presence" });
    expect(hits[0]!.matched).toContain("联络处");
    expect(hits[0]!.explain?.zh).toContain("办公场所");
    expect(hits[0]!.articleText?.zh).toContain("第九条第（二）项");
  });

  it("a return without a reason gets the message next to the field; with one it leaves the queue", async () => {
    const posted = await held("测绘服务（路由退回）");
    const post = (fields: Record<string, string>, cookie = regulatorCookie) =>
      outcome(() => fairnessAction(routeArgs(postForm("/regulator/fairness", fields, cookie))));
    await expectRefusal(post({ intent: "return", requestId: posted.id, reason: " " }), 400, "errors.required", "reason");
    await expectRefusal(post({ intent: "approve", requestId: posted.id }, enterpriseCookie), 403, "errors.regulatorOnly");
    const ok = await post({ intent: "return", requestId: posted.id, reason: "请删除地域表述" });
    expect(ok.status).toBe(200);
    expect(ok.data).toMatchObject({ ok: true, done: "returned", requestId: posted.id });
    await expectRefusal(post({ intent: "approve", requestId: posted.id }), 409, "fairness.errors.notPending");
  });

  it("posting doubtful wording from the form lands on the request page saying it is under review", async () => {
    const o = await outcome(() =>
      newRequestAction(
        routeArgs(
          postForm(
            "/requests/new",
            {
              intent: "publish",
              itemCode: "ZJ-PT-001",
              title: "测绘服务（表单）",
              description: DOUBTFUL,
              fundingSource: "ENTERPRISE",
              priceMode: "AMOUNT",
              priceCap: "100000",
              selectionMethod: "LOWEST_PRICE",
              closesAt: new Date(Date.now() + 8 * 3600_000 + 7200_000).toISOString().slice(0, 16),
              serviceDays: "20",
              publicityDays: "3",
              qualifications: "",
              avoidances: "",
            },
            enterpriseCookie,
          ),
        ),
      ),
    );
    expect(o.status).toBe(302);
    expect(o.location).toMatch(/^\/requests\/[0-9a-f-]+\?published=review$/);
  });
});
