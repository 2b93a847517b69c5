import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createInstance } from "i18next";
import { createRoutesStub } from "react-router";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import resources from "~/i18n";
import type { SessionUser } from "~/lib/session.server";
import RegulatorPage, { loader } from "~/routes/regulator";
import { decideObjection, fileObjection } from "~/services/requests/award.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { dbNow } from "~/services/clock.server";
import {
  beijingMonth,
  daysToAward,
  defaultPeriod,
  districtIndicators,
  districtPrefix,
  monthStartUtc,
  onTimeDelivery,
  outsideShare,
  periodErrors,
  priceRatio,
  rangeOf,
  volume,
  workQueues,
} from "~/services/supervision/indicators.server";
import { seedCatalogue } from "../../seeds/seed";
import { createUser, registerAgency } from "../support/factories";
import { expectRefusal, getRequest, outcome, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, expire, listedAgencies, openRequest, sessionUserOf } from "../support/requests";

/** What every objection decision must state besides its reason (Principle 7). */
const GROUNDS = { legalBasis: "《普陀区行政审批中介服务网上交易平台管理规定》第十八条", evidence: "报价文件、资质证书核验记录" };

/** A Beijing wall-clock time as an instant. */
const bj = (s: string) => new Date(`${s}:00+08:00`);

let db: Db;
let owner: SessionUser;
let items: { survey: string; eia: string };
/** A1 in the district (普陀 310107), A2 in Hangzhou, A3 elsewhere in Shanghai (徐汇 310104). */
let agencies: { a1: string; a2: string; a3: string };
let seq = 0;

type Historic = {
  item?: "survey" | "eia";
  status: "DRAFT" | "OPEN" | "IN_SERVICE" | "COMPLETED" | "FAILED";
  createdAt?: Date;
  opensAt: Date | null;
  capYuan: number;
  /** Winning bid, or none. */
  win?: { agency: "a1" | "a2" | "a3"; yuan: number };
  /** Publication times of the AWARD announcements, in order; the last one is the award in force when `win` is set. */
  awards?: Date[];
  dueAt?: Date;
  deliveredAt?: Date;
  completedAt?: Date;
};

