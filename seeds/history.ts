/**
 * Demo history: about a year of requests, bids, awards, deliveries and ratings
 * between the demo enterprises and the demo agencies, two regulator decisions,
 * and every agency's credit score recomputed from it — so the regulator
 * dashboard, the credit pages and the directory show something real on a
 * fresh database.
 *
 * Deterministic: one seeded PRNG decides everything; times are placed relative
 * to the database clock at seeding, inside the regulator dashboard's default
 * period (the last 12 Beijing calendar months, the current one included), so a
 * dashboard opened on any day of the year — the 1st of a month too — shows the
 * whole history.
 * Written in one transaction, and only once (requests coded ZJyyyymmdd-Hnnn).
 *
 * Rows are inserted directly with their backdated timestamps, as the services
 * would have left them. The audit log gets one IMPORT_HISTORY event per
 * imported request and per imported sanction (hash-chained like every other
 * event, recorded at seeding time, the historic times in the payload), so
 * `npm run audit:verify` holds and the log says plainly what was imported.
 */
import type { Db } from "~/db/client.server";
import type { Prisma, SelectionMethod } from "~/generated/prisma/client";
import { factsData } from "~/lib/announcement-facts";
import { formatBeijingMinute } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { recomputeCreditScore } from "~/services/credit/recompute.server";
import {
  drawCommitment,
  rankAveragePrice,
  rankLowestPrice,
  rankRandomDraw,
  rankScored,
  type RankableBid,
  type Ranked,
} from "~/services/requests/selection";
import { defaultPeriod, monthStartUtc } from "~/services/supervision/indicators.server";
import { demoAgencies } from "./demo-data";
import { prng } from "./prng";

type Tx = Prisma.TransactionClient;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BEIJING = 8 * HOUR;
const SCORED_WEIGHTS = { price: 60, credit: 30, serviceDays: 10 };

/** The code marks a request as imported history ("-H"; real codes end in six hex digits). */
const HISTORY_CODE = "-H";

/** Caps in yuan by catalogue code: what such a service usually costs in Shanghai. */
const CAP_RANGE: Record<string, [number, number, number]> = {
  // code: [min cap, max cap, weight in the request mix]
  "ZJ-PT-001": [20_000, 120_000, 10],
  "ZJ-PT-002": [50_000, 300_000, 5],
  "ZJ-PT-003": [40_000, 200_000, 6],
  "ZJ-PT-004": [60_000, 250_000, 3],
  "ZJ-PT-005": [80_000, 300_000, 3],
  "ZJ-PT-006": [100_000, 500_000, 2],
  "ZJ-PT-007": [60_000, 200_000, 2],
  "ZJ-PT-008": [80_000, 400_000, 9],
  "ZJ-PT-009": [60_000, 250_000, 4],
  "ZJ-PT-010": [15_000, 80_000, 5],
  "ZJ-PT-011": [50_000, 300_000, 6],
  "ZJ-PT-012": [10_000, 60_000, 10],
  "ZJ-PT-014": [40_000, 200_000, 5],
  "ZJ-PT-015": [30_000, 150_000, 3],
};

const PLACES = [
  "长寿路街道",
  "真如镇街道",
  "桃浦镇",
  "万里街道",
  "石泉路街道",
  "甘泉路街道",
  "宜川路街道",
  "长征镇",
  "曹杨新村街道",
  "长风新村街道",
];
const PROJECTS = [
  "商业综合体",
  "保障性住房",
  "中学改扩建工程",
  "地下管线改造工程",
  "产业园区厂房",
  "养老院新建工程",
  "公共绿地",
  "道路改建工程",
  "社区卫生服务中心",
  "轨道交通站点配套",
  "研发办公楼",
  "城市更新地块",
];

const RATING_TEXT: Record<"good" | "fair" | "poor", string[]> = {
  good: [
    "报告质量高，现场踏勘细致，沟通及时，按期交付。",
    "专业水平高，对审批要求把握准确，成果一次通过审查。",
    "服务周到，收费透明，与合同约定一致，值得推荐。",
    "项目负责人经验丰富，方案论证充分，修改意见响应很快。",
  ],
  fair: [
    "整体满意，个别章节经补充后符合要求。",
    "基本满足要求，报告修改两轮后通过，建议加强前期沟通。",
    "进度尚可，现场人员配备偏少，资料清单可以更清楚。",
  ],
  poor: ["交付逾期，多次催促后才提交，影响了审批进度。", "报告错漏较多，需要反复修改，沟通不够主动。"],
};
const REPLIES = [
  "感谢您的评价，我们将继续保持服务质量。",
  "非常抱歉给您带来不便，已对项目组进行内部整改，后续将加强进度管理。",
  "感谢反馈，相关意见已纳入我单位质量控制流程。",
];

