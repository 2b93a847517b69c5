import { expect, test } from "@playwright/test";
import { demo, hydrated, login } from "./helpers";

// 公平竞争审查 in the browser, without JavaScript: doubtful wording holds the request; the
// regulator sees the flagged words marked and returns it with a reason; the enterprise reads the
// reason, changes the draft with the same form (filled in) and publishes it.
test.use({ javaScriptEnabled: false });

test("a doubtful request waits for the regulator, is returned with a reason, changed and published", async ({ browser }) => {
  const stamp = Date.now().toString().slice(-6);
  const title = `真如地块勘测（审查）${stamp}`;
  const enterprise = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await login(enterprise, demo.enterprise);
  await enterprise.goto("/requests/new");
  expect(await hydrated(enterprise)).toBe(false);
  await enterprise.getByLabel("服务事项").selectOption("ZJ-PT-001");
  await enterprise.getByLabel("项目名称").fill(title);
  await enterprise.getByLabel("项目说明").fill("项目位于普陀区真如镇。投标人须与上海市有长期合作关系。");
  await enterprise.getByLabel("企业自有资金").check();
  await enterprise.getByLabel("竞价选取").check();
  await enterprise.getByLabel("最高限价（元）").fill("80000");
  await enterprise.getByLabel("服务时限（天）").fill("20");
  await enterprise.getByRole("button", { name: "发布", exact: true }).click();
  await expect(enterprise).toHaveURL(/\/requests\/[0-9a-f-]+\?published=review$/);
  const url = new URL(enterprise.url()).pathname;
  await expect(enterprise.getByText("公平竞争审查中").first()).toBeVisible();
  // The words that made it doubtful: the place tied to the bidder (the project's own 普陀区 is not flagged).
  await expect(enterprise.getByTestId("fairness-held")).toContainText("需审查的表述：“上海市”");
  await expect(enterprise.getByTestId("fairness-held")).not.toContainText("普陀区");

  // Not public while it waits.
  const anonymous = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  expect((await anonymous.goto(url))!.status()).toBe(404);

  const regulator = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await login(regulator, demo.regulator);
  await regulator.goto("/regulator");
  await regulator
    .getByRole("link", { name: /公平竞争审查/ })
    .first()
    .click();
  await expect(regulator).toHaveURL(/\/regulator\/fairness$/);
  const entry = regulator.getByRole("listitem").filter({ has: regulator.getByRole("heading", { name: new RegExp(title) }) });
  await expect(entry.locator("mark").first()).toContainText("上海");
  await entry.getByRole("button", { name: "退回修改" }).click();
  await expect(regulator.getByRole("alert").first()).toBeVisible();
  const again = regulator.getByRole("listitem").filter({ has: regulator.getByRole("heading", { name: new RegExp(title) }) });
  await expect(again.getByLabel("退回理由")).toHaveAttribute("aria-invalid", "true");
  await again.getByLabel("退回理由").fill("“与上海市有长期合作关系”排斥外地机构，请删除。");
  await again.getByRole("button", { name: "退回修改" }).click();
  await expect(regulator.getByRole("status")).toHaveText("已退回项目单位。");
  await expect(regulator.getByRole("heading", { name: new RegExp(title) })).toHaveCount(0);

  await enterprise.goto(url);
  await expect(enterprise.getByTestId("fairness-returned")).toContainText("排斥外地机构，请删除");
  await enterprise.getByRole("link", { name: "修改草稿" }).click();
  await expect(enterprise.getByRole("heading", { level: 1, name: "修改草稿" })).toBeVisible();
  await expect(enterprise.getByLabel("项目名称")).toHaveValue(title);
  await expect(enterprise.getByLabel("最高限价（元）")).toHaveValue("80000.00");
  await enterprise.getByLabel("项目说明").fill("项目位于普陀区真如镇，需进行土地勘测定界。");
  await enterprise.getByRole("button", { name: "发布", exact: true }).click();
  await expect(enterprise).toHaveURL(new RegExp(`${url}\\?published=ok$`));
  await expect(enterprise.getByText("报名/竞价中").first()).toBeVisible();
  expect((await anonymous.goto(url))!.status()).toBe(200);
});