/** Inserts one request with a known history (times, prices, winner), as the award and delivery services would have left it. */
async function historic(h: Historic) {
  seq++;
  const r = await db.serviceRequest.create({
    data: {
      code: `IND-${seq}`,
      itemId: items[h.item ?? "survey"],
      enterpriseOrgId: owner.organizationId!,
      createdById: owner.id,
      title: `指标测试项目${seq}`,
      description: "用于指标测试的项目。",
      fundingSource: "ENTERPRISE",
      priceCapFen: BigInt(h.capYuan * 100),
      selectionMethod: "LOWEST_PRICE",
      serviceDays: 20,
      status: h.status,
      opensAt: h.opensAt,
      closesAt: new Date((h.opensAt ?? h.createdAt ?? new Date()).getTime() + 86_400_000),
      createdAt: h.createdAt ?? h.opensAt ?? new Date(),
      dueAt: h.dueAt,
      deliveredAt: h.deliveredAt,
      completedAt: h.completedAt,
    },
  });
  let bidId: string | null = null;
  if (h.win) {
    const bid = await db.bid.create({
      data: {
        requestId: r.id,
        agencyId: agencies[h.win.agency],
        amountFen: BigInt(h.win.yuan * 100),
        serviceDays: 20,
        proposal: "方案",
        status: "WON",
        rank: 1,
      },
    });
    bidId = bid.id;
    await db.serviceRequest.update({ where: { id: r.id }, data: { awardedBidId: bid.id } });
  }
  for (const at of h.awards ?? []) {
    await db.announcement.create({
      data: {
        kind: "AWARD",
        title: `中选公示：${r.title}`,
        body: "—",
        entityType: "request",
        entityId: r.id,
        publishedAt: at,
        data: { requestId: r.id },
      },
    });
  }
  return { id: r.id, bidId };
}

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  owner = await enterpriseUser(db);
  const all = await db.catalogueItem.findMany({ where: { code: { in: ["ZJ-PT-001", "ZJ-PT-008"] } }, select: { id: true, code: true } });
  items = { survey: all.find((i) => i.code === "ZJ-PT-001")!.id, eia: all.find((i) => i.code === "ZJ-PT-008")!.id };
  const reg = async (name: string, region: string) => (await registerAgency(db, { name, region })).agency.id;
  agencies = {
    a1: await reg("普陀区指标测绘有限公司", "310107"),
    a2: await reg("杭州指标测绘有限公司", "330100"),
    a3: await reg("徐汇指标测绘有限公司", "310104"),
  };

  // 2024-01 … 2024-03 in Beijing time. Expected figures are worked out next to each test.
  await historic({
    status: "COMPLETED",
    opensAt: bj("2023-12-20T09:00"),
    awards: [bj("2024-01-03T09:00")],
    capYuan: 100_000,
    win: { agency: "a1", yuan: 75_000 },
    dueAt: bj("2024-03-20T00:00"),
    deliveredAt: bj("2024-03-10T12:00"),
    completedAt: bj("2024-03-15T10:00"),
  }); // R6
  await historic({
    status: "COMPLETED",
    opensAt: bj("2024-01-05T10:00"),
    awards: [bj("2024-01-15T10:00")],
    capYuan: 100_000,
    win: { agency: "a1", yuan: 55_000 },
    dueAt: bj("2024-02-18T00:00"),
    deliveredAt: bj("2024-02-17T16:00"),
    completedAt: bj("2024-02-20T10:00"),
  }); // R1
  await historic({
    status: "COMPLETED",
    opensAt: bj("2024-01-10T10:00"),
    awards: [bj("2024-01-14T10:00")],
    capYuan: 200_000,
    win: { agency: "a2", yuan: 140_000 },
    dueAt: bj("2024-02-20T00:00"),
    deliveredAt: bj("2024-02-22T09:00"),
    completedAt: bj("2024-02-25T10:00"),
  }); // R2 late
  // Opened 31 Jan 20:00 Beijing (12:00 UTC), awarded 1 Feb 01:00 Beijing (still 31 Jan in UTC): a February award.
  await historic({
    status: "COMPLETED",
    opensAt: bj("2024-01-31T20:00"),
    awards: [bj("2024-02-01T01:00")],
    capYuan: 50_000,
    win: { agency: "a3", yuan: 45_000 },
    dueAt: bj("2024-03-01T00:00"),
    deliveredAt: bj("2024-03-01T00:00"),
    completedAt: bj("2024-03-10T10:00"),
  }); // R3 on time to the minute
  await historic({
    item: "eia",
    status: "IN_SERVICE",
    opensAt: bj("2024-02-03T10:00"),
    awards: [bj("2024-02-23T10:00")],
    capYuan: 300_000,
    win: { agency: "a2", yuan: 285_000 },
    dueAt: bj("2024-04-30T00:00"),
  }); // R4
  await historic({ status: "FAILED", opensAt: bj("2024-03-02T10:00"), capYuan: 80_000 }); // R5
  // Re-awarded after an upheld objection: only the second announcement counts, with its winner.
  await historic({
    status: "IN_SERVICE",
    opensAt: bj("2024-02-05T10:00"),
    awards: [bj("2024-02-10T10:00"), bj("2024-02-16T10:00")],
    capYuan: 100_000,
    win: { agency: "a2", yuan: 60_000 },
  }); // R7
  // Award revoked with nobody left: FAILED, no award in force.
  await historic({ status: "FAILED", opensAt: bj("2024-02-07T10:00"), awards: [bj("2024-02-12T10:00")], capYuan: 100_000 }); // R8
  // Re-awarded in April: not an award of March.
  await historic({
    status: "IN_SERVICE",
    opensAt: bj("2024-03-20T10:00"),
    awards: [bj("2024-03-28T10:00"), bj("2024-04-02T10:00")],
    capYuan: 100_000,
    win: { agency: "a1", yuan: 50_000 },
  }); // R9
  await historic({ status: "DRAFT", opensAt: null, createdAt: bj("2024-01-05T10:00"), capYuan: 100_000 }); // R10 never posted
});

afterEach(() => {
  delete process.env.DISTRICT_REGION_CODE;
});

const Q1 = () => rangeOf({ from: "2024-01", to: "2024-03" });

