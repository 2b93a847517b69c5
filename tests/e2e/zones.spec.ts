import { expect, test } from "@playwright/test";
import { expectClean, scan } from "./axe";
import { demo } from "./helpers";
import { openAs, signIn, type StorageState } from "./requests-helpers";

// 区域评估 end to end, in Chinese, without JavaScript: the regulator records a
// result for a seeded zone (a validity ending before its issue date is answered at
// the field), the public reads it and downloads the report, and an enterprise
// posting that item for a project in the zone is refused at the zone field with a
// link to the result (the district's default setting, REFUSE); the project navigator
// shows the item as exempt for a project in the zone.

test.use({ javaScriptEnabled: false });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
let states: Record<string, StorageState>;
let zonePath = "";

test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  states = await signIn(browser, [demo.regulator, demo.enterprise]);
});

test("监管部门录入区域评估结果，公众可查看下载，区域内企业发布已覆盖事项被拒绝", async ({ browser }) => {
  test.setTimeout(180_000);
  const reg = await openAs(browser, states[demo.regulator]!);
  await reg.goto("/zones");
  await expect(reg.getByRole("heading", { name: "区域评估", exact: true })).toBeVisible();
  await reg.getByRole("link", { name: "长征镇中环产业园" }).click();
  zonePath = new URL(reg.url()).pathname;

  await reg.getByLabel("评估事项").selectOption({ label: "ZJ-PT-010 雷电灾害风险评估" });
  await reg.getByLabel("出具单位").fill("上海市防雷中心");
  await reg.getByLabel("出具日期").fill("2026-03-01");
  await reg.getByLabel("有效期至").fill("2026-02-01");
  await reg.getByLabel(/评估成果文件/).setInputFiles({ name: "雷电灾害风险区域评估报告.pdf", mimeType: "application/pdf", buffer: PDF });
  await reg.getByRole("button", { name: "录入评估结果" }).click();
  await expect(reg.getByText("有效期截止日期不得早于出具日期。")).toBeVisible();
  await expect(reg.getByLabel("出具单位")).toHaveValue("上海市防雷中心");

  await reg.getByLabel("出具日期").fill("2024-03-01");
  await reg.getByLabel("有效期至").fill("2099-12-31");
  await reg.getByLabel(/评估成果文件/).setInputFiles({ name: "雷电灾害风险区域评估报告.pdf", mimeType: "application/pdf", buffer: PDF });
  await reg.getByRole("button", { name: "录入评估结果" }).click();
  await expect(reg.getByText("评估结果已录入并公开。")).toBeVisible();

  // The public reads the result with its validity in Beijing time and downloads the report.
  const anon = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await anon.goto(zonePath);
  const row = anon.locator('tr[data-item="ZJ-PT-010"]');
  await expect(row).toContainText("2024-03-01 至 2099-12-31");
  await expect(row).toContainText("有效");
  const download = anon.waitForEvent("download");
  await row.getByRole("link", { name: /下载/ }).click();
  expect((await download).suggestedFilename()).toBe("雷电灾害风险区域评估报告.pdf");
  await expect(anon.getByRole("heading", { name: "录入评估结果" })).toHaveCount(0);

  // 项目导航: an industrial project in the zone needs the lightning risk assessment, which the zone's result exempts.
  await anon.goto("/navigator");
  await anon.getByLabel("行业类型").selectOption({ label: "工业项目" });
  await anon.getByLabel("项目所在区域（区域评估）").selectOption({ label: await zoneOption(anon, "zone") });
  await anon.getByRole("button", { name: "生成清单" }).click();
  await expect(anon.locator('tr[data-item="ZJ-PT-010"]')).toContainText("已区域评估，免于采购（上海市防雷中心");
  await expect(anon.locator('tr[data-item="ZJ-PT-001"]')).toContainText("—");
  // Each item still to buy is one step from the posting form, item and zone chosen (after signing in).
  await expect(anon.locator('tr[data-item="ZJ-PT-010"]').getByRole("link", { name: /发布需求/ })).toHaveCount(0);
  const post = anon.locator('tr[data-item="ZJ-PT-001"]').getByRole("link", { name: "为“土地勘测”发布需求" });
  await expect(post).toHaveAttribute("href", /^\/requests\/new\?item=ZJ-PT-001&zone=[\w-]+$/);
  await post.click();
  await expect(anon).toHaveURL(/\/login\?redirectTo=%2Frequests%2Fnew%3Fitem%3DZJ-PT-001%26zone%3D/);

  // The enterprise's project is in the zone: the item is covered, the request refused with the result.
  const ent = await openAs(browser, states[demo.enterprise]!);
  await ent.goto("/requests/new");
  await ent.getByLabel("服务事项").selectOption({ label: "ZJ-PT-010 雷电灾害风险评估" });
  await ent.getByLabel("项目所在区域（区域评估）").selectOption({ label: await zoneOption(ent) });
  await ent.getByLabel("项目名称").fill("中环产业园新建研发楼雷电风险评估");
  await ent.getByLabel("项目说明").fill("项目位于长征镇中环产业园内，新建研发楼一栋。");
  await ent.getByLabel("最高限价（元）").fill("30000");
  await ent.getByLabel("服务时限（天）").fill("20");
  await ent.getByRole("button", { name: "发布", exact: true }).click();
  await expect(ent.getByText(/已有该事项的有效评估结果（上海市防雷中心，有效期至 2099-12-31），无需另行采购/)).toBeVisible();
  await ent.getByTestId("zone-covered").getByRole("link", { name: "查看评估结果" }).click();
  await expect(ent).toHaveURL(new RegExp(`${zonePath}#result-`));
});

async function zoneOption(page: import("@playwright/test").Page, select = "zoneId"): Promise<string> {
  const label = await page.locator(`select[name="${select}"] option`, { hasText: "长征镇中环产业园" }).textContent();
  return label!.trim();
}

test("区域评估页面在中英文下均无严重无障碍问题", async ({ browser }) => {
  test.setTimeout(120_000);
  expect(zonePath, "the first test opened a zone").toBeTruthy();
  const page = await (await browser.newContext({ javaScriptEnabled: true, storageState: states[demo.regulator] })).newPage();
  expectClean(await scan(page, ["/zones", zonePath, "/navigator?industry=INDUSTRIAL&scale=LARGE"]));
});
