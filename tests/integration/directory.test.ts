import { beforeAll, describe, expect, it } from "vitest";
import { getDb, parallelWorkers } from "~/db/client.server";
import { approveAgency, rejectAgency, reapplyAgency } from "~/services/agencies/review.server";
import { directoryOrderBy, directoryWhere, itemWalkPage, nameWalkPage, searchDirectory } from "~/services/agencies/directory.server";
import { countingCredentialPairs } from "~/services/agencies/credential-types.server";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { action as reviewAction, loader as reviewLoader } from "~/routes/regulator.reviews";
import { loader as profileLoader } from "~/routes/agencies.$id";
import { advanceTestClock, dbNow } from "~/services/clock.server";
import { seedCatalogue } from "../../seeds/seed";
import { addCredential, createUser, registerAgency } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest, responseOf, routeArgs, sessionCookie } from "../support/http";

const SURVEY = "ZJ-PT-001"; // 土地勘测
const EIA = "ZJ-PT-008"; // 环境影响评价

beforeAll(async () => {
  await seedCatalogue(await getDb());
});

/** Few distinct values, so every order has ties that only the id breaks; every fifth agency unrated. */
const orderKeys = (i: number) => ({ creditScore: 70 + (i % 3) * 10, ratingAvg: i % 5 === 0 ? null : 3 + (i % 2), awardsCount: i % 4 });