describe("periods and the district", () => {
  it("months are Beijing calendar months", () => {
    expect(monthStartUtc("2024-02").toISOString()).toBe("2024-01-31T16:00:00.000Z");
    expect(beijingMonth(new Date("2024-01-31T16:30:00Z"))).toBe("2024-02");
    expect(defaultPeriod(new Date("2026-01-10T00:00:00Z"))).toEqual({ from: "2025-02", to: "2026-01" });
    expect(Q1().months).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(periodErrors({ from: "2024-13" })).toEqual({ from: ["supervision.errors.month"] });
    expect(periodErrors({ from: "2024-05", to: "2024-04" })).toEqual({ to: ["supervision.errors.order"] });
    expect(periodErrors({ from: "2019-01", to: "2024-01" })).toEqual({ to: ["supervision.errors.tooLong"] });
  });

  it("the district code is a prefix at its own level", () => {
    expect(districtPrefix("310107")).toBe("310107");
    expect(districtPrefix("310100")).toBe("3101");
    expect(districtPrefix("310000")).toBe("31");
  });
});

describe("indicators on a known dataset", () => {
  it("counts requests posted (opensAt) and awards in force per Beijing month, by item", async () => {
    const v = await volume(db, Q1());
    // Posted: Jan R1 R2 R3 · Feb R4 R7 R8 · Mar R5 R9 (R6 opened in December, R10 never).
    expect(v.requests).toEqual([3, 3, 2]);
    // Awards in force: Jan R6 R1 R2 · Feb R3 (Beijing) R4 R7 · Mar none (R8 revoked, R9 re-awarded in April).
    expect(v.awards).toEqual([3, 3, 0]);
    expect(v.totalRequests).toBe(8);
    expect(v.totalAwards).toBe(6);
    const eia = v.series.find((s) => s.code === "ZJ-PT-008")!;
    expect(eia.requests).toEqual([0, 1, 0]);
    expect(eia.awards).toEqual([0, 1, 0]);
    expect(v.series.find((s) => s.code === "ZJ-PT-001")!.requests).toEqual([3, 2, 2]);
    // With no room for named items, everything is "other" and the totals stay.
    const other = await volume(db, Q1(), 0);
    expect(other.series.map((s) => s.key)).toEqual(["other"]);
    expect(other.series[0]!.awards).toEqual([3, 3, 0]);
    // April holds R9's standing award.
    expect((await volume(db, rangeOf({ from: "2024-04", to: "2024-04" }))).awards).toEqual([1]);
  });

  it("measures the winning price against the cap: bands with exact edges and medians", async () => {
    const r = await priceRatio(db, Q1());
    // Ratios: R6 .75, R1 .55, R2 .70 | R3 .90, R4 .95, R7 .60 (second winner, not the revoked first).
    expect(r.buckets).toEqual([
      { key: "le60", count: 2 },
      { key: "60to70", count: 1 },
      { key: "70to80", count: 1 },
      { key: "80to90", count: 1 },
      { key: "gt90", count: 1 },
    ]);
    expect(r.count).toEqual([3, 3, 0]);
    expect(r.median[0]).toBeCloseTo(0.7, 10);
    expect(r.median[1]).toBeCloseTo(0.9, 10);
    expect(r.median[2]).toBeNull();
    expect(r.overallMedian).toBeCloseTo(0.725, 10);
    expect(r.total).toBe(6);
  });

  it("counts awards won by agencies registered outside the configured district", async () => {
    // District 普陀 310107: A1 inside; A2 (Hangzhou) and A3 (徐汇) outside.
    const o = await outsideShare(db, Q1(), "310107");
    expect(o.awards).toEqual([3, 3, 0]);
    expect(o.outside).toEqual([1, 3, 0]);
    expect(o.share[0]).toBeCloseTo(1 / 3, 10);
    expect(o.share[1]).toBe(1);
    expect(o.share[2]).toBeNull();
    expect(o.total).toEqual({ awards: 6, outside: 4, share: 4 / 6 });
    // The whole of Shanghai as the district: 徐汇 is inside.
    const sh = await outsideShare(db, Q1(), "310000");
    expect(sh.outside).toEqual([1, 2, 0]);
    // The page's default comes from DISTRICT_REGION_CODE.
    process.env.DISTRICT_REGION_CODE = "310000";
    const all = await districtIndicators(db, Q1());
    expect(all.district).toEqual({ code: "310000", prefix: "31" });
    expect(all.outside.total.outside).toBe(3);
  });

  it("measures days from posting to award: median and 90th percentile per month", async () => {
    const d = await daysToAward(db, Q1());
    // Jan: R6 14, R1 10, R2 4 → median 10, p90 10 + 0.8 × 4 = 13.2.
    // Feb: R3 5 h, R4 20, R7 11 → median 11, p90 11 + 0.8 × 9 = 18.2.
    expect(d.count).toEqual([3, 3, 0]);
    expect(d.median[0]).toBeCloseTo(10, 6);
    expect(d.p90[0]).toBeCloseTo(13.2, 6);
    expect(d.median[1]).toBeCloseTo(11, 6);
    expect(d.p90[1]).toBeCloseTo(18.2, 6);
    expect(d.median[2]).toBeNull();
    // All six: 5/24, 4, 10, 11, 14, 20 → median 10.5, p90 14 + 0.5 × 6 = 17.
    expect(d.overall.count).toBe(6);
    expect(d.overall.median).toBeCloseTo(10.5, 6);
    expect(d.overall.p90).toBeCloseTo(17, 6);
  });

  it("measures on-time delivery by month of completion", async () => {
    const t = await onTimeDelivery(db, Q1());
    // Feb: R1 on time, R2 late · Mar: R3 (delivered exactly at the due time), R6 on time.
    expect(t.completed).toEqual([0, 2, 2]);
    expect(t.onTime).toEqual([0, 1, 2]);
    expect(t.rate).toEqual([null, 0.5, 1]);
    expect(t.total).toEqual({ completed: 4, onTime: 3, rate: 0.75 });
  });

  it("filters every indicator by catalogue item", async () => {
    const all = await districtIndicators(db, rangeOf({ from: "2024-01", to: "2024-03" }, items.eia), "310107");
    expect(all.volume.requests).toEqual([0, 1, 0]);
    expect(all.volume.awards).toEqual([0, 1, 0]);
    expect(all.priceRatio.overallMedian).toBeCloseTo(0.95, 10);
    expect(all.outside.total).toEqual({ awards: 1, outside: 1, share: 1 });
    expect(all.daysToAward.overall.median).toBeCloseTo(20, 6);
    expect(all.onTime.total).toEqual({ completed: 0, onTime: 0, rate: null });
  });
});

