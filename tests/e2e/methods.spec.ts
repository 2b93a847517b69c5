import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo } from "./helpers";
import {
  advanceClock,
  agencyName,
  beijingLocal,
  deadlineAfter,
  drawKey,
  expectAveragePrice,
  expectDraw,
  expectLowestPrice,
  expectScored,
  fenOf,
  openAs,
  sha256Hex,
  signIn,
  yuan,
  type PlacedBid,
  type StorageState,
  type Weights,
} from "./requests-helpers";

// Every selection method end to end, in Chinese, with time moved only by the
// test clock (POST /__test/clock): an enterprise posts a 土地勘测 request,
// three listed agencies bid under seal, bidding closes, the award names the
// winner the method demands (recomputed here from the bids placed), the
// runner-up objects and the regulator dismisses it, publicity ends, both sides
// confirm the contract, the winner delivers a PDF and the enterprise accepts:
// 已完成. Each case has its own request; nothing depends on global counts.

const ITEM = "ZJ-PT-001"; // 土地勘测: agency@, agency3@ and agency7@ hold credentials covering it (seeds/demo-data.ts)
const HUACE = "agency@demo.zjcs.cn"; // 上海华测勘察设计有限公司
const SUDI = "agency3@demo.zjcs.cn"; // 江苏苏地地质工程有限公司
const MINGYUAN = "agency7@demo.zjcs.cn"; // 上海市普陀区明远房产测绘服务部 (个体工商户)
const CAP_YUAN = 80_000;
const SERVICE_DAYS = 20;
const PUBLICITY_DAYS = 1;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

type Method = "DIRECT" | "LOWEST_PRICE" | "RANDOM_DRAW" | "SCORED" | "AVERAGE_PRICE";
type Case = {
  method: Method;
  label: string; // the radio button on the posting form, as shown in Chinese
  bids: { email: string; yuan: number; days: number }[]; // placed in this order
  weights?: Weights; // SCORED: typed into the form, then read back from the published request
  pick?: string; // DIRECT: the agency the enterprise chooses
  winner?: string; // where the outcome is deterministic: a cross-check of the recomputation itself
};

const cases: Case[] = [
  // The enterprise freely picks the dearest bid but the fastest service.
  {
    method: "DIRECT",
    label: "直接选取",
    pick: MINGYUAN,
    winner: MINGYUAN,
    bids: [
      { email: HUACE, yuan: 72_000, days: 15 },
      { email: SUDI, yuan: 70_000, days: 18 },
      { email: MINGYUAN, yuan: 75_000, days: 12 },
    ],
  },
  // Lowest wins: 68,000.
  {
    method: "LOWEST_PRICE",
    label: "竞价选取",
    winner: SUDI,
    bids: [
      { email: HUACE, yuan: 72_000, days: 15 },
      { email: SUDI, yuan: 68_000, days: 18 },
      { email: MINGYUAN, yuan: 70_000, days: 12 },
    ],
  },
  // Whoever SHA-256(seed ‖ agencyId) puts first.
  {
    method: "RANDOM_DRAW",
    label: "随机抽取",
    bids: [
      { email: HUACE, yuan: 71_000, days: 15 },
      { email: SUDI, yuan: 73_000, days: 15 },
      { email: MINGYUAN, yuan: 69_000, days: 15 },
    ],
  },
  // Price 40 / credit 20 / service time 40: the fastest bid wins although it is not the cheapest.
  {
    method: "SCORED",
    label: "综合评价",
    winner: MINGYUAN,
    weights: { price: 40, credit: 20, days: 40 },
    bids: [
      { email: HUACE, yuan: 70_000, days: 20 },
      { email: SUDI, yuan: 65_000, days: 18 },
      { email: MINGYUAN, yuan: 72_000, days: 10 },
    ],
  },
  // Mean 68,000: 67,000 is closest without being above it (neither the lowest nor the highest).
  {
    method: "AVERAGE_PRICE",
    label: "均价比选",
    winner: HUACE,
    bids: [
      { email: HUACE, yuan: 67_000, days: 15 },
      { email: SUDI, yuan: 77_000, days: 18 },
      { email: MINGYUAN, yuan: 60_000, days: 12 },
    ],
  },
];

let states: Record<string, StorageState>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  states = await signIn(browser, [demo.enterprise, HUACE, SUDI, MINGYUAN, demo.regulator]);
});

for (const c of cases) {
  test(`${c.label}（${c.method}）：发布、三家报价、截止选取、异议被驳回、公示期满、签约、交付、验收完成`, async ({ browser }) => {
    test.setTimeout(90_000);
    await walkRequest(browser, c);
  });
}

type ResultRow = { rank: number; name: string; agencyId: string; amountFen: bigint; days: number; score: number | null };