const LEGAL_BASIS = "《上海市行政审批中介服务管理办法》（示例条款）第二十五条、《普陀区行政审批中介服务网上交易平台管理规定》第十八条";

type Agency = { id: string; name: string; email: string; orgId: string; items: Set<string> };
type Item = { id: string; code: string; name: string; nameEn: string; timeLimitDays: number };
type Enterprise = { userId: string; orgId: string; kind: "COMPANY" | "NATURAL_PERSON" | "GOVERNMENT" };
type Kind = "OPEN" | "IN_SERVICE" | "FAILED" | "COMPLETED";

export type HistoryResult = { created: boolean; requests: number; ratings: number; sanctions: number; ms: number };

export async function historyExists(db: Db | Tx): Promise<boolean> {
  return (await db.serviceRequest.count({ where: { code: { contains: HISTORY_CODE } } })) > 0;
}

/** Seeds the demo history once (after the catalogue and the demo accounts). */
export async function seedHistory(db: Db, options: { requests?: number; seed?: number } = {}): Promise<HistoryResult> {
  const started = Date.now();
  const total = options.requests ?? 96;
  if (await historyExists(db)) return { created: false, requests: 0, ratings: 0, sanctions: 0, ms: Date.now() - started };
  const result = await db.$transaction((tx) => writeHistory(tx, total, options.seed ?? 20_260_101), { timeout: 120_000, maxWait: 20_000 });
  return { created: true, ...result, ms: Date.now() - started };
}