describe("awards made through the platform", () => {
  it("count at the award announcement, and an upheld objection moves the award to the new winner", async () => {
    const local = await listedAgencies(db, 1, "ZJ-PT-001", "310107");
    const away = await listedAgencies(db, 1, "ZJ-PT-001", "440300");
    const third = await listedAgencies(db, 1, "ZJ-PT-001", "110108");
    const enterprise = await enterpriseUser(db);
    const req = await openRequest(db, enterprise, { priceCap: "100000" });
    const bid = (yuan: number) => ({ amountFen: BigInt(yuan * 100), serviceDays: 20, proposal: "按规范完成勘测" });
    await submitBid(db, local[0]!.user, req.id, bid(62_000));
    await submitBid(db, away[0]!.user, req.id, bid(81_000));
    await submitBid(db, third[0]!.user, req.id, bid(90_000));
    await expire(db, req.id);
    await closeDueRequests(db);
    // The posting and the award happened "now"; a Beijing month boundary between them and the check
    // would split them across months. Place them at fixed instants of an otherwise empty month instead.
    const POSTED = bj("2025-06-10T09:00");
    const AWARDED = bj("2025-06-12T15:00");
    const REAWARDED = bj("2025-06-20T10:00");
    await db.serviceRequest.update({ where: { id: req.id }, data: { opensAt: POSTED } });
    expect((await db.announcement.updateMany({ where: { kind: "AWARD", entityId: req.id }, data: { publishedAt: AWARDED } })).count).toBe(
      1,
    );
    const range = rangeOf({ from: "2025-06", to: "2025-06" });
    let ind = await districtIndicators(db, range, "310107");
    expect(ind.volume.totalRequests).toBe(1);
    expect(ind.volume.totalAwards).toBe(1);
    expect(ind.priceRatio.overallMedian).toBeCloseTo(0.62, 10);
    expect(ind.outside.total).toEqual({ awards: 1, outside: 0, share: 0 });
    expect(ind.daysToAward.overall.median).toBeCloseTo(2.25, 6); // 10 June 09:00 → 12 June 15:00

    // The second bidder objects; the regulator upholds: the award moves to the Shenzhen agency.
    await fileObjection(db, away[0]!.user, req.id, "中选机构报价明显低于成本，请核查。");
    const objection = await db.objection.findFirstOrThrow({ where: { requestId: req.id } });
    await decideObjection(db, sessionUserOf(await createUser(db, "REGULATOR")), objection.id, "UPHOLD", "经核查，异议成立。", GROUNDS);
    expect(
      (
        await db.announcement.updateMany({
          where: { kind: "AWARD", entityId: req.id, publishedAt: { not: AWARDED } },
          data: { publishedAt: REAWARDED },
        })
      ).count,
    ).toBe(1);
    ind = await districtIndicators(db, range, "310107");
    expect(ind.volume.totalAwards).toBe(1);
    expect(ind.priceRatio.overallMedian).toBeCloseTo(0.81, 10);
    expect(ind.outside.total).toEqual({ awards: 1, outside: 1, share: 1 });
    expect(ind.daysToAward.overall.median).toBeCloseTo(10 + 1 / 24, 6); // to the award in force: 20 June 10:00
  });
});