/** The public bid table of a closed request ("报价结果"), in rank order. */
async function readResults(page: Page, scored: boolean): Promise<ResultRow[]> {
  const rows = page.locator('section[aria-labelledby="result-title"] tbody tr');
  const raw = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll(":scope > td")].map((td) => (td.textContent ?? "").trim());
      const link = tr.querySelector('a[href^="/agencies/"]');
      return { cells, name: (link?.textContent ?? "").trim(), href: link?.getAttribute("href") ?? "" };
    }),
  );
  return raw.map((r) => ({
    rank: Number(r.cells[0]),
    name: r.name,
    agencyId: r.href.split("/").pop()!,
    amountFen: fenOf(r.cells[2]!),
    days: Number(r.cells[3]),
    score: scored ? Number(r.cells[4]) : null,
  }));
}

/** Reloads until the award panel appears: the request has closed (the clock route or the scheduler closed it). */
async function waitUntilClosed(page: Page, id: string) {
  await expect(async () => {
    await page.goto(`/requests/${id}`);
    await expect(page.locator("#award")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

async function walkRequest(browser: Browser, c: Case) {
  const stamp = Date.now();
  const title = `真如地块土地勘测定界·${c.label}${stamp}`;
  const owner = await openAs(browser, states[demo.enterprise]!);
  const regulator = await openAs(browser, states[demo.regulator]!);
  const agencies = new Map<string, Page>();
  for (const b of c.bids) agencies.set(b.email, await openAs(browser, states[b.email]!));
  const pageOf = (name: string) => {
    const bid = c.bids.find((b) => agencyName(b.email) === name);
    if (!bid) throw new Error(`no bidder named ${name}`);
    return agencies.get(bid.email)!;
  };

  try {
    // ── 1. The enterprise posts the request; the deadline is set from the database clock. ──
    const now = await advanceClock(owner, 0);
    const closesAt = deadlineAfter(now, 240); // room for three bids on a busy machine; the clock jumps over the rest
    await owner.goto("/requests/new");
    // Hydrated: fields of the price mode not chosen are hidden (all are shown without JavaScript).
    await expect(owner.getByLabel("基准价（元）")).toHaveCount(0);
    await owner.getByLabel("服务事项").selectOption(ITEM);
    await owner.getByLabel("项目名称").fill(title);
    await owner.getByLabel("项目说明").fill("项目位于普陀区真如镇，需进行土地勘测定界并出具勘测定界报告。");
    await owner.getByLabel("企业自有资金").check();
    await owner.getByLabel(c.label, { exact: true }).check();
    await owner.getByLabel("最高限价（元）").fill(String(CAP_YUAN));
    if (c.weights) {
      await owner.getByLabel("价格权重").fill(String(c.weights.price));
      await owner.getByLabel("信用权重").fill(String(c.weights.credit));
      await owner.getByLabel("服务时限权重").fill(String(c.weights.days));
    }
    await owner.getByLabel("报名截止时间").fill(beijingLocal(closesAt));
    await owner.getByLabel("服务时限（天）").fill(String(SERVICE_DAYS));
    await owner.getByLabel("中选公示天数").fill(String(PUBLICITY_DAYS));
    await owner.getByRole("button", { name: "发布", exact: true }).click();
    await expect(owner).toHaveURL(/\/requests\/[0-9a-f-]+\?published=ok$/);
    const id = new URL(owner.url()).pathname.split("/").pop()!;
    await expect(owner.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(owner.getByText("报名/竞价中")).toBeVisible();

    let weights: Weights | null = null;
    if (c.method === "SCORED") {
      // The weights are published on the request; the scores below use what the page says.
      const text = (await owner.getByText(/^评分权重：/).textContent()) ?? "";
      const m = text.match(/价格 (\d+)，信用 (\d+)，服务时限 (\d+)/);
      expect(m, text).not.toBeNull();
      weights = { price: Number(m![1]), credit: Number(m![2]), days: Number(m![3]) };
      expect(weights).toEqual(c.weights);
    }
    let commitment = "";
    if (c.method === "RANDOM_DRAW") {
      // Published at opening, before anyone bids.
      commitment = ((await owner.getByTestId("draw-commitment").textContent()) ?? "").trim();
      expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    }

    // ── 2. Three listed agencies bid under seal. ──
    for (const b of c.bids) {
      const page = agencies.get(b.email)!;
      await page.goto(`/requests/${id}`);
      await expect(page.getByText("您的机构符合本项目的报名条件。")).toBeVisible();
      await page.getByLabel("报价（元）").fill(String(b.yuan));
      await page.getByLabel("服务时限（天）").fill(String(b.days));
      await page.getByLabel("服务方案").fill(`组织注册测绘师现场勘测，${b.days} 日内提交勘测定界报告。`);
      await page.getByRole("button", { name: "提交报价" }).click();
      await expect(page).toHaveURL(new RegExp(`/requests/${id}\\?bid=ok$`));
      await expect(page.getByTestId("own-amount")).toHaveText(yuan(BigInt(b.yuan) * 100n));
    }
    await owner.goto(`/requests/${id}`);
    await expect(owner.getByTestId("bid-count")).toHaveText(`已收到 ${c.bids.length} 份报价（金额截止后公开）`);

    // ── 3. Bidding closes: the clock moves past the deadline and due work runs. ──
    await advanceClock(owner, (closesAt.getTime() - now.getTime()) / 1000 + 1);
    await waitUntilClosed(owner, id);

    if (c.method === "DIRECT") {
      // Nothing is selected automatically: the enterprise chooses among the valid bids.
      await expect(owner.locator("#award")).toContainText("已截止");
      await expect(owner.getByRole("heading", { name: "选定中介机构" })).toBeVisible();
      await owner.getByRole("button", { name: `选定 ${agencyName(c.pick!)}` }).click();
      await expect(owner.getByText("已选定中介机构，进入中选公示期。")).toBeVisible();
    }
    await expect(owner.locator("#award")).toContainText("中选公示中");

    // ── 4. The ranking the method demands, recomputed from the bids placed. ──
    const rows = await readResults(owner, c.method === "SCORED");
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    const placed: PlacedBid[] = c.bids.map((b) => {
      const row = rows.find((r) => r.name === agencyName(b.email));
      expect(row, `${agencyName(b.email)} in the bid table`).toBeTruthy();
      expect(row!.amountFen).toBe(BigInt(b.yuan) * 100n);
      expect(row!.days).toBe(b.days);
      return { name: row!.name, amountFen: row!.amountFen, days: row!.days };
    });
    let expected: string[];
    switch (c.method) {
      case "DIRECT": {
        const picked = agencyName(c.pick!);
        expected = [picked, ...expectLowestPrice(placed.filter((p) => p.name !== picked))];
        break;
      }
      case "LOWEST_PRICE":
        expected = expectLowestPrice(placed);
        break;
      case "AVERAGE_PRICE":
        expected = expectAveragePrice(placed);
        break;
      case "SCORED": {
        // Credit scores as published on each agency's public page.
        for (const p of placed) {
          await regulator.goto(`/agencies/${rows.find((r) => r.name === p.name)!.agencyId}`);
          await expect(regulator.getByRole("heading", { level: 1, name: p.name })).toBeVisible();
          p.credit = Number(
            (
              (await regulator
                .locator("dt")
                .filter({ hasText: /^信用分$/ })
                .locator("xpath=following-sibling::dd[1]")
                .textContent()) ?? ""
            ).trim(),
          );
          expect(p.credit).toBeGreaterThanOrEqual(0);
        }
        const scores = expectScored(placed, weights!);
        for (const s of scores) expect(rows.find((r) => r.name === s.name)!.score, `score of ${s.name}`).toBeCloseTo(s.score, 2);
        expected = scores.map((s) => s.name);
        break;
      }
      case "RANDOM_DRAW": {
        // The seed and the frozen entrants are published after closing; recompute the draw here.
        const draw = owner.locator('section[aria-labelledby="draw-title"]');
        await expect(draw.getByTestId("draw-verdict")).toHaveText("复核通过：种子与发布时的承诺值一致，排名由种子和入围名单算出。");
        const seed = (
          (await draw
            .locator("dt")
            .filter({ hasText: /^种子$/ })
            .locator("xpath=following-sibling::dd[1]")
            .textContent()) ?? ""
        ).trim();
        expect(seed).toMatch(/^[0-9a-f]{64}$/);
        expect(sha256Hex(seed), "the seed matches the commitment published at opening").toBe(commitment);
        const entrants = (await draw.locator("ol > li").allTextContents()).map((line) => {
          const [agencyId, key] = line.split("→").map((s) => s.trim());
          expect(key, `published key of ${agencyId}`).toBe(drawKey(seed, agencyId!));
          return agencyId!;
        });
        expect([...entrants].sort()).toEqual(rows.map((r) => r.agencyId).sort());
        const nameOf = new Map(rows.map((r) => [r.agencyId, r.name]));
        expected = expectDraw(seed, entrants).map((agencyId) => nameOf.get(agencyId)!);
        break;
      }
    }
    expect(rows.map((r) => r.name)).toEqual(expected);
    const winner = expected[0]!;
    if (c.winner) expect(winner).toBe(agencyName(c.winner));
    const winnerFen = rows[0]!.amountFen;
    const runnerUp = expected[1]!;
    const award = owner.locator('section[aria-labelledby="award-result"]');
    await expect(award).toContainText(winner);
    await expect(award).toContainText(yuan(winnerFen));

    // ── 5. The public award announcement names the same winner and ranking. ──
    await owner.getByRole("link", { name: "查看中选公告" }).click();
    await expect(owner).toHaveURL(/\/announcements\/[0-9a-f-]+$/);
    await expect(owner.getByRole("heading", { level: 1, name: `中选公示：${title}` })).toBeVisible();
    await expect(
      owner.getByText(`中选机构：${winner}，中选价 ${yuan(winnerFen)}（最高限价 ${yuan(BigInt(CAP_YUAN) * 100n)}）`),
    ).toBeVisible();
    const announced = await owner
      .locator('section[aria-labelledby="ranking-title"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr.querySelector('a[href^="/agencies/"]')?.textContent ?? "").trim()));
    expect(announced).toEqual(expected);
    if (c.method === "RANDOM_DRAW") {
      await expect(owner.getByTestId("draw-verdict")).toHaveText("复核通过：种子与发布时的承诺值一致，排名由种子和入围名单算出。");
      await expect(owner.getByText(commitment).first()).toBeVisible();
    }

    // ── 6. The runner-up objects during publicity; the regulator dismisses it with a reason. ──
    const objector = pageOf(runnerUp);
    await objector.goto(`/requests/${id}`);
    await objector.getByLabel("异议事由").fill("本机构认为中选结果与公布的选取规则不符，请主管部门复核排名依据。");
    await objector.getByRole("button", { name: "提交异议" }).click();
    await expect(objector.getByText("异议已提交，主管部门处理后将公开结果。")).toBeVisible();
    await expect(objector.locator("#award")).toContainText("待处理");

    await regulator.goto("/regulator/objections");
    const card = regulator.getByRole("listitem").filter({ has: regulator.getByRole("heading", { name: title }) });
    await expect(card).toContainText(runnerUp);
    await expect(card).toContainText(`${winner} · ${yuan(winnerFen)}`);
    await card.getByLabel("处理理由").fill("经核查，选取过程符合公布的规则，排名计算无误，异议理由不成立。");
    await card.getByLabel("法律依据").fill("本项目公告公布的选取规则第三条");
    await card.getByLabel("证据").fill("报价记录与排名计算复核表");
    await card.getByRole("button", { name: "异议不成立" }).click();
    await expect(regulator.getByText("已作出异议处理决定。 异议不成立")).toBeVisible();
    await expect(regulator.getByRole("heading", { name: title })).toHaveCount(0);

    // ── 7. The publicity period passes (test clock); both sides confirm the contract. ──
    await advanceClock(owner, PUBLICITY_DAYS * 86_400 + 60);
    await owner.goto(`/requests/${id}`);
    await expect(owner.locator("#award")).toContainText("异议不成立");
    await expect(owner.locator("#award")).toContainText("本项目公告公布的选取规则第三条");
    await expect(owner.locator("#award")).toContainText("公示期已于");
    await owner.getByRole("button", { name: "确认签订合同" }).click();
    await expect(owner.getByText("已确认签订合同。")).toBeVisible();

    const agency = pageOf(winner);
    await agency.goto(`/requests/${id}`);
    await expect(agency.getByText("中选 · 排名第 1")).toBeVisible();
    await agency.getByRole("button", { name: "确认签订合同" }).click();
    await expect(agency.getByText("已确认签订合同。")).toBeVisible();
    await expect(agency.locator("#award")).toContainText("服务中");

    // ── 8. The winner delivers its report (a PDF); the enterprise accepts: 已完成. ──
    await agency.getByLabel("成果报告文件").setInputFiles({ name: "勘测定界报告.pdf", mimeType: "application/pdf", buffer: PDF });
    await agency.getByLabel("交付说明").fill("勘测定界报告一份，含界址点坐标成果表。");
    // A practitioner of the roster signs the result (decision 035; the only one is ticked already).
    await agency.getByRole("group", { name: "签署成果的从业人员" }).getByRole("checkbox").first().check();
    await agency.getByRole("button", { name: "提交成果" }).click();
    await expect(agency.getByText("成果已提交，等待项目业主验收。")).toBeVisible();

    await owner.goto(`/requests/${id}`);
    await expect(owner.getByRole("link", { name: "下载 勘测定界报告.pdf" })).toBeVisible();
    await owner.getByRole("button", { name: "验收通过" }).click();
    await expect(owner.getByText("已验收通过，项目完成。")).toBeVisible();
    await expect(owner.locator("article > header")).toContainText("已完成");
    await expect(owner.locator("#award")).toContainText(/项目已于 .+ 验收完成。/);

    await owner.goto(`/requests?q=${encodeURIComponent(title)}`);
    await expect(owner.getByRole("row").filter({ hasText: title })).toContainText("已完成");
  } finally {
    for (const page of [owner, regulator, ...agencies.values()]) await page.context().close();
  }
}
