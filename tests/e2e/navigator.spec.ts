import { expect, test } from "@playwright/test";
import { expectClean, scan } from "./axe";
import { demo } from "./helpers";
import { openAs, signIn, type StorageState } from "./requests-helpers";

// 产业项目中介服务目录 end to end, in Chinese, without JavaScript (decision 039): the
// catalogue admin adds a rule for one industrial block (a bad order is answered at the
// field), the public 目录 and the navigator show it with the time the rules changed; an
// enterprise follows its project in that block, the admin retires the rule, and the
// enterprise finds the notification on its dashboard, then unfollows.

test.use({ javaScriptEnabled: false });

const BLOCK = "真如城市副中心";
const PROJECT = "真如副中心新建研发楼";
let states: Record<string, StorageState>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  states = await signIn(browser, [demo.admin, demo.enterprise]);
});

async function blockOption(page: import("@playwright/test").Page, select: string): Promise<string> {
  return (await page.locator(`select[name="${select}"] option`, { hasText: BLOCK }).textContent())!.trim();
}

test("目录管理员按产业区块新增规则，企业关注项目，规则废止时收到通知", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await openAs(browser, states[demo.admin]!);
  await admin.goto("/admin/navigator-rules");
  await expect(admin.getByRole("heading", { name: "导航规则管理", level: 1 })).toBeVisible();
  await admin.getByLabel("事项编码").fill("ZJ-PT-007");
  await admin.getByLabel("产业区块", { exact: true }).selectOption({ label: await blockOption(admin, "zone") });
  await admin.getByLabel("阶段内次序").fill("第一");
  await admin.getByLabel("工业项目", { exact: true }).check();
  await admin.getByLabel("说明（中文）").fill("副中心工业项目须做气候可行性论证");
  await admin.getByLabel("变更理由").fill("真如副中心产业规划调整");
  await admin.getByRole("button", { name: "新增规则" }).click();
  await expect(admin.getByText("请填写 1–999 的整数。")).toBeVisible();
  await expect(admin.getByLabel("事项编码")).toHaveValue("ZJ-PT-007");
  await admin.getByLabel("阶段内次序").fill("15");
  await admin.getByLabel("工业项目", { exact: true }).check();
  await admin.getByRole("button", { name: "新增规则" }).click();
  await expect(admin.getByText("规则已新增。")).toBeVisible();

  // The published 目录 lists it under the block, and says when the rules changed (Beijing time).
  const anon = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await anon.goto("/navigator/rules");
  await expect(anon.getByTestId("rules-updated")).toContainText(/规则更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
  const block = anon.locator("section", { has: anon.getByRole("heading", { name: new RegExp(`产业区块：.*${BLOCK}`) }) });
  await expect(block.locator('tr[data-item="ZJ-PT-007"]')).toContainText("副中心工业项目须做气候可行性论证");

  // The enterprise describes its project in the block, sees the item, and follows the project.
  const ent = await openAs(browser, states[demo.enterprise]!);
  await ent.goto("/navigator");
  await ent.getByLabel("行业类型").selectOption({ label: "工业项目" });
  await ent.getByLabel("项目所在区域（区域评估）").selectOption({ label: await blockOption(ent, "zone") });
  await ent.getByRole("button", { name: "生成清单" }).click();
  await expect(ent.locator('tr[data-item="ZJ-PT-007"]')).toContainText("说明：副中心工业项目须做气候可行性论证");
  await ent.getByLabel("项目名称").fill(PROJECT);
  await ent.getByRole("button", { name: "关注项目" }).click();
  await expect(ent.getByText("已关注项目。")).toBeVisible();
  await expect(ent.locator(`tr[data-project="${PROJECT}"]`)).toContainText(BLOCK);

  // The admin retires the rule; the enterprise is told, naming the project and the item.
  await admin.goto("/admin/navigator-rules");
  await admin.getByRole("link", { name: new RegExp(`修改 ZJ-PT-007（.*${BLOCK}）的规则`) }).click();
  await admin.getByRole("region", { name: "废止这条规则" }).getByLabel("变更理由").fill("并入全区规则");
  await admin.getByRole("button", { name: "废止规则" }).click();
  await expect(admin.getByText("规则已废止。")).toBeVisible();
  await ent.goto("/dashboard");
  await expect(ent.getByText(`您关注的项目“${PROJECT}”的清单有变化：事项 ZJ-PT-007 气候可行性论证 的适用规则已废止。`)).toBeVisible();

  await ent.goto("/navigator/projects");
  await ent.getByRole("button", { name: `取消关注“${PROJECT}”` }).click();
  await expect(ent.getByText("已取消关注。")).toBeVisible();
  await expect(ent.locator(`tr[data-project="${PROJECT}"]`)).toHaveCount(0);
});

test("导航规则页面无严重无障碍问题", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext({ javaScriptEnabled: true, storageState: states[demo.admin] })).newPage();
  expectClean(await scan(admin, ["/navigator/rules", "/admin/navigator-rules", "/navigator?industry=INDUSTRIAL&govFunded=YES"]));
  const ent = await (await browser.newContext({ javaScriptEnabled: true, storageState: states[demo.enterprise] })).newPage();
  expectClean(await scan(ent, ["/navigator/projects"]));
});
