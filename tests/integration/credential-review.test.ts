/**
 * Credentials added after listing need the regulator's verification
 * (docs/decisions/015-credential-verification.md): Principle 2 — only LISTED
 * agencies whose credentials cover the item may bid — holds for credentials a
 * regulator has looked at, not for whatever an agency types in after approval.
 *
 * Runs on PGlite by default; the "two regulators at once" case is a real race on
 * PostgreSQL (TEST_DB=postgres TEST_DATABASE_URL=… TEST_TEMPLATE_DB=zj_tpl_cred).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { loader as publicProfileLoader } from "~/routes/agencies.$id";
import { action as profileAction, loader as profileLoader } from "~/routes/agency.profile";
import { action as requestAction } from "~/routes/requests.$id";
import { action as reviewAction, loader as reviewLoader } from "~/routes/regulator.reviews";
import { credentialQueue, rejectCredential, verifyCredential } from "~/services/agencies/credential-review.server";
import { searchDirectory } from "~/services/agencies/directory.server";
import { approveAgency } from "~/services/agencies/review.server";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { workQueues } from "~/services/supervision/indicators.server";
import { seedCatalogue } from "../../seeds/seed";
import { addCredential, createUser, registerAgency } from "../support/factories";
import { expectRefusal, getRequest, outcome, type Outcome, postRequest, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, listedAgencies, openRequest, SURVEY } from "../support/requests";

const EIA = "ZJ-PT-008"; // 环境影响评价
const onPostgres = process.env.TEST_DB === "postgres";

let db: Db;
let owner: SessionUser;
let regulator: { id: string; cookie: string };
let regulator2: { id: string; cookie: string };
let itemId: Record<string, string>;
let numbers = 0;

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The agency adds a credential on /agency/profile, as its browser would (multipart form). */
async function addOnProfile(cookie: string, fields: { type?: string; level?: string; items: string[]; number?: string }) {
  const form = new FormData();
  const number = fields.number ?? `CRED-${++numbers}-${Math.random().toString(36).slice(2, 6)}`;
  form.set("intent", "add-credential");
  form.set("type", fields.type ?? "环评资质");
  form.set("level", fields.level ?? "甲级");
  form.set("number", number);
  form.set("issuer", "浙江省生态环境厅");
  form.set("validUntil", future(365));
  for (const code of fields.items) form.append("itemIds", itemId[code]!);
  form.set("document", new File([], "", { type: "application/octet-stream" }));
  const request = new Request("http://localhost:3000/agency/profile", {
    method: "POST",
    body: form,
    headers: { Cookie: cookie, Origin: "http://localhost:3000" },
  });
  const out = await outcome(() => profileAction(routeArgs(request)));
  expect(out).toMatchObject({ status: 302, location: "/agency/profile?done=addCredential" });
  return db.credential.findFirstOrThrow({ where: { number } });
}

const decide = (fields: Record<string, string>, cookie?: string) =>
  outcome(() => reviewAction(routeArgs(postRequest("/regulator/reviews", fields, cookie))));
const bid = (requestId: string, cookie: string) =>
  outcome(() =>
    requestAction(
      routeArgs(
        postRequest(`/requests/${requestId}`, { intent: "bid", amount: "90000", serviceDays: "20", proposal: "按规范完成" }, cookie),
        { id: requestId },
      ),
    ),
  );
const reasonsOf = (out: Outcome) => String((out.data?.params as { reasons?: string } | undefined)?.reasons ?? "");

async function listedAgency(itemCode = SURVEY) {
  const [a] = await listedAgencies(db, 1, itemCode);
  return { ...a!, cookie: await sessionCookie(a!.user.id) };
}

async function ownProfile(cookie: string) {
  const out = await outcome(() => profileLoader(routeArgs(getRequest("/agency/profile", cookie))));
  expect(out.status).toBe(200);
  return (out.data as { profile: { credentials: { id: string; verification: string; rejectReason: string | null }[] } }).profile;
}

/** Agency ids the directory finds for this filter, narrowed to one agency by its credit code (so no page of 20 can hide it). */
async function foundIn(query: Parameters<typeof searchDirectory>[1], agencyId: string) {
  const org = await db.organization.findFirstOrThrow({ where: { agency: { id: agencyId } }, select: { creditCode: true } });
  return (await searchDirectory(db, { ...query, q: org.creditCode! })).agencies.map((a) => a.id);
}