describe("registration → review → listed → found in the directory", () => {
  it("lists an approved agency, finds it by item, Chinese name fragment and credit code", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const { agency, user } = await registerAgency(db, { name: "黑龙江北疆测绘有限公司", region: "230100" });
    await addCredential(db, agency.id, [SURVEY]);

    expect((await searchDirectory(db, { q: "北疆" })).total).toBe(0); // not listed yet
    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });

    const byItem = await searchDirectory(db, { item: SURVEY });
    expect(byItem.agencies.map((a) => a.id)).toContain(agency.id);
    expect((await searchDirectory(db, { item: EIA })).agencies.map((a) => a.id)).not.toContain(agency.id);
    expect((await searchDirectory(db, { q: "北疆测绘" })).agencies.map((a) => a.id)).toEqual([agency.id]);
    expect((await searchDirectory(db, { q: "疆北" })).total).toBe(0);
    const org = await db.organization.findUniqueOrThrow({ where: { id: user.organizationId! } });
    expect((await searchDirectory(db, { q: org.creditCode! })).agencies.map((a) => a.id)).toEqual([agency.id]);
    expect((await searchDirectory(db, { q: org.creditCode!.slice(0, 12).toLowerCase() })).agencies.map((a) => a.id)).toContain(agency.id);

    const notes = await db.notification.findMany({ where: { orgId: user.organizationId } });
    expect(notes.map((n) => n.kind)).toEqual(["AGENCY_APPROVED"]);
    expect((await verifyAuditLog(db)).ok).toBe(true);
    const chain = await db.auditEvent.findMany({ where: { aggregateId: agency.id }, orderBy: { seq: "asc" } });
    expect(chain.map((e) => `${e.event}:${e.toState}`)).toEqual(["REGISTER:APPLIED", "APPROVE:LISTED"]);
  });

  it("the item field is text: a code in any case, a name, a fragment with one match, or a choice among several", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const { agency } = await registerAgency(db, { name: "吉林长白环评咨询有限公司", region: "220100" });
    await addCredential(db, agency.id, [EIA]);
    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });

    for (const text of ["zj-pt-008", "环境影响评价", "环境影响"]) {
      const found = await searchDirectory(db, { item: text });
      expect(found.item?.code, text).toBe(EIA);
      expect(
        found.agencies.map((a) => a.id),
        text,
      ).toContain(agency.id);
      expect(found.itemChoices, text).toEqual([]);
    }
    // Several items match: they are offered, and no agency is listed until one is chosen.
    const several = await searchDirectory(db, { item: "评估" });
    expect(several.item).toBeNull();
    expect(several.total).toBe(0);
    expect(several.itemChoices.map((i) => i.name)).toEqual(expect.arrayContaining(["地质灾害危险性评估", "节能评估"]));
    expect(several.itemChoices.every((i) => i.name.includes("评估"))).toBe(true);
    // Nothing matches: no agency, no choice.
    const none = await searchDirectory(db, { item: "不存在的事项" });
    expect([none.item, none.total, none.itemChoices]).toEqual([null, 0, []]);
  });

  it("an expired credential stops covering its items at once, without any job", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const { agency } = await registerAgency(db, { name: "过期资质测试机构" });
    // A fixed expiry a day ahead (approval, on the real clock, must find it valid however slow the machine);
    // the searches are then asked at instants placed around that expiry, not at "now plus a moment".
    const expiry = new Date(Date.now() + 86_400_000);
    await addCredential(db, agency.id, [EIA], expiry, "环评资质");
    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
    const found = async (at: Date) => (await searchDirectory(db, { item: EIA }, at)).agencies.map((a) => a.id);
    expect(await found(new Date(expiry.getTime() - 1))).toContain(agency.id);
    expect(await found(expiry)).not.toContain(agency.id); // valid until, not through, the instant
    const later = await found(new Date(expiry.getTime() + 5000));
    expect(later).not.toContain(agency.id);
    expect((await searchDirectory(db, { q: "过期资质测试机构" }, new Date(expiry.getTime() + 5000))).agencies.map((a) => a.id)).toEqual([
      agency.id,
    ]); // still listed, only no longer covering EIA
  });

  it("a search by item reads the database clock, the test clock's offset included, in its own statement", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const { agency } = await registerAgency(db, { name: "数据库时钟测试机构" });
    const expiry = new Date((await dbNow(db)).getTime() + 86_400_000);
    await addCredential(db, agency.id, [EIA], expiry, "环评资质");
    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
    const ids = async (query: Parameters<typeof searchDirectory>[1]) => (await searchDirectory(db, query)).agencies.map((a) => a.id);
    const org = await db.organization.findFirstOrThrow({ where: { agency: { id: agency.id } } });
    // the credentials shown with the agency, by name (its count and rows in one statement) and by credit code
    // (Prisma's count and page, then the rows' own statement)
    const shown = async (query: Parameters<typeof searchDirectory>[1]) =>
      (await searchDirectory(db, query)).agencies.find((a) => a.id === agency.id)?.credentials.map((c) => c.type);
    const before = process.env.ZJ_TEST_CLOCK;
    process.env.ZJ_TEST_CLOCK = "1";
    try {
      expect(await ids({ item: EIA.toLowerCase() })).toContain(agency.id);
      expect(await shown({ q: "数据库时钟测试机构" })).toEqual(["环评资质"]);
      expect(await shown({ q: org.creditCode! })).toEqual(["环评资质"]);
      await advanceTestClock(db, 2 * 86_400);
      // the code, its name and its short name: each looked up in the statement that reads the clock
      expect(await ids({ item: EIA.toLowerCase() })).not.toContain(agency.id);
      expect(await ids({ item: "环境影响评价" })).not.toContain(agency.id);
      expect(await ids({ q: "环评" })).not.toContain(agency.id);
      // still listed, with no credential in force
      expect(await shown({ q: "数据库时钟测试机构" })).toEqual([]);
      expect(await shown({ q: org.creditCode! })).toEqual([]);
    } finally {
      await advanceTestClock(db, -2 * 86_400);
      if (before === undefined) delete process.env.ZJ_TEST_CLOCK;
      else process.env.ZJ_TEST_CLOCK = before;
    }
    expect(await ids({ item: EIA })).toContain(agency.id);
  });

  it("refuses to list an agency without a valid credential, and a rejected one may re-apply", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const { agency, user } = await registerAgency(db, { name: "无资质机构" });
    await expect(approveAgency(db, { agencyId: agency.id, actorId: regulator.id })).rejects.toMatchObject({
      status: 422,
      message: "review.errors.noValidCredential",
    });
    await rejectAgency(db, { agencyId: agency.id, actorId: regulator.id, reason: "请补充资质证书" });
    const rejected = await db.agency.findUniqueOrThrow({ where: { id: agency.id } });
    expect(rejected).toMatchObject({ status: "REJECTED", statusReason: "请补充资质证书" });
    await reapplyAgency(db, { agencyId: agency.id, actorId: user.id });
    expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).status).toBe("APPLIED");
  });

  it("a decision on a stale page is refused with a conflict", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const { agency } = await registerAgency(db, { name: "并发审核机构" });
    await addCredential(db, agency.id, [SURVEY]);
    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id, expectedVersion: 0 });
    await expect(rejectAgency(db, { agencyId: agency.id, actorId: regulator.id, reason: "x", expectedVersion: 0 })).rejects.toMatchObject({
      status: 409,
      code: "STALE",
      message: "review.errors.conflict",
    });
  });

  it("region is shown but never filters: agencies from every province are found alike", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const ids: string[] = [];
    for (const region of ["310107", "650100", "540100"]) {
      const { agency } = await registerAgency(db, { name: `区域无关测绘${region}`, region });
      await addCredential(db, agency.id, [SURVEY]);
      await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
      ids.push(agency.id);
    }
    const found = (await searchDirectory(db, { q: "区域无关测绘" })).agencies;
    expect(found.map((a) => a.id).sort()).toEqual(ids.sort());
    expect(new Set(found.map((a) => a.organization.regionCode))).toEqual(new Set(["310107", "650100", "540100"]));
  });
});