describe("/regulator", () => {
  const load = (path: string, cookie?: string) => outcome(() => loader(routeArgs(getRequest(path, cookie))));

  it("is for regulators only: anonymous users are sent to log in, other roles get 403", async () => {
    const anonymous = await load("/regulator");
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe("/login?redirectTo=%2Fregulator");
    await expectRefusal(load("/regulator", await sessionCookie(owner.id)), 403, "errors.regulatorOnly");
    const { user: agencyUser } = await registerAgency(db, { name: "无权查看的机构有限公司" });
    await expectRefusal(load("/regulator", await sessionCookie(agencyUser.id)), 403, "errors.regulatorOnly");
    await expectRefusal(load("/regulator", await sessionCookie((await createUser(db, "ADMIN")).id)), 403, "errors.regulatorOnly");
  });

  it("shows the work queues with their counts", async () => {
    const before = await workQueues(db);
    const { agency } = await registerAgency(db, { name: "待审核的测绘有限公司" });
    const complainant = await createUser(db, "ENTERPRISE");
    for (const [i, status] of (
      ["OPEN", "OPEN", "UNDER_REVIEW", "APPEAL", "NOTICE_ISSUED", "HEARING_REQUESTED", "HEARING_REQUESTED"] as const
    ).entries()) {
      await db.supervisionCase.create({
        data: {
          code: `IND-CASE-${i}`,
          agencyId: agency.id,
          complainantUserId: complainant.id,
          subject: "投诉",
          description: "投诉内容",
          status,
        },
      });
    }
    const { agency: suspended } = await registerAgency(db, { name: "暂停中的测绘有限公司" });
    await db.agency.update({
      where: { id: suspended.id },
      data: { status: "SUSPENDED", suspendedUntil: bj("2099-01-01T00:00"), statusReason: "测试暂停" },
    });
    const out = await load("/regulator", await sessionCookie((await createUser(db, "REGULATOR")).id));
    expect(out.status).toBe(200);
    const q = out.data!.queues as Awaited<ReturnType<typeof workQueues>>;
    expect(q.registrations).toBe(before.registrations + 1);
    expect([q.casesOpen, q.casesUnderReview, q.appeals]).toEqual([before.casesOpen + 2, before.casesUnderReview + 1, before.appeals + 1]);
    // Due process (decision 033): each step waiting for a regulator is its own queue, linked to its filter.
    expect(q.dueProcess).toEqual({
      NOTICE_ISSUED: before.dueProcess.NOTICE_ISSUED + 1,
      HEARING_REQUESTED: before.dueProcess.HEARING_REQUESTED + 2,
      HEARING_SCHEDULED: before.dueProcess.HEARING_SCHEDULED,
      HEARING_HELD: before.dueProcess.HEARING_HELD,
    });
    expect(q.suspended).toBe(before.suspended + 1);
    expect(q.suspendedAgencies).toContainEqual({
      id: suspended.id,
      name: "暂停中的测绘有限公司",
      until: bj("2099-01-01T00:00").toISOString(),
      reason: "测试暂停",
    });
  });

  it("reads the period and item from the query; bad input is a 400 with the message at the field and the input kept", async () => {
    const cookie = await sessionCookie((await createUser(db, "REGULATOR")).id);
    const ok = await load("/regulator?from=2024-01&to=2024-03&item=ZJ-PT-008", cookie);
    expect(ok.status).toBe(200);
    const ind = ok.data!.indicators as Awaited<ReturnType<typeof districtIndicators>>;
    expect(ind.range.months).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(ind.volume.awards).toEqual([0, 1, 0]);
    expect(ind.district.code).toBe("310107");

    // The default period is the last twelve Beijing months before the database clock's "now". Pin that
    // clock (the test clock's offset) to mid-June 2026, so that no month boundary can fall between
    // the loader's reading and this test's expectation.
    const pinned = bj("2026-06-15T12:00");
    process.env.ZJ_TEST_CLOCK = "1";
    await db.testClock.upsert({ where: { id: 1 }, create: { id: 1, offsetSeconds: 0 }, update: {} });
    const rows = await db.$queryRaw<
      { offset: number }[]
    >`SELECT round(extract(epoch FROM ${pinned}::timestamptz - clock_timestamp()))::int AS offset`;
    await db.testClock.update({ where: { id: 1 }, data: { offsetSeconds: rows[0]!.offset } });
    try {
      expect(beijingMonth(await dbNow(db))).toBe("2026-06");
      expect(defaultPeriod(pinned)).toEqual({ from: "2025-07", to: "2026-06" });
      const byDefault = await load("/regulator", cookie);
      expect((byDefault.data!.indicators as typeof ind).range).toMatchObject({ from: "2025-07", to: "2026-06" });

      const bad = await load("/regulator?from=2024-13&to=2024-03&item=NOPE", cookie);
      expect(bad.status).toBe(400);
      expect(bad.data!.fieldErrors).toEqual({ from: ["supervision.errors.month"], item: ["supervision.errors.item"] });
      expect(bad.data!.values).toEqual({ from: "2024-13", to: "2024-03", item: "NOPE" });
      expect((bad.data!.indicators as typeof ind).range).toMatchObject({ from: "2025-07", to: "2026-06" });
    } finally {
      await db.testClock.update({ where: { id: 1 }, data: { offsetSeconds: 0 } });
      delete process.env.ZJ_TEST_CLOCK;
    }
    const reversed = await load("/regulator?from=2024-05&to=2024-01", cookie);
    expect(reversed.status).toBe(400);
    expect(reversed.data!.fieldErrors).toEqual({ to: ["supervision.errors.order"] });
  });

  async function render(path: string, lang: "zh" | "en") {
    const cookie = await sessionCookie((await createUser(db, "REGULATOR")).id);
    const out = await load(path, cookie);
    const i18n = createInstance();
    await i18n.init({ lng: lang, fallbackLng: "zh", resources, interpolation: { escapeValue: false } });
    const Stub = createRoutesStub([{ id: "regulator", path: "/regulator", Component: RegulatorPage as never, loader: () => out.data }]);
    return renderToString(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { regulator: out.data } } } as never),
      ),
    );
  }

  it("renders SVG charts with titles and the same numbers in tables, in Chinese and English, without JavaScript", async () => {
    const html = await render("/regulator?from=2024-01&to=2024-03", "zh");
    expect(html).toContain("监管工作台");
    // Five indicators, seven charts, each an accessible SVG.
    expect(html.match(/<svg[^>]*role="img"/g)?.length).toBe(7);
    expect(html).toContain('<title id="chart-requests-title">每月发布项目数（按服务事项）</title>');
    expect(html).toContain('<desc id="chart-days-desc">');
    for (const id of [
      "table-requests",
      "table-awards",
      "table-ratio-buckets",
      "table-ratio-median",
      "table-outside",
      "table-days",
      "table-ontime",
    ]) {
      expect(html).toContain(`data-table="${id}"`);
    }
    expect(html).toContain("<details");
    expect(html).toContain("66.7%"); // outside share over the period
    expect(html).toContain("72.5%"); // median price / cap
    expect(html).toContain("75.0%"); // on-time rate
    expect(html).toContain("上海市 普陀区");
    expect(html).toMatch(/<form[^>]*method="get"/);
    const en = await render("/regulator?from=2024-01&to=2024-03", "en");
    expect(en).toContain("Regulator dashboard");
    expect(en).toContain("Days from posting to award");
    expect(en).toContain("Shanghai, Putuo");
  });

  it("shows a translated no-data state instead of empty charts", async () => {
    const html = await render("/regulator?from=2010-01&to=2010-06", "zh");
    expect(html.match(/<svg[^>]*role="img"/g)).toBeNull();
    expect(html.match(/data-empty="true"/g)?.length).toBe(7);
    expect(html).toContain("所选期间内没有数据。");
    const en = await render("/regulator?from=2010-01&to=2010-06", "en");
    expect(en).toContain("No data for this period.");
  });
});