async function publicCredentialIds(agencyId: string) {
  const out = await outcome(() => publicProfileLoader(routeArgs(getRequest(`/agencies/${agencyId}`), { id: agencyId })));
  return (out.data as { agency: { credentials: { id: string }[] } }).agency.credentials.map((c) => c.id);
}

const agencyEvents = (agencyId: string) =>
  db.auditEvent.findMany({
    where: { aggregateType: "agency", aggregateId: agencyId },
    orderBy: { seq: "asc" },
    select: { event: true, actorId: true, payload: true, fromState: true, toState: true },
  });

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  itemId = Object.fromEntries((await db.catalogueItem.findMany({ select: { code: true, id: true } })).map((i) => [i.code, i.id]));
  owner = await enterpriseUser(db);
  const r1 = await createUser(db, "REGULATOR");
  const r2 = await createUser(db, "REGULATOR");
  regulator = { id: r1.id, cookie: await sessionCookie(r1.id) };
  regulator2 = { id: r2.id, cookie: await sessionCookie(r2.id) };
});

describe("a credential added after listing", () => {
  it("covers nothing until a regulator verifies it: no bid (403 noCredential), not found by the item or type filter, not public; then it does", async () => {
    const agency = await listedAgency(SURVEY);
    const request = await openRequest(db, owner, {
      itemCode: EIA,
      title: "桃浦地块环境影响评价",
      description: "项目位于普陀区桃浦镇，需编制环境影响报告表。",
    });

    const cred = await addOnProfile(agency.cookie, { items: [EIA] });
    expect(cred).toMatchObject({ verifiedAt: null, rejectedAt: null });
    const before = await workQueues(db);

    // The agency sees it marked 待核验; the approval-time credential is 已核验.
    const mine = await ownProfile(agency.cookie);
    expect(mine.credentials.find((c) => c.id === cred.id)).toMatchObject({ verification: "PENDING", rejectReason: null });
    expect(mine.credentials.filter((c) => c.id !== cred.id).map((c) => c.verification)).toEqual(["VERIFIED"]);

    // Not eligible for item B, not in the directory for it, not on the public profile.
    const refused = await bid(request.id, agency.cookie);
    expect(refused.status).toBe(403);
    expect(refused.data!.formError).toBe("requests.errors.notEligible");
    expect(reasonsOf(refused).split("\n")).toEqual(["requests.eligibility.noCredential"]);
    expect(await foundIn({ item: EIA }, agency.agencyId)).not.toContain(agency.agencyId);
    expect(await foundIn({ credentialType: "环评资质" }, agency.agencyId)).not.toContain(agency.agencyId);
    expect(await foundIn({ item: SURVEY }, agency.agencyId)).toContain(agency.agencyId); // item A still counts
    expect(await publicCredentialIds(agency.agencyId)).not.toContain(cred.id);
    expect((await publicCredentialIds(agency.agencyId)).length, "the profile does list its verified credential").toBeGreaterThan(0);

    // The regulator's queue lists it with what a reviewer needs.
    const page = await outcome(() => reviewLoader(routeArgs(getRequest("/regulator/reviews", regulator.cookie))));
    expect(page.status).toBe(200);
    const queued = (page.data!.credentials as Awaited<ReturnType<typeof credentialQueue>>).rows.find((c) => c.id === cred.id);
    expect(queued).toMatchObject({
      type: "环评资质",
      level: "甲级",
      number: cred.number,
      issuer: "浙江省生态环境厅",
      agency: { id: agency.agencyId, status: "LISTED" },
    });
    expect(queued!.items.map((i) => i.item.code)).toEqual([EIA]);
    expect(before.credentials).toBeGreaterThanOrEqual(1);

    // 核验通过
    const done = await decide({ intent: "verify-credential", credentialId: cred.id }, regulator.cookie);
    expect(done.status).toBe(200);
    expect(done.data!.done).toMatchObject({
      kind: "credential",
      credentialId: cred.id,
      outcome: "VERIFIED",
      type: "环评资质",
      number: cred.number,
    });
    expect(await db.credential.findUniqueOrThrow({ where: { id: cred.id } })).toMatchObject({
      verifiedById: regulator.id,
      rejectedAt: null,
      rejectReason: null,
    });
    expect((await workQueues(db)).credentials).toBe(before.credentials - 1);
    expect((await credentialQueue(db)).rows.map((c) => c.id)).not.toContain(cred.id);

    // Now it counts everywhere.
    expect(await bid(request.id, agency.cookie)).toMatchObject({ status: 302, location: `/requests/${request.id}?bid=ok` });
    expect(await foundIn({ item: EIA }, agency.agencyId)).toContain(agency.agencyId);
    expect(await foundIn({ credentialType: "环评资质" }, agency.agencyId)).toContain(agency.agencyId);
    expect(await publicCredentialIds(agency.agencyId)).toContain(cred.id);
    expect((await ownProfile(agency.cookie)).credentials.find((c) => c.id === cred.id)!.verification).toBe("VERIFIED");

    // On the agency's audit chain, and the agency is told.
    const events = await agencyEvents(agency.agencyId);
    expect(events.map((e) => e.event)).toEqual(["REGISTER", "APPROVE", "ADD_CREDENTIAL", "CREDENTIAL_VERIFIED"]);
    expect(events.at(-1)).toMatchObject({
      actorId: regulator.id,
      fromState: "LISTED",
      toState: "LISTED",
      payload: { credentialId: cred.id, items: [EIA], reason: null },
    });
    const notes = await db.notification.findMany({ where: { orgId: agency.user.organizationId!, kind: { startsWith: "CREDENTIAL_" } } });
    expect(notes.map((n) => [n.kind, n.data])).toEqual([
      ["CREDENTIAL_VERIFIED", { type: "环评资质", level: "甲级", number: cred.number, reason: null }],
    ]);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("is refused (不予认可) only with a reason — 400 next to the field otherwise — never counts, and the agency sees why", async () => {
    const agency = await listedAgency(SURVEY);
    const request = await openRequest(db, owner, {
      itemCode: EIA,
      title: "长风地块环境影响评价",
      description: "项目位于普陀区长风街道，需编制环境影响报告表。",
    });
    const cred = await addOnProfile(agency.cookie, { items: [EIA] });

    const blank = await decide({ intent: "reject-credential", credentialId: cred.id, reason: "   " }, regulator.cookie);
    expect(blank.status).toBe(400);
    expect(blank.data).toMatchObject({
      fieldErrors: { reason: ["errors.required"] },
      values: { credentialId: cred.id, intent: "reject-credential" },
    });
    const tooLong = await decide({ intent: "reject-credential", credentialId: cred.id, reason: "长".repeat(501) }, regulator.cookie);
    expect(tooLong.status).toBe(400);
    expect(tooLong.data).toMatchObject({ fieldErrors: { reason: ["errors.tooLong"] } });
    expect(await db.credential.findUniqueOrThrow({ where: { id: cred.id } })).toMatchObject({ verifiedAt: null, rejectedAt: null });
    // The service refuses a blank reason too, whoever calls it.
    await expect(rejectCredential(db, { credentialId: cred.id, actorId: regulator.id, reason: " " })).rejects.toMatchObject({
      status: 400,
      message: "errors.required",
      field: "reason",
    });

    const reason = "证书编号在生态环境部资质查询系统中查无此证";
    const done = await decide({ intent: "reject-credential", credentialId: cred.id, reason: `  ${reason} ` }, regulator.cookie);
    expect(done.status).toBe(200);
    expect(done.data!.done).toMatchObject({ kind: "credential", outcome: "REJECTED" });
    expect(await db.credential.findUniqueOrThrow({ where: { id: cred.id } })).toMatchObject({ verifiedAt: null, rejectReason: reason });

    expect((await ownProfile(agency.cookie)).credentials.find((c) => c.id === cred.id)).toMatchObject({
      verification: "REJECTED",
      rejectReason: reason,
    });
    const refused = await expectRefusal(bid(request.id, agency.cookie), 403, "requests.errors.notEligible");
    expect(reasonsOf(refused)).toContain("requests.eligibility.noCredential");
    expect(await foundIn({ item: EIA }, agency.agencyId)).not.toContain(agency.agencyId);
    expect(await publicCredentialIds(agency.agencyId)).not.toContain(cred.id);
    expect((await publicCredentialIds(agency.agencyId)).length, "the profile does list its verified credential").toBeGreaterThan(0);
    expect((await credentialQueue(db)).rows.map((c) => c.id)).not.toContain(cred.id);

    // A decided credential cannot be decided again.
    const again = await decide({ intent: "verify-credential", credentialId: cred.id }, regulator2.cookie);
    expect(again.status).toBe(409);
    expect(again.data!.formError).toBe("review.credentialQueue.errors.decided");
    expect((await db.credential.findUniqueOrThrow({ where: { id: cred.id } })).verifiedAt).toBeNull();

    const events = await agencyEvents(agency.agencyId);
    expect(events.at(-1)).toMatchObject({
      event: "CREDENTIAL_REJECTED",
      actorId: regulator.id,
      payload: { credentialId: cred.id, reason },
    });
    expect(
      await db.notification.findFirst({
        where: { orgId: agency.user.organizationId!, kind: "CREDENTIAL_REJECTED" },
        select: { data: true },
      }),
    ).toMatchObject({ data: { reason, number: cred.number } });
    expect(events.filter((e) => e.event.startsWith("CREDENTIAL_"))).toHaveLength(1);
  });

  it("meets a qualification requirement only once verified", async () => {
    const { agency, user } = await registerAgency(db, { name: `乙级测绘有限公司${Math.random().toString(36).slice(2, 6)}` });
    await addCredential(db, agency.id, [SURVEY], undefined, "测绘资质", "乙级");
    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
    const cookie = await sessionCookie(user.id);
    const request = await openRequest(db, owner, { qualifications: "测绘资质|甲级" });

    const refused = await bid(request.id, cookie);
    expect(reasonsOf(refused).split("\n")).toEqual(["requests.eligibility.missingQualification::测绘资质 甲级"]);
    const upgraded = await addOnProfile(cookie, { type: "测绘资质", level: "甲级", items: [SURVEY] });
    expect(reasonsOf(await bid(request.id, cookie)).split("\n")).toEqual(["requests.eligibility.missingQualification::测绘资质 甲级"]);
    await verifyCredential(db, { credentialId: upgraded.id, actorId: regulator.id });
    expect((await bid(request.id, cookie)).status).toBe(302);
  });

  it("of a suspended agency waits in the queue too; an agency that has left the directory is refused with 409", async () => {
    const suspended = await listedAgency(SURVEY);
    const cred = await addOnProfile(suspended.cookie, { items: [EIA] });
    await db.agency.update({ where: { id: suspended.agencyId }, data: { status: "SUSPENDED" } });
    const queue = await credentialQueue(db);
    expect(queue.rows.find((c) => c.id === cred.id)?.agency.status).toBe("SUSPENDED");
    // Oldest first, and the count agrees with the dashboard's.
    const times = queue.rows.map((c) => c.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(queue.total).toBe(queue.rows.length);
    expect((await workQueues(db)).credentials).toBe(queue.total);

    await db.agency.update({ where: { id: suspended.agencyId }, data: { status: "EXITED" } });
    expect((await credentialQueue(db)).rows.map((c) => c.id)).not.toContain(cred.id);
    const refused = await decide({ intent: "verify-credential", credentialId: cred.id }, regulator.cookie);
    expect(refused.status).toBe(409);
    expect(refused.data!.formError).toBe("review.credentialQueue.errors.agencyStatus");
    expect((await db.credential.findUniqueOrThrow({ where: { id: cred.id } })).verifiedAt).toBeNull();

    await expectRefusal(
      decide({ intent: "verify-credential", credentialId: "no-such-credential" }, regulator.cookie),
      404,
      "review.credentialQueue.errors.notFound",
    );
  });
});

describe("who may verify", () => {
  it("only regulators: agencies, enterprises and admins get 403, anonymous users are sent to log in, and nothing changes", async () => {
    const agency = await listedAgency(SURVEY);
    const cred = await addOnProfile(agency.cookie, { items: [EIA] });
    const admin = await createUser(db, "ADMIN");
    for (const cookie of [agency.cookie, await sessionCookie(owner.id), await sessionCookie(admin.id)]) {
      await expectRefusal(decide({ intent: "verify-credential", credentialId: cred.id }, cookie), 403, "errors.regulatorOnly");
      await expectRefusal(
        outcome(() => reviewLoader(routeArgs(getRequest("/regulator/reviews", cookie)))),
        403,
        "errors.regulatorOnly",
      );
    }
    const anonymous = await decide({ intent: "verify-credential", credentialId: cred.id });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    expect(await db.credential.findUniqueOrThrow({ where: { id: cred.id } })).toMatchObject({ verifiedAt: null, rejectedAt: null });
    expect((await agencyEvents(agency.agencyId)).map((e) => e.event)).not.toContain("CREDENTIAL_VERIFIED");
  });
});

describe("two regulators deciding the same credential at the same moment", () => {
  it(`one succeeds, the other gets a clear 409, and the decision is applied once${onPostgres ? " (real PostgreSQL)" : " (PGlite serializes: run with TEST_DB=postgres for the real race)"}`, async () => {
    const agency = await listedAgency(SURVEY);
    const ROUNDS = 8;
    for (let round = 0; round < ROUNDS; round++) {
      const cred = await addOnProfile(agency.cookie, { items: [EIA] });
      // Through the route: one verifies, the other refuses, at once.
      const outs = await Promise.all([
        decide({ intent: "verify-credential", credentialId: cred.id }, regulator.cookie),
        decide({ intent: "reject-credential", credentialId: cred.id, reason: "扫描件与证书编号不符" }, regulator2.cookie),
      ]);
      expect(outs.map((o) => o.status).sort()).toEqual([200, 409]);
      const loser = outs.find((o) => o.status === 409)!;
      expect(loser.data!.formError).toBe("review.credentialQueue.errors.decided");
      const row = await db.credential.findUniqueOrThrow({ where: { id: cred.id } });
      const winner = outs.find((o) => o.status === 200)!.data!.done as { outcome: string };
      expect(winner.outcome === "VERIFIED" ? [row.verifiedAt !== null, row.rejectedAt] : [row.verifiedAt, row.rejectedAt !== null]).toEqual(
        winner.outcome === "VERIFIED" ? [true, null] : [null, true],
      );

      // Through the service, both verifying.
      const cred2 = await addOnProfile(agency.cookie, { items: [EIA] });
      const settled = await Promise.allSettled([
        verifyCredential(db, { credentialId: cred2.id, actorId: regulator.id }),
        verifyCredential(db, { credentialId: cred2.id, actorId: regulator2.id }),
      ]);
      expect(settled.map((s) => s.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect((settled.find((s) => s.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
        status: 409,
        message: "review.credentialQueue.errors.decided",
      });
    }
    const events = (await agencyEvents(agency.agencyId)).filter((e) => e.event.startsWith("CREDENTIAL_"));
    expect(events).toHaveLength(ROUNDS * 2); // one per credential, never two
    expect(new Set(events.map((e) => (e.payload as { credentialId: string }).credentialId)).size).toBe(ROUNDS * 2);
    expect(await db.notification.count({ where: { orgId: agency.user.organizationId!, kind: { startsWith: "CREDENTIAL_" } } })).toBe(
      ROUNDS * 2,
    );
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });
});

describe("approval", () => {
  it("verifies every unexpired credential of a new agency (recorded on the APPROVE event), not an expired or a refused one", async () => {
    const { agency } = await registerAgency(db, { name: `新入驻评价有限公司${Math.random().toString(36).slice(2, 6)}` });
    const good = await addCredential(db, agency.id, [SURVEY]);
    const expired = await addCredential(db, agency.id, [EIA], new Date(Date.now() - 86_400_000), "环评资质");
    const refused = await addCredential(db, agency.id, [EIA], undefined, "环评资质");
    await db.credential.update({ where: { id: refused.id }, data: { rejectedAt: new Date(), rejectReason: "此前核验不予认可" } });
    expect(await db.credential.count({ where: { agencyId: agency.id, verifiedAt: { not: null } } })).toBe(0);

    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
    expect(await db.credential.findUniqueOrThrow({ where: { id: good.id } })).toMatchObject({
      verifiedById: regulator.id,
      rejectedAt: null,
    });
    expect((await db.credential.findUniqueOrThrow({ where: { id: good.id } })).verifiedAt).not.toBeNull();
    expect((await db.credential.findUniqueOrThrow({ where: { id: expired.id } })).verifiedAt).toBeNull();
    expect(await db.credential.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({
      verifiedAt: null,
      rejectReason: "此前核验不予认可",
    });
    const approve = (await agencyEvents(agency.id)).find((e) => e.event === "APPROVE")!;
    expect(approve.payload).toEqual({ reason: null, verifiedCredentials: [good.id] });
    // Approved credentials count at once: eligible and found.
    expect(await foundIn({ item: SURVEY }, agency.id)).toContain(agency.id);
    expect(await foundIn({ item: EIA }, agency.id)).not.toContain(agency.id);
  });

  it("does not list an agency whose only credential was refused", async () => {
    const { agency } = await registerAgency(db, { name: `仅有被拒资质有限公司${Math.random().toString(36).slice(2, 6)}` });
    const only = await addCredential(db, agency.id, [SURVEY]);
    await db.credential.update({ where: { id: only.id }, data: { rejectedAt: new Date(), rejectReason: "伪造" } });
    await expect(approveAgency(db, { agencyId: agency.id, actorId: regulator.id })).rejects.toMatchObject({
      status: 422,
      message: "review.errors.noValidCredential",
    });
  });
});

describe("migration backfill", () => {
  it("counts credentials held at the latest approval as verified, and leaves ones added after it for the queue", async () => {
    const sql = readFileSync("prisma/migrations/20261126150000_credential_verification/migration.sql", "utf8");
    const update = sql.slice(sql.indexOf('UPDATE "Credential"'));
    expect(update).toMatch(/^UPDATE "Credential" c[\s\S]*;\s*$/);

    const listedAt = new Date(Date.now() - 30 * 86_400_000);
    const mk = async (status: "LISTED" | "SUSPENDED" | "APPLIED" | "EXITED", withListedAt: boolean) => {
      const { agency } = await registerAgency(db, { name: `回填测试${status}有限公司${Math.random().toString(36).slice(2, 6)}` });
      await db.agency.update({ where: { id: agency.id }, data: { status, listedAt: withListedAt ? listedAt : null } });
      const before = await addCredential(db, agency.id, [SURVEY]);
      await db.credential.update({ where: { id: before.id }, data: { createdAt: new Date(listedAt.getTime() - 86_400_000) } });
      const after = await addCredential(db, agency.id, [EIA], undefined, "环评资质");
      return { before: before.id, after: after.id };
    };
    const listed = await mk("LISTED", true);
    const suspended = await mk("SUSPENDED", true);
    const exited = await mk("EXITED", true);
    const applied = await mk("APPLIED", false);
    const noApproval = await mk("LISTED", false);
    const ids = [listed, suspended, exited, applied, noApproval].flatMap((x) => [x.before, x.after]);
    await db.credential.updateMany({ where: { id: { in: ids } }, data: { verifiedAt: null, verifiedById: null } });

    await db.$executeRawUnsafe(update);
    const verified = new Set(
      (await db.credential.findMany({ where: { id: { in: ids }, verifiedAt: { not: null } }, select: { id: true } })).map((c) => c.id),
    );
    expect([listed.before, suspended.before, exited.before].every((id) => verified.has(id))).toBe(true);
    expect([listed.after, suspended.after, exited.after].some((id) => verified.has(id))).toBe(false); // added after approval: to the queue
    expect(verified.has(applied.before) || verified.has(applied.after)).toBe(false); // the approval will verify them
    expect(verified.has(noApproval.before) && verified.has(noApproval.after)).toBe(true); // listed without an approval: grandfathered
    expect((await db.credential.findUniqueOrThrow({ where: { id: listed.before } })).verifiedAt!.getTime()).toBe(listedAt.getTime());
    const queue = (await credentialQueue(db)).rows.map((c) => c.id);
    expect(queue).toEqual(expect.arrayContaining([listed.after, suspended.after]));
    expect(queue).not.toContain(exited.after);
  });
});
