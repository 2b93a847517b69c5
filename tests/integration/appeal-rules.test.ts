// The agency's appeal (申请复核) and the regulator's final decision on it, at their boundaries, calling the
// commands directly: an unknown case is not found (never a crash); the window is open up to but not at its end by
// the database clock; a decision of no action has nothing to appeal; what each step writes — the case row, the
// audit event and its payload, who is told and with what, and what the command returns. Mutation testing uses this
// file (docs/mutation-testing.md).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/** dbNow with a queue of instants to return first (then the real clock). */
const hook = vi.hoisted(() => ({ times: [] as Date[] }));
vi.mock("~/services/clock.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/services/clock.server")>();
  return { ...real, dbNow: async (client: never) => hook.times.shift() ?? real.dbNow(client) };
});

import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { appealCase, decideAppeal } from "~/services/supervision/cases.server";
import { seedCatalogue } from "../../seeds/seed";
import { domainRefusal } from "../support/domain";
import { caseUnderReview, decideAs, regulatorUser, caseEvents as caseEventsOf, told as toldOf } from "../support/cases";
import { listedAgencies } from "../support/requests";

type Agency = { user: SessionUser; agencyId: string };
let db: Db;
let reg: SessionUser;
let agency: Agency;

/** A case against the agency, decided with a warning (light: no due process), at version 2. */
async function warned() {
  const c = await caseUnderReview(db, reg, agency.agencyId);
  const decided = await decideAs(db, reg, c, "WARNING");
  const row = await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } });
  return { ...c, version: decided.version, appealEndsAt: row.appealEndsAt! };
}

const caseEvents = (id: string, event: string) => caseEventsOf(db, id, event);
const told = (where: { orgId?: string; userId?: string; kind: string }) => toldOf(db, where);

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  reg = await regulatorUser(db);
  [agency] = (await listedAgencies(db, 1)) as [Agency];
});

afterEach(() => {
  hook.times.length = 0;
});

describe("the agency's appeal", () => {
  it("of a case that does not exist is not found", async () => {
    const e = await domainRefusal(appealCase(db, agency.user, "no-such-case", { reason: "事实认定有误", expectedVersion: 2 }));
    expect([e.status, e.message]).toEqual([404, "cases.errors.notFound"]);
  });

  it("is open up to 1 ms before the window ends, and refused at its end", async () => {
    const late = await warned();
    hook.times.push(late.appealEndsAt);
    const e = await domainRefusal(appealCase(db, agency.user, late.id, { reason: "事实认定有误", expectedVersion: late.version }));
    expect([e.status, e.message]).toEqual([409, "cases.errors.appealWindowOver"]);
    expect((await db.supervisionCase.findUniqueOrThrow({ where: { id: late.id } })).status).toBe("DECIDED");

    const inTime = await warned();
    hook.times.splice(0, hook.times.length, new Date(inTime.appealEndsAt.getTime() - 1));
    const r = await appealCase(db, agency.user, inTime.id, { reason: "事实认定有误", expectedVersion: inTime.version });
    expect(r).toEqual({ status: "APPEAL" });
  });

  it("of a decision of no action is refused as not appealable (the case is final at once)", async () => {
    const c = await caseUnderReview(db, reg, agency.agencyId);
    const decided = await decideAs(db, reg, c, "NO_ACTION");
    const e = await domainRefusal(appealCase(db, agency.user, c.id, { reason: "事实认定有误", expectedVersion: decided.version }));
    expect([e.status, e.message]).toEqual([409, "cases.errors.notAppealable"]);
    expect((await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("FINAL");
  });

  it("a second time is refused: while the first appeal is reviewed, and once it was decided", async () => {
    const c = await warned();
    await appealCase(db, agency.user, c.id, { reason: "事实认定有误", expectedVersion: c.version });
    const again = await domainRefusal(appealCase(db, agency.user, c.id, { reason: "再次申请", expectedVersion: c.version + 1 }));
    expect([again.status, again.message]).toEqual([409, "cases.errors.alreadyAppealed"]);
    await decideAppeal(db, reg, c.id, { outcome: "UPHELD", reason: "维持原决定", expectedVersion: c.version + 1 });
    const after = await domainRefusal(appealCase(db, agency.user, c.id, { reason: "再次申请", expectedVersion: c.version + 2 }));
    expect([after.status, after.message]).toEqual([409, "cases.errors.appealDecided"]);
    const row = await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.status, row.appealReason]).toEqual(["FINAL", "事实认定有误"]);
    expect(await caseEvents(c.id, "APPEAL")).toHaveLength(1);
  });

  it("writes the case, an APPEAL event with its reason, and tells the regulators and the complainant", async () => {
    const c = await warned();
    const reason = "事实认定有误，报告数据有原始记录为证";
    await appealCase(db, agency.user, c.id, { reason, expectedVersion: c.version });
    const row = await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.status, row.appealReason, row.version]).toEqual(["APPEAL", reason, c.version + 1]);
    expect(await caseEvents(c.id, "APPEAL")).toEqual([
      { fromState: "DECIDED", toState: "APPEAL", actorId: agency.user.id, payload: { reason } },
    ]);
    expect(await told({ userId: reg.id, kind: "CASE_APPEALED" })).toContainEqual({ caseId: c.id, code: c.code });
    expect(await told({ userId: c.complainant.id, kind: "CASE_APPEALED_COMPLAINANT" })).toEqual([{ caseId: c.id, code: c.code }]);
  });
});