describe("the count of a search by item", () => {
  // The count of an item search is its own SQL (it starts from the item's credentials, decision 038):
  // it must count exactly the agencies the page lists — each once, however many credentials cover
  // the item, and only with a counting credential of a listed agency, under every other filter.
  it("counts each listed agency once, only with a counting credential, under every filter", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const ITEM = "ZJ-PT-012";
    const at = new Date(Date.now() + 60_000);
    const listed = async (name: string, creditScore = 80, ratingAvg: number | null = null) => {
      const { agency } = await registerAgency(db, { name });
      await addCredential(db, agency.id, [SURVEY]);
      await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
      await db.agency.update({ where: { id: agency.id }, data: { creditScore, ratingAvg } });
      return agency.id;
    };
    const verify = (agencyId: string) => db.credential.updateMany({ where: { agencyId }, data: { verifiedAt: new Date() } });
    // Two credentials of different kinds both cover the item: counted once.
    const twice = await listed("计数测试甲机构", 90, 4.5);
    await addCredential(db, twice, [ITEM], undefined, "测绘资质", "甲级");
    await addCredential(db, twice, [ITEM, EIA], undefined, "环评资质", "乙级");
    await verify(twice);
    // One credential, low credit, no rating.
    const once = await listed("计数测试乙机构", 60);
    await addCredential(db, once, [ITEM], undefined, "测绘资质", "乙级");
    await verify(once);
    // Not counted: expired at `at`, never verified, rejected, and a suspended agency.
    const expired = await listed("计数测试丙机构");
    await addCredential(db, expired, [ITEM], new Date(at.getTime() - 1));
    await verify(expired);
    const unverified = await listed("计数测试丁机构");
    await addCredential(db, unverified, [ITEM]);
    const rejected = await listed("计数测试戊机构");
    const refused = await addCredential(db, rejected, [ITEM]);
    await db.credential.update({ where: { id: refused.id }, data: { verifiedAt: new Date(), rejectedAt: new Date() } });
    const suspended = await listed("计数测试己机构");
    await addCredential(db, suspended, [ITEM]);
    await verify(suspended);
    await db.agency.update({ where: { id: suspended }, data: { status: "SUSPENDED" } });

    const cases: [Parameters<typeof searchDirectory>[1], string[]][] = [
      [{ item: ITEM }, [twice, once]],
      [{ item: ITEM, credentialType: "环评资质" }, [twice]],
      [{ item: ITEM, level: "乙级" }, [twice, once]],
      [{ item: ITEM, credentialType: "测绘资质", level: "乙级" }, [once]],
      [{ item: ITEM, minCredit: 70 }, [twice]],
      [{ item: ITEM, minRating: 4 }, [twice]],
      [{ item: ITEM, minRating: 4.8 }, []],
      [{ q: "计数测试", item: ITEM }, [twice, once]],
    ];
    for (const [query, expected] of cases) {
      const found = await searchDirectory(db, query, at);
      expect(found.agencies.map((a) => a.id).sort(), JSON.stringify(query)).toEqual([...expected].sort());
      expect([found.total, found.capped, found.pages], JSON.stringify(query)).toEqual([expected.length, false, 1]);
    }
  });

  it("reads every credential when the first ones sampled belong to few agencies", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const ITEM = "ZJ-PT-011";
    const item = await db.catalogueItem.findFirstOrThrow({ where: { code: ITEM } });
    const listed = async (name: string) => {
      const { agency } = await registerAgency(db, { name });
      await addCredential(db, agency.id, [SURVEY]);
      await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
      return agency.id;
    };
    // One agency holds 2,100 credentials for the item (more than the 2,002 the count samples first),
    // then two more agencies hold one each: 3 agencies, which only reading past the sample finds.
    const many = await listed("采样测试甲机构");
    const validUntil = new Date(Date.now() + 365 * 86_400_000);
    const verifiedAt = new Date();
    const ids = Array.from({ length: 2100 }, (_, i) => `sample-credential-${i}`);
    await db.credential.createMany({
      data: ids.map((id, i) => ({
        id,
        agencyId: many,
        type: "测绘资质",
        level: "甲级",
        number: `S-${i}`,
        issuer: "发证机关",
        validUntil,
        verifiedAt,
      })),
    });
    await db.credentialItem.createMany({ data: ids.map((credentialId) => ({ credentialId, itemId: item.id })) });
    const later = [await listed("采样测试乙机构"), await listed("采样测试丙机构")];
    for (const agencyId of later) {
      await addCredential(db, agencyId, [ITEM]);
      await db.credential.updateMany({ where: { agencyId }, data: { verifiedAt } });
    }
    const found = await searchDirectory(db, { item: ITEM });
    expect([found.total, found.capped]).toEqual([3, false]);
    expect(found.agencies.map((a) => a.id).sort()).toEqual([many, ...later].sort());
  });
});

