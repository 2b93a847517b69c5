import { expect, test } from "@playwright/test";
import { expectClean, scan } from "./axe";
import { demo } from "./helpers";
import { openAs, signIn, type StorageState } from "./requests-helpers";

// 双随机、一公开 end to end, in Chinese, without JavaScript: the regulator
// creates a plan (the seed's commitment is published at once), draws two
// agencies and both demo inspectors, records a 不合格 with evidence and a 合格,
// publishes the results; the public sees the results and can check the draw,
// the failing agency's credit score drops by 10 and a case is opened from it.

test.use({ javaScriptEnabled: false });

const INSPECTOR = "inspector@demo.zjcs.cn";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
let states: Record<string, StorageState>;
let planId = "";

test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  states = await signIn(browser, [demo.regulator, INSPECTOR]);
});

test("监管部门创建、抽取、录入、公示抽查结果，公众可复核，不合格计入信用并可立案", async ({ browser }) => {
  test.setTimeout(180_000);
  const reg = await openAs(browser, states[demo.regulator]!);
  await reg.goto("/regulator");
  await reg.getByRole("link", { name: "双随机抽查", exact: true }).click();
  await expect(reg.getByRole("heading", { name: "双随机抽查计划" })).toBeVisible();
  await expect(reg.getByTestId("weight-table")).toContainText("D 级（差）");

  // Bad input is answered next to the field, with what was typed kept.
  await reg.getByLabel("计划名称").fill("2026年第四季度中介机构双随机抽查");
  await reg.getByLabel("抽取机构数").fill("0");
  await reg.getByLabel("抽取检查人员数").fill("2");
  await reg.getByRole("button", { name: "创建并公布计划" }).click();
  await expect(reg.getByText("请输入范围内的整数")).toBeVisible();
  await expect(reg.getByLabel("计划名称")).toHaveValue("2026年第四季度中介机构双随机抽查");

  await reg.getByLabel("抽取机构数").fill("2");
  await reg.getByRole("button", { name: "创建并公布计划" }).click();
  await expect(reg.getByText("抽查计划已创建并公布。")).toBeVisible();
  planId = new URL(reg.url()).pathname.split("/").pop()!;
  const commitment = (await reg.getByTestId("commitment").textContent())!.trim();
  expect(commitment).toMatch(/^[0-9a-f]{64}$/);
  await expect(reg.getByTestId("seed")).toContainText("种子在抽取时公布");

  await reg.getByRole("button", { name: "立即抽取" }).click();
  await expect(reg.getByText("已完成抽取。")).toBeVisible();
  await expect(reg.getByTestId("draw-verdict")).toHaveText("平台复核：抽取结果与种子、名单和权重一致。");
  const inspections = reg.getByTestId("inspection");
  await expect(inspections).toHaveCount(2);
  await expect(inspections.first()).toContainText("赵敏");
  await expect(inspections.first()).toContainText("钱进");

  // 不合格 without evidence is refused at the evidence field; then recorded with it.
  const first = inspections.first();
  const failedAgency = (await first.locator("h3").textContent())!
    .replace(/^\d+\.\s*/, "")
    .split("（")[0]!
    .trim();
  await first.getByLabel("检查结论").selectOption("FAIL");
  await first.getByLabel("检查发现").fill("未按规定留存测绘成果底稿，项目负责人无相应执业资格。");
  await first.getByRole("button", { name: "保存检查结果" }).click();
  await expect(reg.getByText("结论为“不合格”时必须上传检查证据")).toBeVisible();
  await reg
    .getByTestId("inspection")
    .first()
    .getByLabel("检查证据")
    .setInputFiles({ name: "现场检查记录.pdf", mimeType: "application/pdf", buffer: PDF });
  await reg.getByTestId("inspection").first().getByRole("button", { name: "保存检查结果" }).click();
  await expect(reg.getByText("检查结果已保存。")).toBeVisible();

  // The other inspector records the second one.
  const inspector = await openAs(browser, states[INSPECTOR]!);
  await inspector.goto(`/regulator/inspections/${planId}`);
  const second = inspector.getByTestId("inspection").nth(1);
  await second.getByLabel("检查结论").selectOption("PASS");
  await second.getByLabel("检查发现").fill("执业资料齐全，符合规定。");
  await second.getByRole("button", { name: "保存检查结果" }).click();
  await expect(inspector.getByText("检查结果已保存。")).toBeVisible();

  // Not public yet.
  const anon = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await anon.goto(`/inspections/${planId}`);
  await expect(anon.getByText("检查结果尚未公示。")).toBeVisible();
  await expect(anon.getByText("未按规定留存测绘成果底稿")).toHaveCount(0);

  await reg.goto(`/regulator/inspections/${planId}`);
  await reg.getByRole("button", { name: "公示全部检查结果" }).click();
  await expect(reg.getByText("检查结果已公示。")).toBeVisible();

  // 检查结果公示: public, with the seed revealed and the draw checkable.
  await anon.goto("/inspections");
  await anon.getByRole("link", { name: "2026年第四季度中介机构双随机抽查" }).click();
  await expect(anon.getByTestId("published-result")).toHaveCount(2);
  await expect(anon.getByTestId("published-result").filter({ hasText: failedAgency })).toContainText("不合格");
  await expect(anon.getByTestId("seed")).toHaveText(/^[0-9a-f]{64}$/);
  const record = await (await anon.request.get(`/inspections/${planId}/draw.json`)).json();
  expect(record).toMatchObject({ commitment, verified: true, weights: { A: 1, B: 2, C: 4, D: 8 } });

  // The agency's profile shows the result and the −10 in its credit score.
  await anon.getByTestId("published-result").filter({ hasText: failedAgency }).getByRole("link", { name: failedAgency }).click();
  await expect(anon.getByTestId("inspection-result")).toContainText("不合格");
  await expect(anon.locator("#credit")).toContainText("抽查不合格");
  await expect(anon.locator("#credit")).toContainText("−10");

  // 据此立案: a case against the agency, prefilled.
  await reg.goto(`/regulator/inspections/${planId}`);
  await reg.getByRole("button", { name: "据此立案" }).click();
  await expect(reg).toHaveURL(/\/cases\/[0-9a-f-]+$/);
  await expect(reg.locator("main")).toContainText("双随机抽查不合格");
  await expect(reg.locator("main")).toContainText(failedAgency);
});

test("抽查页面在中英文下均无严重无障碍问题", async ({ browser }) => {
  test.setTimeout(180_000);
  expect(planId, "the first test created a plan").toBeTruthy();
  // Axe runs as page script: JavaScript on for the scan only.
  const axePublic = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
  expectClean(await scan(axePublic, ["/inspections", `/inspections/${planId}`]));
  const axeRegulator = await (await browser.newContext({ javaScriptEnabled: true, storageState: states[demo.regulator] })).newPage();
  expectClean(await scan(axeRegulator, ["/regulator/inspections", `/regulator/inspections/${planId}`]));
});
