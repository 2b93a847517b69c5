import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, hydrated } from "./helpers";
import { advanceClock, agencyName, beijingLocal, deadlineAfter, openAs, signIn, type StorageState } from "./requests-helpers";

// Ratings and supervision end to end, in Chinese, with time moved only by the
// test clock: an enterprise completes an engagement with 北京京诚水务 and rates
// it, the agency replies; the enterprise then complains about it, the regulator
// accepts the case and suspends the agency for 30 days — its open bid on
// another request is void at once, the directory drops it and the public
// credit disclosure shows the suspension; 30 days later (test clock) the
// scheduler lists it again. Before the suspension: the prior notice, the
// agency's statement and hearing (decision 033). A second test: 不予受理.

const ITEM = "ZJ-PT-009"; // 水资源论证: only agency5@ (北京京诚水务工程咨询有限公司) holds a credential covering it
const JINGCHENG = "agency5@demo.zjcs.cn";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const DAY = 86_400;

let states: Record<string, StorageState>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  states = await signIn(browser, [demo.enterprise, JINGCHENG, demo.regulator]);
});

/** The enterprise posts a DIRECT request for 水资源论证 closing `seconds` after the database clock; returns its id. */
async function post(owner: Page, title: string, seconds: number): Promise<string> {
  const now = await advanceClock(owner, 0);
  await owner.goto("/requests/new");
  await expect.poll(() => hydrated(owner)).toBe(true); // values typed before hydration can be lost
  await owner.getByLabel("服务事项").selectOption(ITEM);
  await owner.getByLabel("项目名称").fill(title);
  await owner.getByLabel("项目说明").fill("新建厂区取水工程，需编制建设项目水资源论证报告。");
  await owner.getByLabel("企业自有资金").check();
  await owner.getByLabel("直接选取", { exact: true }).check();
  await owner.getByLabel("最高限价（元）").fill("60000");
  await owner.getByLabel("报名截止时间").fill(beijingLocal(deadlineAfter(now, seconds)));
  await owner.getByLabel("服务时限（天）").fill("30");
  await owner.getByLabel("中选公示天数").fill("1");
  await owner.getByRole("button", { name: "发布", exact: true }).click();
  await expect(owner).toHaveURL(/\/requests\/[0-9a-f-]+\?published=ok$/);
  return new URL(owner.url()).pathname.split("/").pop()!;
}

async function bid(agency: Page, id: string, yuan: number) {
  await agency.goto(`/requests/${id}`);
  await expect(agency.getByText("您的机构符合本项目的报名条件。")).toBeVisible();
  await agency.getByLabel("报价（元）").fill(String(yuan));
  await agency.getByLabel("服务时限（天）").fill("25");
  await agency.getByLabel("服务方案").fill("组建论证组，现场查勘取水水源，25 日内提交水资源论证报告。");
  await agency.getByRole("button", { name: "提交报价" }).click();
  await expect(agency).toHaveURL(new RegExp(`/requests/${id}\\?bid=ok$`));
}