describe("the count of a search by name", () => {
  // A name fragment's count is its own SQL without an order (decision 043): it must count exactly what
  // Prisma's relation filter counts — listed agencies only, under the rating and credit filters.
  it("counts the listed agencies whose name holds the fragment, under the rating and credit filters", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const listed = async (name: string, creditScore: number, ratingAvg: number | null) => {
      const { agency } = await registerAgency(db, { name });
      await addCredential(db, agency.id, [SURVEY]);
      await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
      await db.agency.update({ where: { id: agency.id }, data: { creditScore, ratingAvg } });
      return agency.id;
    };
    const high = await listed("名计数鸿远测绘有限公司", 90, 4.6);
    const low = await listed("名计数鸿远评估有限公司", 60, null);
    const other = await listed("名计数卓越测绘有限公司", 75, 4.1);
    const suspended = await listed("名计数鸿远检测有限公司", 80, 4.9);
    await db.agency.update({ where: { id: suspended }, data: { status: "SUSPENDED" } });

    const cases: [Parameters<typeof searchDirectory>[1], string[]][] = [
      [{ q: "名计数鸿远" }, [high, low]],
      [{ q: "名计数" }, [high, low, other]],
      [{ q: "名计数 " }, [high, low, other]],
      [{ q: "名计数", minCredit: 70 }, [high, other]],
      [{ q: "名计数", minRating: 4.5 }, [high]],
      [{ q: "名计数测绘" }, []],
      [{ q: "计数鸿远测绘" }, [high]],
    ];
    for (const [query, expected] of cases) {
      const found = await searchDirectory(db, query);
      expect(found.agencies.map((a) => a.id).sort(), JSON.stringify(query)).toEqual([...expected].sort());
      expect([found.total, found.capped], JSON.stringify(query)).toEqual([expected.length, false]);
    }
  });
});

describe("the page of a search by a common name fragment", () => {
  // Past COUNT_CAP matches the page is a walk in page order (nameWalkPage, decision 044); below it,
  // Prisma's relation filter. Both must list the same agencies in the same order, page by page, in
  // every order and under the rating and credit filters, ties broken by id, other names and
  // unlisted agencies left out.
  it("lists the same agencies in the same order as the relation filter", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    for (let i = 0; i < 26; i++) {
      // 23 names hold 走查 (three of them in another agency status or spelled apart), three do not.
      const name = i < 23 ? `走查${"甲乙丙丁戊己庚辛壬癸"[i % 10]}${i}测绘有限公司` : `走${i}查测绘有限公司`;
      const { agency } = await registerAgency(db, { name });
      await addCredential(db, agency.id, [SURVEY]);
      await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
      await db.agency.update({
        where: { id: agency.id },
        data: {
          ...orderKeys(i),
          ...(i === 7 ? { status: "SUSPENDED" } : i === 8 ? { status: "REMOVED" } : {}),
        },
      });
    }
    const queries: Parameters<typeof searchDirectory>[1][] = [
      { q: "走查" },
      { q: "走查", sort: "rating" },
      { q: "走查", sort: "awards" },
      { q: "走查", minCredit: 80 },
      { q: "走查", sort: "rating", minRating: 3.5 },
      { q: "走查甲" },
    ];
    let compared = 0;
    for (const query of queries) {
      for (const page of [1, 2]) {
        const found = await searchDirectory(db, { ...query, page });
        const walked = await nameWalkPage(db, query.q!, query, (page - 1) * 20);
        const related = await db.agency.findMany({
          where: directoryWhere(query, new Date()),
          orderBy: directoryOrderBy(query.sort),
          skip: (page - 1) * 20,
          take: 20,
          select: { id: true },
        });
        const label = JSON.stringify({ ...query, page });
        expect(walked, label).toEqual(related.map((a) => a.id));
        expect(
          found.agencies.map((a) => a.id),
          label,
        ).toEqual(walked);
        compared += walked.length;
      }
    }
    expect((await searchDirectory(db, { q: "走查" })).total).toBe(21);
    expect((await searchDirectory(db, { q: "走查", page: 2 })).agencies).toHaveLength(1);
    expect(compared).toBeGreaterThan(60);
  });
});

