// The regulator's two fair-competition decisions at their boundaries, calling the commands directly: who
// decides (the message key, not only the status), publishing only while the catalogue item is in force and
// while bidding still has its minimum time — exactly that much is enough, by the database clock — and what a
// return keeps: the reason as the regulator meant it (trimmed) on the review, the request, the audit event and
// the enterprise's notice. Mutation testing uses this file (docs/mutation-testing.md).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/** dbNow with a queue of instants to return first (then the real clock). */
const hook = vi.hoisted(() => ({ times: [] as Date[] }));
vi.mock("~/services/clock.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/services/clock.server")>();
  return { ...real, dbNow: async (client: never) => hook.times.shift() ?? real.dbNow(client) };
});

import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { approveFairnessReview } from "~/services/requests/commands/approve-fairness.server";
import { returnFairnessReview } from "~/services/requests/commands/return-fairness.server";
import { MIN_BIDDING_SECONDS, postRequest } from "~/services/requests/post.server";
import { seedCatalogue } from "../../seeds/seed";
import { domainRefusal } from "../support/domain";
import { createUser } from "../support/factories";
import { SURVEY, enterpriseUser, listedAgencies, requestForm, sessionUserOf } from "../support/requests";

/** Wording the engine doubts (a named place next to a requirement), not a clear violation. */
const DOUBTFUL = "投标人须与上海市有长期合作关系。";

let db: Db;
let enterprise: SessionUser;
let regulator: SessionUser;
let agency: { user: SessionUser; agencyId: string };

async function held(title: string) {
  const posted = await postRequest(db, enterprise, requestForm({ title, description: DOUBTFUL }));
  expect(posted.status).toBe("FAIRNESS_REVIEW");
  return db.serviceRequest.findUniqueOrThrow({ where: { id: posted.id } });
}

const status = async (id: string) => (await db.serviceRequest.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  [agency] = (await listedAgencies(db, 1)) as [typeof agency];
  enterprise = await enterpriseUser(db);
  regulator = sessionUserOf(await createUser(db, "REGULATOR"));
});

afterEach(() => {
  hook.times.length = 0;
});

describe("publishing a held request", () => {
  it("is the regulator's alone, and says so", async () => {
    const r = await held("审查规则（无权）");
    for (const who of [enterprise, agency.user]) {
      const a = await domainRefusal(approveFairnessReview(db, who, r.id));
      expect([a.status, a.message]).toEqual([403, "errors.regulatorOnly"]);
      const b = await domainRefusal(returnFairnessReview(db, who, r.id, "理由"));
      expect([b.status, b.message]).toEqual([403, "errors.regulatorOnly"]);
    }
    expect(await status(r.id)).toBe("FAIRNESS_REVIEW");
  });

  it("is allowed with exactly the minimum bidding time left, and refused 1 ms later", async () => {
    const r = await held("审查规则（最短时间）");
    const latest = new Date(r.closesAt.getTime() - MIN_BIDDING_SECONDS * 1000);
    hook.times.push(new Date(latest.getTime() + 1));
    const late = await domainRefusal(approveFairnessReview(db, regulator, r.id));
    expect([late.status, late.message]).toEqual([409, "fairness.errors.closesTooSoon"]);
    expect(await status(r.id)).toBe("FAIRNESS_REVIEW");
    hook.times.splice(0, hook.times.length, latest);
    await approveFairnessReview(db, regulator, r.id);
    expect(await status(r.id)).toBe("OPEN");
    const review = await db.fairnessReview.findFirstOrThrow({ where: { requestId: r.id } });
    expect([review.outcome, review.decidedAt?.getTime()]).toEqual(["PUBLISHED", latest.getTime()]);
    const opened = await db.auditEvent.findFirstOrThrow({
      where: { aggregateType: "request", aggregateId: r.id, event: "APPROVE_FAIRNESS" },
    });
    expect([opened.fromState, opened.toState, opened.actorId]).toEqual(["FAIRNESS_REVIEW", "OPEN", regulator.id]);
    const told = await db.notification.findMany({ where: { orgId: r.enterpriseOrgId, kind: "FAIRNESS_APPROVED" } });
    expect(told.map((n) => n.data)).toContainEqual({ requestId: r.id });
  });

  it("is refused once the catalogue item was retired while the request waited: nothing changes", async () => {
    const r = await held("审查规则（事项已废止）");
    await db.catalogueItem.update({ where: { code: SURVEY }, data: { status: "RETIRED" } });
    try {
      const e = await domainRefusal(approveFairnessReview(db, regulator, r.id));
      expect([e.status, e.message]).toEqual([409, "fairness.errors.notPending"]);
      expect(await status(r.id)).toBe("FAIRNESS_REVIEW");
      const review = await db.fairnessReview.findFirstOrThrow({ where: { requestId: r.id } });
      expect([review.outcome, review.decidedAt]).toEqual(["PENDING", null]);
    } finally {
      await db.catalogueItem.update({ where: { code: SURVEY }, data: { status: "IN_FORCE" } });
    }
    // …and the regulator can still return it
    await returnFairnessReview(db, regulator, r.id, "服务事项已废止");
    expect(await status(r.id)).toBe("DRAFT");
  });
});

describe("returning a held request", () => {
  it("keeps the reason trimmed on the review, the request, the audit event and the enterprise's notice", async () => {
    const r = await held("审查规则（退回）");
    await returnFairnessReview(db, regulator, r.id, "  请删除对上海市的合作要求  ");
    const reason = "请删除对上海市的合作要求";
    const review = await db.fairnessReview.findFirstOrThrow({ where: { requestId: r.id } });
    expect([review.outcome, review.reason, review.decidedById]).toEqual(["RETURNED", reason, regulator.id]);
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect([row.status, row.statusReason, row.version]).toEqual(["DRAFT", reason, r.version + 1]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { aggregateType: "request", aggregateId: r.id, event: "RETURN_FAIRNESS" },
    });
    expect([event.fromState, event.toState, event.actorId]).toEqual(["FAIRNESS_REVIEW", "DRAFT", regulator.id]);
    expect(event.payload).toEqual({ reviewId: review.id, reason });
    const notices = await db.notification.findMany({ where: { orgId: r.enterpriseOrgId, kind: "FAIRNESS_RETURNED" } });
    expect(notices.map((n) => n.data)).toContainEqual({ requestId: r.id, reason });
  });

  it("needs a reason, named at its field, and is refused once the request is no longer held", async () => {
    const r = await held("审查规则（无理由）");
    const blank = await domainRefusal(returnFairnessReview(db, regulator, r.id, "   "));
    expect([blank.status, blank.field, blank.message]).toEqual([400, "reason", "errors.required"]);
    await approveFairnessReview(db, regulator, r.id);
    const again = await domainRefusal(returnFairnessReview(db, regulator, r.id, "理由"));
    expect([again.status, again.message]).toEqual([409, "fairness.errors.notPending"]);
    const twice = await domainRefusal(approveFairnessReview(db, regulator, r.id));
    expect([twice.status, twice.message]).toEqual([409, "fairness.errors.notPending"]);
  });
});