describe("the regulator's decision on an appeal", () => {
  async function appealed() {
    const c = await warned();
    await appealCase(db, agency.user, c.id, { reason: "事实认定有误", expectedVersion: c.version });
    return { ...c, version: c.version + 1 };
  }

  it("names a bad outcome and a missing reason at their fields, before anything is written", async () => {
    const c = await appealed();
    const bad = await domainRefusal(decideAppeal(db, reg, c.id, { outcome: "MAYBE" as never, reason: "理由", expectedVersion: c.version }));
    expect([bad.status, bad.field, bad.message]).toEqual([400, "outcome", "errors.invalidChoice"]);
    const blank = await domainRefusal(decideAppeal(db, reg, c.id, { outcome: "UPHELD", reason: "  ", expectedVersion: c.version }));
    expect([blank.status, blank.field]).toEqual([400, "reason"]);
    expect((await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("APPEAL");
  });

  it("revoking writes the final case, a DECIDE_APPEAL event with outcome and reason, and tells the agency and the complainant", async () => {
    const c = await appealed();
    const reason = "原始记录足以推翻现场复核结论";
    const r = await decideAppeal(db, reg, c.id, { outcome: "REVOKED", reason, expectedVersion: c.version });
    expect(r.status).toBe("FINAL");
    expect(r.revoked).not.toBeNull();
    const row = await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.status, row.appealOutcome, row.finalReason]).toEqual(["FINAL", "REVOKED", reason]);
    expect(await caseEvents(c.id, "DECIDE_APPEAL")).toEqual([
      { fromState: "APPEAL", toState: "FINAL", actorId: reg.id, payload: { outcome: "REVOKED", reason } },
    ]);
    const data = { caseId: c.id, code: c.code, outcome: "REVOKED" };
    const orgId = (await db.agency.findUniqueOrThrow({ where: { id: agency.agencyId } })).organizationId;
    expect(await told({ orgId, kind: "CASE_APPEAL_DECIDED" })).toContainEqual(data);
    expect(await told({ userId: c.complainant.id, kind: "CASE_APPEAL_DECIDED" })).toEqual([data]);
  });

  it("upholding returns the final status and revokes nothing", async () => {
    const c = await appealed();
    const r = await decideAppeal(db, reg, c.id, { outcome: "UPHELD", reason: "原始记录不能推翻现场复核结论", expectedVersion: c.version });
    expect(r).toEqual({ status: "FINAL", revoked: null });
  });
});