describe("each credential item's copy of its credential (decision 044)", () => {
  // The search by item reads a credential's agency, expiry and verification from its item rows; the
  // database keeps them in step on every insert and every change of the credential.
  it("follows the credential through creation, verification, rejection, a new expiry and a new item", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const { agency } = await registerAgency(db, { name: "副本跟随测绘有限公司" });
    const until = new Date("2031-06-30T16:00:00.000Z");
    const credential = await addCredential(db, agency.id, ["ZJ-PT-003", EIA], until);
    const copies = () =>
      db.credentialItem.findMany({
        where: { credentialId: credential.id },
        orderBy: { itemId: "asc" },
        select: { agencyId: true, validUntil: true, counted: true },
      });
    expect(await copies()).toEqual([
      { agencyId: agency.id, validUntil: until, counted: false },
      { agencyId: agency.id, validUntil: until, counted: false },
    ]);
    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id }); // verifies its credentials
    expect((await copies()).map((c) => c.counted)).toEqual([true, true]);
    expect((await searchDirectory(db, { item: "ZJ-PT-003" })).agencies.map((a) => a.id)).toContain(agency.id);

    const later = new Date("2032-12-31T16:00:00.000Z");
    await db.credential.update({ where: { id: credential.id }, data: { validUntil: later } });
    expect((await copies()).map((c) => c.validUntil)).toEqual([later, later]);
    await db.credential.update({ where: { id: credential.id }, data: { rejectedAt: new Date(), rejectReason: "伪造" } });
    expect((await copies()).map((c) => c.counted)).toEqual([false, false]);
    expect((await searchDirectory(db, { item: "ZJ-PT-003" })).agencies.map((a) => a.id)).not.toContain(agency.id);
    await db.credential.update({ where: { id: credential.id }, data: { rejectedAt: null, rejectReason: null } });

    // An item added to an existing credential copies it too; the app never writes the copy itself.
    const third = await db.catalogueItem.findFirstOrThrow({ where: { code: "ZJ-PT-009" } });
    await db.credentialItem.create({ data: { credentialId: credential.id, itemId: third.id, agencyId: "someone-else", counted: false } });
    expect(
      await db.credentialItem.findUnique({ where: { credentialId_itemId: { credentialId: credential.id, itemId: third.id } } }),
    ).toMatchObject({
      agencyId: agency.id,
      validUntil: later,
      counted: true,
    });
    // An expired credential's items stay copied but no longer count against the clock.
    expect(
      (await searchDirectory(db, { item: "ZJ-PT-009" }, new Date("2033-01-01T00:00:00.000Z"))).agencies.map((a) => a.id),
    ).not.toContain(agency.id);
    expect((await searchDirectory(db, { item: "ZJ-PT-009" }, new Date("2032-12-31T15:59:59.000Z"))).agencies.map((a) => a.id)).toContain(
      agency.id,
    );
  });
});

