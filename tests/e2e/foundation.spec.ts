import { expect, test } from "@playwright/test";
import { demo, login } from "./helpers";
import { makeCreditCode } from "../../app/lib/credit-code";

test("the home page is in Chinese by default", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("行政审批中介服务");
  const nav = page.getByRole("navigation", { name: "主导航" });
  for (const label of ["服务目录", "中介机构", "项目", "公告", "信用公示"]) {
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
  }
});

test("the language switch changes to English and the choice persists", async ({ page }) => {
  await page.goto("/catalogue");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Intermediary service catalogue");
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Service catalogue", exact: true })).toBeVisible();
  await page.getByRole("button", { name: /中文/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
});

for (const [role, email, label] of [
  ["enterprise", demo.enterprise, "项目业主"],
  ["agency", demo.agency, "中介服务机构"],
  ["regulator", demo.regulator, "行业主管部门"],
  ["admin", demo.admin, "目录管理员（审改办）"],
] as const) {
  test(`logs in as the demo ${role} and sees the role's dashboard`, async ({ page }) => {
    await login(page, email);
    await expect(page.getByTestId("role")).toHaveText(`角色：${label}`);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByRole("link", { name: "登录", exact: true })).toBeVisible();
  });
}

test("a wrong password shows the translated error next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(demo.enterprise);
  await page.getByLabel("密码").fill("definitely-wrong");
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  expect((await response).status()).toBe(401);
  const password = page.getByLabel("密码");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("邮箱或密码不正确")).toBeVisible();
});

test("a page for another role answers 403 with a translated page", async ({ page }) => {
  await login(page, demo.enterprise);
  const response = await page.goto("/regulator/reviews");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("an anonymous visitor is sent to login from a protected page", async ({ page }) => {
  await page.goto("/admin/catalogue");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fcatalogue/);
});

test("a cross-origin POST is refused", async ({ request }) => {
  const response = await request.post("/login", {
    headers: { Origin: "http://evil.example" },
    form: { email: demo.enterprise, password: "x" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("请求来源不受信任");
});

test("the registration form explains a wrong credit code and accepts the fixed one", async ({ page }) => {
  await page.goto("/register?type=AGENCY");
  await page.getByLabel("单位名称").fill("测试地理信息有限公司");
  await page.getByLabel("统一社会信用代码").fill("91310107MA1H9J2K3A");
  // Province → city: with JavaScript the city list holds only the province's cities.
  await page.getByLabel("省（自治区、直辖市）").selectOption("310000");
  const city = page.getByLabel("市（区、县）");
  await expect(city.locator("option", { hasText: "普陀区" })).toHaveCount(1);
  await expect(city.locator("option", { hasText: "乌鲁木齐市" })).toHaveCount(0);
  await city.selectOption("310107");
  await page.getByLabel("联系人姓名").fill("测试员");
  await page.getByLabel("联系电话").fill("021-12345678");
  await page.getByLabel("电子邮箱").fill("e2e-agency@example.cn");
  await page.getByLabel(/^密码/).fill("e2e-password-123");
  await page.getByLabel("确认密码").fill("e2e-password-123");
  await page.getByRole("button", { name: "注册" }).last().click();
  await expect(page.getByText("统一社会信用代码校验位不正确")).toBeVisible();
  await expect(page.getByLabel("统一社会信用代码")).toHaveAttribute("aria-invalid", "true");
  // Passwords are never echoed back; everything else is kept.
  await expect(page.getByLabel("单位名称")).toHaveValue("测试地理信息有限公司");
  await expect(page.getByLabel("省（自治区、直辖市）")).toHaveValue("310000");
  await expect(page.getByLabel("市（区、县）")).toHaveValue("310107");
  await page.getByLabel("统一社会信用代码").fill("91310107MA1H9J2K3B");
  await page.getByLabel(/^密码/).fill("e2e-password-123");
  await page.getByLabel("确认密码").fill("e2e-password-123");
  await page.getByRole("button", { name: "注册" }).last().click();
  // The same answer for a new and a taken email (docs/decisions/018): log in with the password just chosen.
  await expect(page).toHaveURL(/\/login\?registered=1$/);
  await expect(page.getByText(/^注册已提交/)).toBeVisible();
  await login(page, "e2e-agency@example.cn", "e2e-password-123");
  await expect(page.getByText("入驻状态：待审核")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the region picker lists cities by province, and a city outside the province chosen is refused", async ({ page }) => {
    await page.goto("/register?type=AGENCY");
    const city = page.getByLabel("市（区、县）");
    // Every province's cities, grouped: 34 groups, Shanghai's districts under 上海市.
    await expect(city.locator("optgroup")).toHaveCount(34);
    await expect(city.locator('optgroup[label="上海市"] option', { hasText: "普陀区" })).toHaveCount(1);
    await page.getByLabel("单位名称").fill("无脚本测绘有限公司");
    await page.getByLabel("统一社会信用代码").fill(makeCreditCode("91330100MA2H9J2K3"));
    await page.getByLabel("省（自治区、直辖市）").selectOption("330000");
    await city.selectOption("310107");
    await page.getByLabel("联系人姓名").fill("测试员");
    await page.getByLabel("联系电话").fill("0571-12345678");
    await page.getByLabel("电子邮箱").fill("nojs-region@example.cn");
    await page.getByLabel(/^密码/).fill("e2e-password-123");
    await page.getByLabel("确认密码").fill("e2e-password-123");
    await page.getByRole("button", { name: "注册" }).last().click();
    await expect(page.getByText("所选城市不属于所选省份，请重新选择")).toBeVisible();
    await expect(page.getByLabel("省（自治区、直辖市）")).toHaveValue("330000");
    await expect(page.getByLabel("单位名称")).toHaveValue("无脚本测绘有限公司");
  });
});

test("an unknown page answers 404 in Chinese", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