/** Closing → the enterprise's pick → publicity → contract → delivery → acceptance: 已完成. */
async function complete(owner: Page, agency: Page, id: string) {
  await advanceClock(owner, 10 * 60);
  await expect(async () => {
    await owner.goto(`/requests/${id}`);
    await expect(owner.getByRole("heading", { name: "选定中介机构" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await owner.getByRole("button", { name: `选定 ${agencyName(JINGCHENG)}` }).click();
  await expect(owner.getByText("已选定中介机构，进入中选公示期。")).toBeVisible();
  await advanceClock(owner, DAY + 60);
  await owner.goto(`/requests/${id}`);
  await owner.getByRole("button", { name: "确认签订合同" }).click();
  await expect(owner.getByText("已确认签订合同。")).toBeVisible();
  await agency.goto(`/requests/${id}`);
  await agency.getByRole("button", { name: "确认签订合同" }).click();
  await expect(agency.locator("#award")).toContainText("服务中");
  await agency.getByLabel("成果报告文件").setInputFiles({ name: "水资源论证报告.pdf", mimeType: "application/pdf", buffer: PDF });
  await agency.getByLabel("交付说明").fill("水资源论证报告一份。");
  // A practitioner of the roster signs the result (decision 035; the only one is ticked already).
  await agency.getByRole("group", { name: "签署成果的从业人员" }).getByRole("checkbox").first().check();
  await agency.getByRole("button", { name: "提交成果" }).click();
  await expect(agency.getByText("成果已提交，等待项目业主验收。")).toBeVisible();
  await owner.goto(`/requests/${id}`);
  await owner.getByRole("button", { name: "验收通过" }).click();
  await expect(owner.getByText("已验收通过，项目完成。")).toBeVisible();
}

async function agencyIdOf(page: Page): Promise<string> {
  await page.goto(`/agencies?q=${encodeURIComponent(agencyName(JINGCHENG))}`);
  const href = await page
    .getByRole("link", { name: agencyName(JINGCHENG) })
    .first()
    .getAttribute("href");
  return href!.split("/").pop()!;
}

async function pages(browser: Browser) {
  return {
    owner: await openAs(browser, states[demo.enterprise]!),
    agency: await openAs(browser, states[JINGCHENG]!),
    regulator: await openAs(browser, states[demo.regulator]!),
    visitor: await (await browser.newContext()).newPage(),
  };
}

test("评价与回复；投诉→暂停30日→报价失效、信用公示；期满自动恢复入驻", async ({ browser }) => {
  test.setTimeout(180_000);
  const { owner, agency, regulator, visitor } = await pages(browser);
  const stamp = Date.now();
  const name = agencyName(JINGCHENG);
  try {
    const agencyId = await agencyIdOf(visitor);

    // ── 1. A completed engagement; the enterprise rates it once, the agency replies once. ──
    const first = await post(owner, `厂区取水水资源论证·评价${stamp}`, 240);
    await bid(agency, first, 52_000);
    await complete(owner, agency, first);
    const panel = owner.locator("#rating");
    await expect(panel.getByRole("heading", { name: "评价本次服务" })).toBeVisible();
    for (const [dimension, score] of [
      ["质量", "4 分 · 较好"],
      ["时效", "2 分 · 较差"],
      ["态度", "4 分 · 较好"],
      ["收费规范", "5 分 · 很好"],
      ["服务规范", "4 分 · 较好"],
    ] as const) {
      await panel.getByRole("group", { name: dimension }).getByLabel(score).check();
    }
    const ratingText = `报告质量较好，但比约定时限晚交两天。${stamp}`;
    await panel.getByLabel("评价内容").fill(ratingText);
    await panel.getByRole("button", { name: "提交评价" }).click();
    await expect(owner.getByText("评价已提交并公开。")).toBeVisible();
    await expect(owner.locator("#rating")).toContainText(ratingText);
    await expect(owner.getByRole("button", { name: "提交评价" })).toHaveCount(0);

    await agency.goto(`/requests/${first}`);
    const reply = `感谢评价，已优化内部审核流程，确保按期交付。${stamp}`;
    await agency.locator("#rating").getByLabel("回复内容").fill(reply);
    await agency.getByRole("button", { name: "提交回复" }).click();
    await expect(agency.getByText("回复已提交并公开。")).toBeVisible();
    await expect(agency.getByRole("button", { name: "提交回复" })).toHaveCount(0);

    // Both are public on the agency's profile.
    await visitor.goto(`/agencies/${agencyId}`);
    await expect(visitor.getByText(ratingText)).toBeVisible();
    await expect(visitor.getByText(reply)).toBeVisible();

    // ── 2. An open request where the agency has a sealed bid. ──
    const second = await post(owner, `厂区扩建水资源论证·投诉${stamp}`, 20 * DAY);
    await bid(agency, second, 50_000);
    await owner.goto(`/requests/${second}`);
    await expect(owner.getByTestId("bid-count")).toHaveText("已收到 1 份报价（金额截止后公开）");

    // ── 3. The enterprise files a complaint with evidence. ──
    await owner.goto(`/agencies/${agencyId}`);
    await owner.getByRole("link", { name: "投诉该机构" }).click();
    await expect(owner).toHaveURL(new RegExp(`/cases/new\\?agency=${agencyId}$`));
    await owner.getByLabel("投诉事项").fill("出具的水资源论证报告数据与现场不符");
    await owner
      .getByLabel("事实与理由")
      .fill(`项目 ${first} 的论证报告中取水量测算引用了其他项目的监测数据，与现场实测不符，请主管部门依法处理。`);
    await owner.getByLabel("证据材料").setInputFiles({ name: "现场实测记录.pdf", mimeType: "application/pdf", buffer: PDF });
    await owner.getByRole("button", { name: "提交投诉" }).click();
    await expect(owner.getByText(/投诉已提交，案件编号 TS\d{8}-\d{4}。/)).toBeVisible();
    const caseUrl = owner.url();
    const code = (((await owner.getByText(/投诉已提交，案件编号/).textContent()) ?? "").match(/TS\d{8}-\d{4}/) ?? [""])[0];

    // The agency learns of the complaint, never who filed it.
    await agency.goto(caseUrl);
    await expect(agency.getByText("出具的水资源论证报告数据与现场不符")).toBeVisible();
    await expect(agency.locator("main")).not.toContainText("上海普陀城市发展投资有限公司");

    // ── 4. The regulator accepts it and, before suspending, sends the prior notice (事先告知, decision 033). ──
    await regulator.goto("/cases?status=OPEN");
    await regulator.getByRole("link", { name: code }).click();
    await regulator.getByRole("button", { name: "受理并开始审查" }).click();
    await expect(regulator.getByText("已受理，案件进入审查。")).toBeVisible();
    const facts = "经核查，该机构出具的水资源论证报告引用与本项目无关的监测数据，报告结论失实。";
    const noticeForm = regulator.getByRole("region", { name: "事先告知（暂停、清退、列入严重失信名单）" });
    await noticeForm.getByLabel("拟作出的处罚").selectOption({ label: "暂停入驻" });
    await noticeForm.getByLabel("违法事实与理由").fill(facts);
    await noticeForm.getByLabel("法律依据", { exact: true }).fill("《建设项目水资源论证管理办法》第十四条");
    await noticeForm.getByLabel("证据", { exact: true }).fill("现场实测记录；论证报告第 3.2 节");
    await noticeForm.getByLabel("暂停天数").fill("30");
    await noticeForm.getByRole("button", { name: "发出事先告知" }).click();
    await expect(regulator.getByText("事先告知已发出。")).toBeVisible();
    // Nothing is imposed yet: no decision form while the agency's period runs.
    await expect(regulator.getByRole("button", { name: "作出决定" })).toHaveCount(0);

    // The agency is told; it states its case and requests a hearing.
    await agency.goto("/dashboard");
    const prior = agency.getByRole("listitem").filter({ hasText: `主管部门就案件 ${code} 拟对本机构作出「暂停入驻」` });
    await expect(prior).toBeVisible();
    await prior.getByRole("link", { name: "查看" }).click();
    await expect(agency.getByRole("region", { name: "行政处罚事先告知" })).toContainText(facts);
    await agency.getByLabel("陈述、申辩意见").fill("监测数据系业主提供，本机构已复测，偏差在允许范围内，请求不予处罚。");
    await agency.getByRole("button", { name: "提交陈述、申辩" }).click();
    await expect(agency.getByText("陈述、申辩意见已提交。")).toBeVisible();
    await agency.getByRole("button", { name: "要求听证" }).click();
    await expect(agency.getByText("听证申请已提交。")).toBeVisible();

    // The regulator sets the hearing eight days ahead; after it, records it and decides, answering the agency.
    const now = await advanceClock(regulator, 0);
    await regulator.goto(caseUrl.replace(/\?.*$/, ""));
    await regulator.getByLabel("听证时间（北京时间）").fill(beijingLocal(new Date(now.getTime() + 8 * DAY * 1000)));
    await regulator.getByLabel("听证地点").fill("区水务局三楼听证室");
    await regulator.getByRole("button", { name: "通知听证" }).click();
    await expect(regulator.getByText("已通知听证时间和地点。")).toBeVisible();
    await advanceClock(regulator, 8 * DAY + 600);
    await regulator.reload();
    await regulator.getByRole("textbox", { name: "听证笔录", exact: true }).fill("机构称监测数据由业主提供，但未能出示复测原始记录。");
    await regulator.getByRole("button", { name: "记录听证笔录" }).click();
    await expect(regulator.getByText("听证笔录已记录。")).toBeVisible();
    const decideForm = regulator.getByRole("region", { name: "作出决定" });
    await decideForm.getByLabel("决定类型").selectOption({ label: "暂停入驻" });
    await decideForm.getByLabel("事实与理由").fill(facts);
    await decideForm.getByLabel("法律依据", { exact: true }).fill("《建设项目水资源论证管理办法》第十四条");
    await decideForm.getByLabel("证据", { exact: true }).fill("现场实测记录；论证报告第 3.2 节；听证笔录");
    await decideForm.getByLabel("暂停天数").fill("30");
    await decideForm.getByLabel("对陈述、申辩及听证意见的采纳情况及理由").fill("机构未能提供复测原始记录，申辩意见不予采纳。");
    await decideForm.getByRole("button", { name: "作出决定" }).click();
    await expect(regulator.getByText("已作出决定，相关措施已生效。")).toBeVisible();

    // The agency is told, with the way to appeal; the notice opens the case.
    await agency.goto("/dashboard");
    const notice = agency.getByRole("listitem").filter({ hasText: `主管部门就案件 ${code} 对本机构作出决定：暂停入驻` });
    await expect(notice).toBeVisible();
    await notice.getByRole("link", { name: "查看" }).click();
    await expect(agency).toHaveURL(caseUrl.replace(/\?.*$/, ""));
    await expect(agency.getByRole("heading", { name: "申请复核" })).toBeVisible();

    // ── 5. Effects: the open bid is void, the agency is out of the directory and cannot bid. ──
    await owner.goto(`/requests/${second}`);
    await expect(owner.getByTestId("bid-count")).toHaveText("已收到 0 份报价（金额截止后公开）");
    await agency.goto(`/requests/${second}`);
    await expect(agency.getByText("机构已被主管部门暂停，报价作废")).toBeVisible();
    await expect(agency.getByRole("button", { name: "提交报价" })).toHaveCount(0);
    await visitor.goto(`/agencies?q=${encodeURIComponent(name)}`);
    await expect(visitor.getByRole("link", { name })).toHaveCount(0);
    await visitor.goto(`/agencies/${agencyId}`);
    await expect(visitor.locator("main")).toContainText("暂停");

    // ── 6. The public credit disclosure shows it, in force. ──
    await visitor.goto(`/credit?q=${encodeURIComponent(name)}`);
    const entry = visitor.locator("li, article, tr").filter({ hasText: code }).first();
    await expect(entry).toContainText("暂停入驻");
    await expect(entry).toContainText("生效中");
    await expect(entry).toContainText("《建设项目水资源论证管理办法》第十四条");

    // ── 7. Thirty days later (test clock) the scheduler lists it again. ──
    await advanceClock(owner, 30 * DAY + 120);
    await expect(async () => {
      await visitor.goto(`/agencies?q=${encodeURIComponent(name)}`);
      await expect(visitor.getByRole("link", { name }).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await visitor.goto(`/credit?q=${encodeURIComponent(name)}`);
    await expect(visitor.locator("li, article, tr").filter({ hasText: code }).first()).toContainText("已期满");
  } finally {
    for (const page of [owner, agency, regulator, visitor]) await page.context().close();
  }
});

test("投诉不予受理：投诉人看到理由，案件终结", async ({ browser }) => {
  const { owner, agency, regulator, visitor } = await pages(browser);
  try {
    const agencyId = await agencyIdOf(visitor);
    await owner.goto(`/cases/new?agency=${agencyId}`);
    await owner.getByLabel("投诉事项").fill("收费高于同行");
    await owner.getByLabel("事实与理由").fill("该机构的报价明显高于其他机构，请主管部门处理。");
    await owner.getByRole("button", { name: "提交投诉" }).click();
    await expect(owner.getByText(/投诉已提交，案件编号 TS\d{8}-\d{4}。/)).toBeVisible();
    const caseUrl = owner.url().replace(/\?.*$/, "");
    const reason = "中介服务收费实行市场调节价，报价高低不属于本部门受理范围。";
    await regulator.goto(caseUrl);
    await regulator.getByRole("button", { name: "不予受理" }).click();
    await expect(regulator.getByRole("region", { name: "不予受理" }).getByText("请填写此项", { exact: true })).toBeVisible();
    await regulator.getByLabel("不予受理理由").fill(reason);
    await regulator.getByRole("button", { name: "不予受理" }).click();
    await expect(regulator.getByText("已决定不予受理，投诉人和被投诉机构将收到通知。")).toBeVisible();
    await owner.goto(caseUrl);
    await expect(owner.getByRole("region", { name: "不予受理" })).toContainText(reason);
    await agency.goto("/dashboard");
    await expect(agency.getByText(/针对本机构的投诉 TS\d{8}-\d{4} 不予受理。/).first()).toBeVisible();
  } finally {
    for (const page of [owner, agency, regulator, visitor]) await page.context().close();
  }
});