/** Whether a statement of this database is waiting on a lock within five seconds (PostgreSQL only). */
async function someoneWaitsOnALock(db: Awaited<ReturnType<typeof getDb>>): Promise<boolean> {
  for (let i = 0; i < 250; i++) {
    const rows = await db.$queryRaw<unknown[]>`
      SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (rows.length > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe("a credential item added while its credential is being verified (decision 044)", () => {
  it("waits for the verification and copies the verified credential", async () => {
    if (process.env.TEST_DB !== "postgres") return; // PGlite has one connection: nothing runs beside a transaction
    const db = await getDb();
    const { agency } = await registerAgency(db, { name: "并发副本测绘有限公司" });
    const credential = await addCredential(db, agency.id, ["ZJ-PT-004"]);
    const item = await db.catalogueItem.findFirstOrThrow({ where: { code: "ZJ-PT-011" } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let updated!: () => void;
    const didUpdate = new Promise<void>((resolve) => (updated = resolve));
    const verify = db.$transaction(async (tx) => {
      await tx.credential.update({ where: { id: credential.id }, data: { verifiedAt: new Date() } });
      updated();
      await gate;
    });
    await didUpdate;
    let added = false;
    const add = db.credentialItem.create({ data: { credentialId: credential.id, itemId: item.id } }).then(() => (added = true));
    // The insert's copy waits for the credential's uncommitted verification (a lock wait, not a guess).
    const waiting = await someoneWaitsOnALock(db);
    expect([waiting, added]).toEqual([true, false]);
    release();
    await verify;
    await add;
    const copy = await db.credentialItem.findUniqueOrThrow({
      where: { credentialId_itemId: { credentialId: credential.id, itemId: item.id } },
      select: { agencyId: true, counted: true },
    });
    expect(copy).toEqual({ agencyId: agency.id, counted: true });
  });
});

describe("each agency's copy of its organisation's name (decision 045)", () => {
  // A search by name reads the agency's own copy of its organisation's name and grams; the database
  // writes it when the agency is created and on every rename, and nothing else can.
  it("is written at registration, follows a rename, and cannot be written by anyone else", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const { agency } = await registerAgency(db, { name: "名副本原名测绘有限公司" });
    await addCredential(db, agency.id, [SURVEY]);
    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
    const copy = () => db.agency.findUniqueOrThrow({ where: { id: agency.id }, select: { orgName: true, orgNameGrams: true } });
    const organization = () =>
      db.organization.findUniqueOrThrow({ where: { id: agency.organizationId }, select: { name: true, nameGrams: true } });
    const ids = async (q: string) => (await searchDirectory(db, { q })).agencies.map((a) => a.id);
    expect(await copy()).toEqual({ orgName: "名副本原名测绘有限公司", orgNameGrams: (await organization()).nameGrams });
    expect(await ids("副本原名")).toEqual([agency.id]);

    await db.organization.update({ where: { id: agency.organizationId }, data: { name: "名副本新称评估有限公司" } });
    expect(await copy()).toEqual({ orgName: "名副本新称评估有限公司", orgNameGrams: (await organization()).nameGrams });
    expect(await ids("副本原名")).toEqual([]);
    expect(await ids("副本新称")).toEqual([agency.id]);

    await db.agency.update({ where: { id: agency.id }, data: { orgName: "别的名字", orgNameGrams: ["别的"] } });
    expect(await copy()).toEqual({ orgName: "名副本新称评估有限公司", orgNameGrams: (await organization()).nameGrams });
    expect(await ids("别的")).toEqual([]);
  });

  it("an agency created while its organisation is being renamed waits and copies the new name", async () => {
    if (process.env.TEST_DB !== "postgres") return; // PGlite has one connection: nothing runs beside a transaction
    const db = await getDb();
    const org = await db.organization.create({ data: { kind: "AGENCY", name: "改名之前咨询有限公司" } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let renamed!: () => void;
    const didRename = new Promise<void>((resolve) => (renamed = resolve));
    const rename = db.$transaction(async (tx) => {
      await tx.organization.update({ where: { id: org.id }, data: { name: "改名之后咨询有限公司" } });
      renamed();
      await gate;
    });
    await didRename;
    let created = false;
    const create = db.agency.create({ data: { organizationId: org.id } }).then(() => (created = true));
    // The insert's copy waits for the organisation's uncommitted rename (a lock wait, not a guess).
    const waiting = await someoneWaitsOnALock(db);
    expect([waiting, created]).toEqual([true, false]);
    release();
    await rename;
    await create;
    const agency = await db.agency.findUniqueOrThrow({ where: { organizationId: org.id }, select: { orgName: true } });
    expect(agency.orgName).toBe("改名之后咨询有限公司");
  });
});

describe("the page of a search by an item with many holders", () => {
  // Past COUNT_CAP holders the page is a walk in page order (itemWalkPage, decision 044); below it, the
  // holders read from the item's side. Both must list the same agencies in the same order.
  it("lists the same agencies in the same order as the item's side, in every order, page and filter", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const ITEM = "ZJ-PT-013";
    for (let i = 0; i < 27; i++) {
      const { agency } = await registerAgency(db, { name: `多持有${"甲乙丙丁戊己庚辛壬癸"[i % 10]}${i}咨询有限公司` });
      // Two agencies hold the item twice, one only through an expired credential, one through another item.
      await addCredential(
        db,
        agency.id,
        i === 25 ? [SURVEY] : [ITEM],
        i === 24 ? new Date(Date.now() + 86_400_000) : undefined,
        i % 2 ? "甲类" : "乙类",
      );
      if (i < 2) await addCredential(db, agency.id, [ITEM, SURVEY]);
      await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
      await db.agency.update({
        where: { id: agency.id },
        data: {
          ...orderKeys(i),
          ...(i === 7 ? { status: "SUSPENDED" } : {}),
        },
      });
    }
    const at = new Date(Date.now() + 2 * 86_400_000); // agency 24's credential has expired by then
    const item = await db.catalogueItem.findFirstOrThrow({ where: { code: ITEM } });
    const queries: Parameters<typeof searchDirectory>[1][] = [
      { item: ITEM },
      { item: ITEM, sort: "rating" },
      { item: ITEM, sort: "awards" },
      { item: ITEM, minCredit: 80 },
      { item: ITEM, sort: "rating", minRating: 3.5 },
      { item: ITEM, credentialType: "甲类" },
      { item: ITEM, level: "甲级", sort: "awards" },
    ];
    let compared = 0;
    for (const query of queries) {
      for (const page of [1, 2]) {
        const found = await searchDirectory(db, { ...query, page }, at);
        const walked = await itemWalkPage(db, { ...query, itemId: item.id }, at, (page - 1) * 20);
        expect(walked, JSON.stringify({ ...query, page })).toEqual(found.agencies.map((a) => a.id));
        compared += walked.length;
      }
    }
    expect((await searchDirectory(db, { item: ITEM }, at)).total).toBe(24);
    expect(compared).toBeGreaterThan(80);
  });
});

describe("the page of a search by item", () => {
  // A search by item alone is answered from the item's side (its credentials, then their agencies, in
  // page order, decision 042); with a name fragment as well it is Prisma's relation filter. Both must
  // list the same agencies in the same order, page by page, in each of the three orders, ties included.
  it("lists the same agencies in the same order as the relation filter, in every order and page", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const ITEM = "ZJ-PT-010";
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const { agency } = await registerAgency(db, { name: `排序测试${"甲乙丙丁戊己庚辛壬癸"[i % 10]}${i}号机构` });
      await addCredential(db, agency.id, i % 4 === 0 ? [ITEM, SURVEY] : [ITEM]);
      await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
      // Few distinct values, so every order has ties that only the id breaks; some agencies unrated.
      await db.agency.update({
        where: { id: agency.id },
        data: orderKeys(i),
      });
      ids.push(agency.id);
    }
    for (const sort of [undefined, "rating", "awards"] as const) {
      for (const page of [1, 2]) {
        const byItem = await searchDirectory(db, { item: ITEM, sort, page });
        const withName = await searchDirectory(db, { item: ITEM, q: "排序测试", sort, page });
        const label = `${sort ?? "credit"} page ${page}`;
        expect(
          byItem.agencies.map((a) => a.id),
          label,
        ).toEqual(withName.agencies.map((a) => a.id));
        expect(byItem.agencies.length, label).toBe(page === 1 ? 20 : 3);
        expect([byItem.total, byItem.capped, byItem.pages], label).toEqual([23, false, 2]);
        expect([withName.total, withName.capped, withName.pages], label).toEqual([23, false, 2]);
      }
    }
    const all = [
      ...(await searchDirectory(db, { item: ITEM, sort: "rating" })).agencies,
      ...(await searchDirectory(db, { item: ITEM, sort: "rating", page: 2 })).agencies,
    ];
    expect(all.map((a) => a.id).sort()).toEqual([...ids].sort());
    // Unrated agencies come last in the rating order.
    expect(all.slice(-5).every((a) => a.ratingAvg === null)).toBe(true);
    // Each row as Prisma's nested select reads it: organization, counting credentials, their items.
    const prismaRows = await db.agency.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        entityType: true,
        creditScore: true,
        ratingAvg: true,
        ratingCount: true,
        awardsCount: true,
        organization: { select: { name: true, creditCode: true, regionCode: true } },
        credentials: {
          where: { validUntil: { gt: new Date() }, verifiedAt: { not: null }, rejectedAt: null },
          select: { type: true, level: true, items: { select: { item: { select: { code: true, name: true, nameEn: true } } } } },
        },
      },
    });
    const normal = (rows: typeof prismaRows) =>
      rows
        .map((r) => ({
          ...r,
          credentials: r.credentials.map((c) => ({ ...c, items: [...c.items].sort((x, y) => x.item.code.localeCompare(y.item.code)) })),
        }))
        .sort((x, y) => x.id.localeCompare(y.id));
    expect(normal(all)).toEqual(normal(prismaRows));
    expect(all.filter((a) => a.credentials.some((c) => c.items.length === 2))).toHaveLength(6);
  });
});

describe("parallel query (decision 042)", () => {
  it("is off on the app's PostgreSQL connections unless DATABASE_PARALLEL_WORKERS says otherwise", async () => {
    expect([
      parallelWorkers({}),
      parallelWorkers({ DATABASE_PARALLEL_WORKERS: "2" }),
      parallelWorkers({ DATABASE_PARALLEL_WORKERS: "x" }),
    ]).toEqual([0, 2, 0]);
    if (process.env.TEST_DB !== "postgres") return; // PGlite has no parallel workers
    const db = await getDb();
    const [row] = await db.$queryRaw<{ v: string; jit: string }[]>`
      SELECT current_setting('max_parallel_workers_per_gather') AS v, current_setting('jit') AS jit`;
    expect([row?.v, row?.jit]).toEqual(["0", "off"]); // and no JIT compilation (decision 044)
  });
});

describe("authorization", () => {
  it("an agency cannot approve itself; an enterprise cannot open the queue; anonymous goes to login", async () => {
    const db = await getDb();
    const { agency, user } = await registerAgency(db, { name: "自批机构" });
    await addCredential(db, agency.id, [SURVEY]);
    const agencyCookie = await sessionCookie(user.id);
    await expectRefusal(
      outcome(() =>
        reviewAction(routeArgs(postRequest("/regulator/reviews", { intent: "approve", agencyId: agency.id, version: "0" }, agencyCookie))),
      ),
      403,
      "errors.regulatorOnly",
    );
    expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).status).toBe("APPLIED");

    const enterprise = await createUser(db, "ENTERPRISE");
    const enterpriseCookie = await sessionCookie(enterprise.id);
    await expectRefusal(
      outcome(() => reviewLoader(routeArgs(getRequest("/regulator/reviews", enterpriseCookie)))),
      403,
      "errors.regulatorOnly",
    );
    const anon = (await responseOf(() => reviewLoader(routeArgs(getRequest("/regulator/reviews"))))) as Response;
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toContain("/login?redirectTo=");
  });

  it("a regulator approves through the route; a rejection without a reason is a 400 with a field error", async () => {
    const db = await getDb();
    const regulator = await createUser(db, "REGULATOR");
    const cookie = await sessionCookie(regulator.id);
    const { agency } = await registerAgency(db, { name: "路由审核机构" });
    await addCredential(db, agency.id, [SURVEY]);
    const bad = (await reviewAction(
      routeArgs(postRequest("/regulator/reviews", { intent: "reject", agencyId: agency.id, version: "0", reason: " " }, cookie)),
    )) as unknown as { init: { status: number }; data: { fieldErrors: Record<string, string[]> } };
    expect(bad.init.status).toBe(400);
    expect(bad.data.fieldErrors.reason).toEqual(["errors.required"]);
    await reviewAction(routeArgs(postRequest("/regulator/reviews", { intent: "approve", agencyId: agency.id, version: "0" }, cookie)));
    expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).status).toBe("LISTED");
  });

  it("an application that was never listed has no public profile", async () => {
    const db = await getDb();
    const { agency } = await registerAgency(db, { name: "未公开机构" });
    await expectRefusal(
      outcome(() => profileLoader(routeArgs(getRequest(`/agencies/${agency.id}`), { id: agency.id }))),
      404,
      "Not Found",
    );
  });
});

describe("search grams", () => {
  it("the database trigger computes the same grams as the query side", async () => {
    const db = await getDb();
    const { nameGrams } = await import("~/lib/ngrams");
    for (const name of ["上海 华测（普陀）勘察设计有限公司", "ＡＢＣ Survey Co.", "个体"]) {
      const org = await db.organization.create({ data: { kind: "COMPANY", name } });
      expect([...org.nameGrams].sort()).toEqual(nameGrams(name).sort());
      const renamed = await db.organization.update({ where: { id: org.id }, data: { name: `${name}二` } });
      expect([...renamed.nameGrams].sort()).toEqual(nameGrams(`${name}二`).sort());
    }
  });
});

describe("the filter options: credential types and levels in use", () => {
  it("lists each verified, unrejected type and level once, in order, as a GROUP BY over every credential would", async () => {
    const db = await getDb();
    const { agency } = await registerAgency(db, { name: "江西赣州选项测试咨询有限公司", region: "360700" });
    const verified = new Date();
    for (const [type, level] of [
      ["选项测试资质乙", "甲级"],
      ["选项测试资质乙", "乙级"],
      ["选项测试资质甲", "乙级"],
      ["选项测试资质甲", "乙级"], // the same pair twice: listed once
      ["选项测试资质甲", "丙级"],
    ]) {
      const c = await addCredential(db, agency.id, [SURVEY], undefined, type, level);
      await db.credential.update({ where: { id: c.id }, data: { verifiedAt: verified } });
    }
    await addCredential(db, agency.id, [SURVEY], undefined, "选项测试资质丙", "甲级"); // never verified
    const refused = await addCredential(db, agency.id, [SURVEY], undefined, "选项测试资质丁", "甲级");
    await db.credential.update({ where: { id: refused.id }, data: { verifiedAt: verified, rejectedAt: verified } });

    const pairs = await countingCredentialPairs(db);
    const key = (p: { type: string; level: string }) => `${p.type}/${p.level}`;
    // Which pairs: verified and not rejected, each once; their order is the database's collation (below).
    expect(
      pairs
        .filter((p) => p.type.startsWith("选项测试"))
        .map(key)
        .sort(),
    ).toEqual(["选项测试资质乙/乙级", "选项测试资质乙/甲级", "选项测试资质甲/丙级", "选项测试资质甲/乙级"].sort());
    const grouped = await db.credential.groupBy({
      by: ["type", "level"],
      where: { verifiedAt: { not: null }, rejectedAt: null },
      orderBy: [{ type: "asc" }, { level: "asc" }],
    });
    expect(pairs).toEqual(grouped.map((g) => ({ type: g.type, level: g.level })));
  });
});