async function writeHistory(tx: Tx, total: number, seed: number) {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const between = (a: number, b: number) => a + rand() * (b - a);
  const now = await dbNow(tx);
  // The earliest a history request may open: one day into the dashboard's default period.
  const windowStart = monthStartUtc(defaultPeriod(now).from).getTime() + DAY;
  const maxDaysBack = (now.getTime() - windowStart) / DAY;

  // ── who takes part ──
  const items: Item[] = await tx.catalogueItem.findMany({
    where: { code: { in: Object.keys(CAP_RANGE) }, status: "IN_FORCE" },
    select: { id: true, code: true, name: true, nameEn: true, timeLimitDays: true },
    orderBy: { code: "asc" },
  });
  const demoEmails = demoAgencies.filter((a) => a.status === "LISTED").map((a) => a.users[0]!.email);
  const agencyUsers = await tx.user.findMany({
    where: { email: { in: demoEmails } },
    select: { email: true, organizationId: true },
    orderBy: { email: "asc" },
  });
  const agencyRows = await tx.agency.findMany({
    where: { organizationId: { in: agencyUsers.map((u) => u.organizationId!) }, status: "LISTED" },
    select: {
      id: true,
      organizationId: true,
      organization: { select: { name: true } },
      credentials: { where: { validUntil: { gt: now } }, select: { items: { select: { itemId: true } } } },
    },
  });
  const agencies: Agency[] = agencyUsers.flatMap((u) => {
    const a = agencyRows.find((r) => r.organizationId === u.organizationId);
    return a
      ? [
          {
            id: a.id,
            name: a.organization.name,
            email: u.email,
            orgId: a.organizationId,
            items: new Set(a.credentials.flatMap((c) => c.items.map((i) => i.itemId))),
          },
        ]
      : [];
  });
  const enterpriseUsers = await tx.user.findMany({
    where: { email: { in: ["enterprise@demo.zjcs.cn", "gov@demo.zjcs.cn", "person@demo.zjcs.cn"] } },
    select: { id: true, email: true, organizationId: true, organization: { select: { kind: true } } },
    orderBy: { email: "asc" },
  });
  const enterprises: Enterprise[] = enterpriseUsers.map((u) => ({
    userId: u.id,
    orgId: u.organizationId!,
    kind: u.organization!.kind as Enterprise["kind"],
  }));
  const regulator = await tx.user.findFirst({ where: { email: "regulator@demo.zjcs.cn" }, select: { id: true } });
  if (agencies.length === 0 || enterprises.length === 0)
    throw new Error("seedHistory needs the demo agencies and enterprises (run seedDemo first)");

  const eligible = (itemId: string) => agencies.filter((a) => a.items.has(itemId));
  const usable = items.filter((i) => eligible(i.id).length > 0);
  const weighted = usable.flatMap((i) => Array.from({ length: CAP_RANGE[i.code]![2] }, () => i));

  // Sanctions are decided first: a suspended agency does not bid while suspended.
  const byEmail = (email: string) => agencies.find((a) => a.email === email);
  const suspension = {
    agency: byEmail("agency4@demo.zjcs.cn"),
    from: new Date(now.getTime() - 210 * DAY),
    to: new Date(now.getTime() - 180 * DAY),
  };
  const suspendedAt = (agencyId: string, a: Date, b: Date) =>
    suspension.agency?.id === agencyId && a < suspension.to && b > suspension.from;

  // A mix of outcomes, shuffled deterministically: most completed, some failed, a few running or open.
  const kinds: Kind[] = Array.from({ length: total }, (_, i) => (i < 4 ? "OPEN" : i < 9 ? "IN_SERVICE" : i < 17 ? "FAILED" : "COMPLETED"));
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }

  /** A Beijing working-hours time on the day of `t`. */
  const workHours = (t: number) => {
    const day = Math.floor((t + BEIJING) / DAY) * DAY - BEIJING;
    return day + (9 + Math.floor(rand() * 8)) * HOUR + Math.floor(rand() * 60) * 60_000;
  };

  let ratings = 0;
  const awardsBy = new Map<string, number>();
  for (let n = 0; n < total; n++) {
    const kind = kinds[n]!;
    const item = pick(weighted);
    const enterprise =
      rand() < 0.6
        ? enterprises.find((e) => e.kind === "COMPANY")!
        : rand() < 0.75
          ? enterprises.find((e) => e.kind === "GOVERNMENT")!
          : enterprises.find((e) => e.kind === "NATURAL_PERSON")!;
    const funding = enterprise.kind === "GOVERNMENT" ? "GOVERNMENT" : "ENTERPRISE";
    const [capMin, capMax] = CAP_RANGE[item.code]!;
    const capYuan = Math.round(between(capMin, capMax) / 1000) * 1000;
    const capFen = BigInt(capYuan) * 100n;
    const candidates = eligible(item.id);
    const competitive: SelectionMethod[] = ["LOWEST_PRICE", "SCORED", "RANDOM_DRAW", "AVERAGE_PRICE"];
    let method: SelectionMethod;
    let minBidders: number;
    if (candidates.length >= 2) {
      method = funding === "ENTERPRISE" && rand() < 0.25 ? "DIRECT" : pick(competitive);
      minBidders = method === "DIRECT" ? 1 : Math.min(3, candidates.length);
    } else {
      // One qualified agency: enterprise funds pick directly; a budget-funded request still competes, with a minimum of one.
      method = funding === "ENTERPRISE" ? "DIRECT" : "LOWEST_PRICE";
      minBidders = 1;
    }
    if (kind === "OPEN" && method === "RANDOM_DRAW") method = "LOWEST_PRICE";

    const serviceDays = item.timeLimitDays + Math.floor(rand() * 11);
    const biddingDays = 5 + Math.floor(rand() * 10);
    const pickDays = method === "DIRECT" ? 1 + rand() * 3 : 0;
    const contractDays = 1 + rand() * 4;
    const late = rand() < 0.18;
    const deliverOffset = late ? 1 + rand() * 11 : -rand() * serviceDays * 0.4;
    const acceptDays = 0.5 + rand() * 4.5;
    const toContract = (biddingDays + pickDays + 3 + contractDays) * DAY;

    let opensAt: number;
    if (kind === "OPEN") opensAt = now.getTime() - between(0.3, 3) * DAY;
    else if (kind === "IN_SERVICE") opensAt = now.getTime() - toContract - between(1, serviceDays - 1) * DAY;
    else if (kind === "FAILED") opensAt = now.getTime() - between(biddingDays + 2, maxDaysBack) * DAY;
    else {
      const span = toContract + (serviceDays + deliverOffset + acceptDays) * DAY;
      opensAt = now.getTime() - between(span / DAY + 2, maxDaysBack) * DAY;
    }
    opensAt = kind === "OPEN" ? opensAt : Math.min(workHours(opensAt), now.getTime() - toContract);
    const closesAt = kind === "OPEN" ? workHours(now.getTime() + between(2, 10) * DAY) : opensAt + biddingDays * DAY;
    const code = `ZJ${new Date(opensAt + BEIJING).toISOString().slice(0, 10).replace(/-/g, "")}${HISTORY_CODE}${String(n + 1).padStart(3, "0")}`;
    const place = pick(PLACES);
    const project = pick(PROJECTS);
    const title = `${place}${project}${item.name}`;
    const drawSeed = method === "RANDOM_DRAW" ? Array.from({ length: 64 }, () => Math.floor(rand() * 16).toString(16)).join("") : null;

    // Bidders: every qualified agency not suspended at the time, or fewer for a failed round.
    let bidders = candidates.filter((a) => !suspendedAt(a.id, new Date(opensAt), new Date(closesAt)));
    if (kind === "FAILED") bidders = bidders.slice(0, Math.max(0, Math.min(bidders.length, minBidders) - 1));
    if (kind === "OPEN") bidders = bidders.slice(0, Math.floor(rand() * 3));
    if (kind !== "FAILED" && kind !== "OPEN" && bidders.length < minBidders) bidders = bidders.length ? bidders : candidates.slice(0, 1);
    if (kind !== "FAILED" && kind !== "OPEN") minBidders = Math.min(minBidders, bidders.length);

    const request = await tx.serviceRequest.create({
      data: {
        code,
        itemId: item.id,
        enterpriseOrgId: enterprise.orgId,
        createdById: enterprise.userId,
        title,
        description: `项目位于普陀区${place}，${project}需开展${item.name}，并按规范出具成果报告，满足相关行政审批要求。`,
        fundingSource: funding,
        priceCapFen: capFen,
        selectionMethod: method,
        scoringWeights: method === "SCORED" ? SCORED_WEIGHTS : undefined,
        minBidders,
        serviceDays,
        publicityDays: 3,
        opensAt: new Date(opensAt),
        closesAt: new Date(closesAt),
        status: "OPEN",
        drawSeed: kind === "OPEN" ? null : drawSeed,
        drawCommitment: drawSeed ? drawCommitment(drawSeed) : null,
        createdAt: new Date(opensAt - between(0.2, 6) * HOUR),
      },
    });
    await tx.announcement.create({
      data: {
        kind: "REQUEST_OPEN",
        title: `项目公告：${title}`,
        body: [
          `项目编号：${code}`,
          `服务事项：${item.name}`,
          `最高限价：${formatYuan(capFen)}`,
          `报名截止：${formatBeijingMinute(new Date(closesAt))}（北京时间）`,
          drawSeed ? `随机抽取种子承诺值（SHA-256）：${drawCommitment(drawSeed)}` : null,
        ]
          .filter(Boolean)
          .join("\n"),
        entityType: "request",
        entityId: request.id,
        data: factsData(
          "REQUEST_OPEN",
          {
            title,
            code,
            itemName: item.name,
            itemNameEn: item.nameEn,
            method,
            priceCapFen: capFen.toString(),
            closesAt: new Date(closesAt).toISOString(),
            commitment: drawSeed ? drawCommitment(drawSeed) : null,
          },
          { requestId: request.id },
        ),
        publishedAt: new Date(opensAt),
      },
    });

    const bids: (RankableBid & { orgName: string })[] = [];
    for (const a of bidders) {
      const submittedAt = new Date(opensAt + between(0.05, 0.95) * (Math.min(closesAt, now.getTime()) - opensAt));
      const amountFen = BigInt(Math.round((capYuan * between(0.55, 0.98)) / 100) * 100) * 100n;
      const days = Math.max(5, serviceDays - Math.floor(rand() * 6));
      const row = await tx.bid.create({
        data: {
          requestId: request.id,
          agencyId: a.id,
          amountFen,
          serviceDays: days,
          proposal: `${a.name}承接方案：组建专项项目组，按${item.name}技术规范开展工作，${days} 日内提交成果。`,
          submittedAt,
          createdAt: submittedAt,
        },
      });
      bids.push({ id: row.id, agencyId: a.id, amountFen, serviceDays: days, submittedAt, creditScore: 80, orgName: a.name });
    }

    const history: Record<string, string | number | null> = {
      code,
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
    };
    let status: Kind = kind;
    if (kind === "FAILED") {
      await tx.bid.updateMany({ where: { requestId: request.id }, data: { status: "LOST" } });
      await tx.serviceRequest.update({
        where: { id: request.id },
        data: { status: "FAILED", statusReason: `valid bids ${bids.length} < minimum ${minBidders}` },
      });
      await tx.announcement.create({
        data: {
          kind: "FAILED",
          title: `流标公告：${title}`,
          body: `项目编号：${code}\n有效报价 ${bids.length} 家，少于最低要求 ${minBidders} 家，本轮流标。`,
          entityType: "request",
          entityId: request.id,
          data: factsData("FAILED", { title, code, reason: "TOO_FEW_BIDS", validBids: bids.length, minBidders }, { requestId: request.id }),
          publishedAt: new Date(closesAt + 60_000),
        },
      });
    } else if (kind !== "OPEN") {
      // Selection exactly as the platform ranks; DIRECT: the enterprise's pick, usually a cheaper bid.
      let ranking: Ranked[];
      if (method === "LOWEST_PRICE") ranking = rankLowestPrice(bids);
      else if (method === "AVERAGE_PRICE") ranking = rankAveragePrice(bids);
      else if (method === "SCORED") ranking = rankScored(bids, SCORED_WEIGHTS);
      else if (method === "RANDOM_DRAW") ranking = rankRandomDraw(bids, drawSeed!);
      else {
        const byPrice = rankLowestPrice(bids);
        const chosen = byPrice[rand() < 0.7 ? 0 : Math.floor(rand() * byPrice.length)]!;
        ranking = [chosen, ...byPrice.filter((b) => b.id !== chosen.id)].map((b, i) => ({ ...b, rank: i + 1 }));
      }
      const winner = ranking[0]!;
      const winnerBid = bids.find((b) => b.id === winner.id)!;
      for (const r of ranking)
        await tx.bid.update({ where: { id: r.id }, data: { status: r.rank === 1 ? "WON" : "LOST", rank: r.rank, score: r.score ?? null } });
      awardsBy.set(winner.agencyId, (awardsBy.get(winner.agencyId) ?? 0) + 1);
      const awardAt = closesAt + (method === "DIRECT" ? pickDays * DAY : 60_000);
      const publicityEndsAt = awardAt + 3 * DAY;
      const contractedAt = publicityEndsAt + contractDays * DAY;
      const dueAt = contractedAt + serviceDays * DAY;
      const entries = ranking.map((r) => {
        const b = bids.find((x) => x.id === r.id)!;
        return {
          rank: r.rank,
          bidId: b.id,
          agencyId: b.agencyId,
          agencyName: b.orgName,
          amountFen: b.amountFen.toString(),
          serviceDays: b.serviceDays,
          submittedAt: b.submittedAt.toISOString(),
          ...(r.score !== undefined ? { score: r.score } : {}),
          ...(r.key ? { key: r.key } : {}),
        };
      });
      const draw =
        method === "RANDOM_DRAW"
          ? { commitment: drawCommitment(drawSeed!), seed: drawSeed, entrants: entries.map((e) => e.agencyId).sort() }
          : null;
      await tx.announcement.create({
        data: {
          kind: "AWARD",
          title: `中选公示：${title}`,
          body: [
            `项目编号：${code}`,
            `服务事项：${item.name}`,
            `中选机构：${winnerBid.orgName}，中选价 ${formatYuan(winnerBid.amountFen)}（最高限价 ${formatYuan(capFen)}）`,
            `公示期至：${formatBeijingMinute(new Date(publicityEndsAt))}（北京时间），期间参与竞价的机构可提出异议。`,
          ].join("\n"),
          entityType: "request",
          entityId: request.id,
          data: factsData(
            "AWARD",
            {
              title,
              code,
              itemName: item.name,
              itemNameEn: item.nameEn,
              method,
              priceCapFen: capFen.toString(),
              winnerName: winnerBid.orgName,
              amountFen: winnerBid.amountFen.toString(),
              publicityEndsAt: new Date(publicityEndsAt).toISOString(),
            },
            { requestId: request.id, ranking: entries, ...(draw ? { draw } : {}) },
          ),
          publishedAt: new Date(awardAt),
        },
      });
      await tx.announcement.create({
        data: {
          kind: "CONTRACT",
          title: `合同签订公告：${title}`,
          body: [
            `项目编号：${code}`,
            `服务事项：${item.name}`,
            `服务机构：${winnerBid.orgName}`,
            `合同金额：${formatYuan(winnerBid.amountFen)}`,
            `签订时间：${formatBeijingMinute(new Date(contractedAt))}（北京时间）`,
            `服务期限：${serviceDays} 日，至 ${formatBeijingMinute(new Date(dueAt))}（北京时间）`,
          ].join("\n"),
          entityType: "request",
          entityId: request.id,
          data: factsData(
            "CONTRACT",
            {
              title,
              code,
              itemName: item.name,
              itemNameEn: item.nameEn,
              agencyName: winnerBid.orgName,
              amountFen: winnerBid.amountFen.toString(),
              contractedAt: new Date(contractedAt).toISOString(),
              serviceDays,
              dueAt: new Date(dueAt).toISOString(),
            },
            { requestId: request.id, agencyId: winner.agencyId, bidId: winner.id },
          ),
          publishedAt: new Date(contractedAt),
        },
      });
      const deliveredAt = dueAt + deliverOffset * DAY;
      const completedAt = deliveredAt + acceptDays * DAY;
      const completed = kind === "COMPLETED";
      status = completed ? "COMPLETED" : "IN_SERVICE";
      await tx.serviceRequest.update({
        where: { id: request.id },
        data: {
          status,
          awardedBidId: winner.id,
          publicityEndsAt: new Date(publicityEndsAt),
          contractedAt: new Date(contractedAt),
          serviceStartedAt: new Date(contractedAt),
          dueAt: new Date(dueAt),
          deliveredAt: completed ? new Date(deliveredAt) : null,
          completedAt: completed ? new Date(completedAt) : null,
          drawEntrants: draw ? draw.entrants : undefined,
        },
      });
      Object.assign(history, {
        awardedAt: new Date(awardAt).toISOString(),
        winnerBidId: winner.id,
        contractedAt: new Date(contractedAt).toISOString(),
        dueAt: new Date(dueAt).toISOString(),
      });
      if (completed) {
        Object.assign(history, { deliveredAt: new Date(deliveredAt).toISOString(), completedAt: new Date(completedAt).toISOString() });
        await tx.delivery.create({
          data: {
            requestId: request.id,
            note: "成果报告已提交（历史数据：成果文件未随演示数据导入）。",
            accepted: true,
            decidedAt: new Date(completedAt),
            createdAt: new Date(deliveredAt),
          },
        });
        // About seven in ten completed engagements are rated; late ones rate lower.
        if (rand() < 0.7) {
          const ratedAt = Math.min(completedAt + between(0.1, 6) * DAY, now.getTime() - HOUR);
          const mean = late ? 2.9 : 4.3;
          const score = (bias = 0) => Math.max(1, Math.min(5, Math.round(mean + bias + (rand() - 0.5) * 1.8)));
          const s = {
            quality: score(),
            timeliness: score(late ? -0.8 : 0.2),
            attitude: score(0.2),
            feeCompliance: score(0.3),
            standards: score(),
          };
          const avg = (s.quality + s.timeliness + s.attitude + s.feeCompliance + s.standards) / 5;
          const reply = rand() < (avg < 3.5 ? 0.6 : 0.12) ? REPLIES[avg < 3.5 ? 1 + Math.floor(rand() * 2) : 0]! : null;
          await tx.rating.create({
            data: {
              requestId: request.id,
              agencyId: winner.agencyId,
              enterpriseOrgId: enterprise.orgId,
              ...s,
              text: pick(RATING_TEXT[avg >= 4 ? "good" : avg >= 3 ? "fair" : "poor"]),
              createdAt: new Date(ratedAt),
              reply,
              repliedAt: reply ? new Date(Math.min(ratedAt + between(0.5, 3) * DAY, now.getTime() - 60_000)) : null,
            },
          });
          ratings++;
        }
      }
    }
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: request.id,
      fromState: null,
      event: "IMPORT_HISTORY",
      toState: status,
      actorId: null,
      payload: { note: "演示历史数据：按原时间导入", ...history },
    });
  }

  // ── two regulator decisions on agencies other than the main demo accounts ──
  const complainant = enterprises.find((e) => e.kind === "COMPANY")!;
  const sanctions: {
    agency: Agency | undefined;
    kind: "SUSPENSION" | "WARNING";
    days?: number;
    startsAt: Date;
    endsAt: Date;
    subject: string;
    reason: string;
    evidence: string;
  }[] = [
    {
      agency: suspension.agency,
      kind: "SUSPENSION",
      days: 30,
      startsAt: suspension.from,
      endsAt: suspension.to,
      subject: "安全评价报告关键数据失实",
      reason: "该机构出具的安全预评价报告中危险源辨识数据与现场情况严重不符，经调查属实，暂停其在平台承接业务 30 日。",
      evidence: "现场核查记录、专家复核意见、报告原件比对说明",
    },
    {
      agency: byEmail("agency6@demo.zjcs.cn"),
      kind: "WARNING",
      startsAt: new Date(now.getTime() - 75 * DAY),
      endsAt: new Date(now.getTime() + 290 * DAY),
      subject: "未按合同约定期限提交成果",
      reason: "该机构承接的雷电灾害风险评估项目无正当理由逾期交付，影响项目审批进度，予以警告。",
      evidence: "合同文本、平台交付记录、项目业主情况说明",
    },
  ];
  let sanctionCount = 0;
  for (const [i, s] of sanctions.entries()) {
    if (!s.agency) continue;
    const decidedAt = new Date(s.startsAt.getTime() - 2 * DAY);
    const filedAt = new Date(decidedAt.getTime() - 20 * DAY);
    const kase = await tx.supervisionCase.create({
      data: {
        code: `JG${new Date(filedAt.getTime() + BEIJING).toISOString().slice(0, 10).replace(/-/g, "")}-H${String(i + 1).padStart(2, "0")}`,
        agencyId: s.agency.id,
        complainantUserId: complainant.userId,
        subject: s.subject,
        description: `${s.subject}。请主管部门依法调查处理。`,
        status: "FINAL",
        decision: s.kind,
        decisionReason: s.reason,
        legalBasis: LEGAL_BASIS,
        decisionEvidence: s.evidence,
        suspensionDays: s.days ?? null,
        decidedById: regulator?.id ?? null,
        decidedAt,
        appealEndsAt: new Date(decidedAt.getTime() + 15 * DAY),
        finalReason: "申诉期内未提出申诉，决定生效。",
        finalizedAt: new Date(decidedAt.getTime() + 15 * DAY),
        createdAt: filedAt,
      },
    });
    const sanction = await tx.sanction.create({
      data: {
        agencyId: s.agency.id,
        caseId: kase.id,
        kind: s.kind,
        reason: s.reason,
        legalBasis: LEGAL_BASIS,
        evidence: s.evidence,
        authority: "上海市普陀区发展和改革委员会（行业主管部门）",
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        createdAt: decidedAt,
      },
    });
    await appendAudit(tx, {
      aggregateType: "agency",
      aggregateId: s.agency.id,
      fromState: "LISTED",
      event: "IMPORT_HISTORY",
      toState: "LISTED",
      actorId: null,
      payload: {
        note: "演示历史数据：监管决定按原时间导入",
        caseId: kase.id,
        sanctionId: sanction.id,
        kind: s.kind,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
      },
    });
    sanctionCount++;
  }

  // ── denormalized counters and every agency's credit score ──
  for (const [agencyId, n] of awardsBy) await tx.agency.update({ where: { id: agencyId }, data: { awardsCount: { increment: n } } });
  const avgs = await tx.$queryRaw<{ agencyId: string; avg: number; n: number }[]>`
    SELECT "agencyId", avg((quality + timeliness + attitude + "feeCompliance" + standards) / 5.0)::float8 AS avg, count(*)::int AS n
    FROM "Rating" GROUP BY "agencyId"`;
  for (const a of avgs)
    await tx.agency.update({ where: { id: a.agencyId }, data: { ratingAvg: Math.round(a.avg * 100) / 100, ratingCount: a.n } });
  for (const a of await tx.agency.findMany({ select: { id: true }, orderBy: { id: "asc" } })) await recomputeCreditScore(tx, a.id, now);

  return { requests: total, ratings, sanctions: sanctionCount };
}
