import { expect, test } from "@playwright/test";
import { makeCreditCode } from "../../app/lib/credit-code";
import { demo, login } from "./helpers";

// The journey, in Chinese: register with a wrong credit code, fix it,
// upload a credential, get listed by the regulator, be found by item.
test("an agency registers, uploads a credential, is listed and is found by item", async ({ page, browser }) => {
  // Four actors and a login after registering (decision 018): more than 60 s on a busy 2-core machine.
  test.slow();
  const stamp = Date.now().toString().slice(-6);
  const name = `新疆天山测绘${stamp}有限公司`;
  await page.goto("/register?type=AGENCY");
  await page.getByLabel("单位名称").fill(name);
  await page.getByLabel("统一社会信用代码").fill("91650100MA7X8Y9W2A");
  await page.getByLabel("省（自治区、直辖市）").selectOption("650000");
  await page.getByLabel("市（区、县）").selectOption("650100");
  await page.getByLabel("联系人姓名").fill("艾力");
  await page.getByLabel("联系电话").fill("0991-1234567");
  await page.getByLabel("电子邮箱").fill(`xj${stamp}@example.cn`);
  await page.getByLabel(/^密码/).fill("e2e-password-123");
  await page.getByLabel("确认密码").fill("e2e-password-123");
  await page.getByRole("button", { name: "注册" }).last().click();
  await expect(page.getByText("统一社会信用代码校验位不正确")).toBeVisible();

  // The same code with its correct GB 32100 check character.
  await page.getByLabel("统一社会信用代码").fill(makeCreditCode("91650100MA7X8Y9W2"));
  await page.getByLabel(/^密码/).fill("e2e-password-123");
  await page.getByLabel("确认密码").fill("e2e-password-123");
  await page.getByRole("button", { name: "注册" }).last().click();
  // The same answer for a new and a taken email (docs/decisions/018): log in with the password just chosen.
  await expect(page).toHaveURL(/\/login\?registered=1$/);
  await expect(page.getByText(/^注册已提交/)).toBeVisible();
  await login(page, `xj${stamp}@example.cn`, "e2e-password-123");
  await expect(page.getByText("入驻状态：待审核")).toBeVisible();

  await page.goto("/agency/profile");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "添加资质", exact: true }) });
  await form.getByLabel("资质类型").fill("测绘资质");
  await form.getByLabel("资质等级").fill("乙级");
  await form.getByLabel("证书编号").fill(`乙测资字${stamp}`);
  await form.getByLabel("发证机关").fill("新疆维吾尔自治区自然资源厅");
  await form.getByLabel("有效期至").fill("2031-06-30");
  await form.getByLabel("ZJ-PT-012 房产测绘").check();
  await form
    .getByLabel("证书扫描件")
    .setInputFiles({ name: "测绘资质.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await form.getByRole("button", { name: "添加资质", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("已添加资质证书。");

  // The regulator reviews and lists it.
  const regulator = await browser.newPage();
  await login(regulator, demo.regulator);
  await regulator.goto("/regulator/reviews");
  const card = regulator.locator("li").filter({ has: regulator.getByRole("heading", { name }) });
  await expect(card).toContainText("新疆维吾尔自治区 乌鲁木齐市");
  await expect(card.getByRole("link", { name: "查看证书扫描件" })).toBeVisible();
  await card.getByRole("button", { name: "通过，列入机构目录" }).click();
  await expect(regulator.getByRole("heading", { name })).toHaveCount(0);
  await regulator.close();

  // The public (no login) finds it by item, with its region shown.
  const visitor = await browser.newPage();
  await visitor.goto("/agencies");
  // The item field takes a name or a part of one; a part that fits several items offers them.
  await visitor.getByLabel("服务事项").fill("测");
  await visitor.getByRole("button", { name: "查询" }).click();
  await expect(visitor.getByText("有多个服务事项与“测”相符，请选择：")).toBeVisible();
  await visitor.getByRole("link", { name: /^房产测绘/ }).click();
  await expect(visitor.getByText("按服务事项“房产测绘”查找可承接机构：")).toBeVisible();
  const result = visitor.getByRole("listitem").filter({ hasText: name });
  await expect(result).toContainText("注册地：新疆维吾尔自治区 乌鲁木齐市");
  // A new agency starts at 80: grade B by the published thresholds.
  await expect(result).toContainText("信用分 80（B 级）");
  await result.getByRole("link", { name }).click();
  await expect(visitor.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(visitor.getByText("有效至 2031-06-30")).toBeVisible();
  await visitor.close();

  // The agency sees the decision in its notifications.
  await page.goto("/dashboard");
  await expect(page.getByText("入驻状态：已入驻")).toBeVisible();
  await expect(page.getByText("您的机构已通过审核，列入中介机构目录。")).toBeVisible();
});

test("a regulator rejecting without a reason gets a translated error", async ({ page }) => {
  await login(page, demo.regulator);
  await page.goto("/regulator/reviews");
  const card = page.locator("li").filter({ has: page.getByRole("heading", { name: "安徽皖江节能评估有限公司" }) });
  await card.getByRole("button", { name: "不通过" }).click();
  await expect(page.getByText("请填写此项")).toBeVisible();
  await expect(page.getByRole("heading", { name: "安徽皖江节能评估有限公司" })).toBeVisible();
});
