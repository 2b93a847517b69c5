import { expect, test, type Page } from "@playwright/test";
import { makeCreditCode } from "../../app/lib/credit-code";
import { DEMO_PASSWORD } from "../../seeds/demo-data";
import { expectClean, scan } from "./axe";
import { demo } from "./helpers";

// Issue #15 part 4 (decision 029): without SMTP_URL the demo keeps its mail at
// /dev/outbox, so registration's verification and a password reset can be
// completed in a browser — here without JavaScript.

test.describe.configure({ timeout: 120_000 });

const stamp = Date.now().toString(36);
const email = `e2e-mail-${stamp}@example.cn`;

/** The newest link to `path` in the local outbox's mail to `to`. */
async function mailedLink(page: Page, to: string, path: string): Promise<string> {
  await page.goto("/dev/outbox");
  const mail = page.getByTestId("outbox-mail").filter({ hasText: to }).filter({ hasText: path }).first();
  await expect(mail).toBeVisible();
  const href = await mail.locator(`a[href*="${path}?token="]`).first().getAttribute("href");
  expect(href).toBeTruthy();
  return new URL(href!).pathname + new URL(href!).search;
}

async function logIn(page: Page, address: string, password: string) {
  await page.goto("/login?lng=zh");
  await page.getByLabel("电子邮箱").fill(address);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("register, verify the address from the local outbox, choose which mail to receive", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("单位名称").fill(`邮件测试有限公司${stamp}`);
    await page.getByLabel("统一社会信用代码").fill(makeCreditCode(`91310107MA1${(Date.now() % 1e6).toString().padStart(6, "0")}`));
    await page.getByLabel("联系人姓名").fill("测试员");
    await page.getByLabel("联系电话").fill("021-12345678");
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByLabel(/^密码/).fill("e2e-password-123");
    await page.getByLabel("确认密码").fill("e2e-password-123");
    await page.getByRole("button", { name: "注册" }).last().click();
    await expect(page).toHaveURL(/\/login\?registered=1/);

    await logIn(page, email, "e2e-password-123");
    await expect(page.getByTestId("verify-banner")).toContainText("您的邮箱尚未验证");

    await page.goto(await mailedLink(page, email, "/verify-email"));
    await expect(page.getByTestId("verified")).toContainText(email);
    await page.goto("/dashboard");
    await expect(page.getByTestId("role")).toBeVisible();
    await expect(page.getByTestId("verify-banner")).toHaveCount(0);

    await page.goto("/settings/notifications");
    await expect(page.getByTestId("mail-verification")).toHaveText("邮箱已验证。");
    const ratings = page.getByRole("checkbox", { name: "评价" });
    await expect(ratings).toBeChecked();
    await ratings.uncheck();
    await page.getByRole("button", { name: "保存设置" }).click();
    await expect(page.getByRole("status")).toHaveText("已保存。");
    await expect(page.getByRole("checkbox", { name: "评价" })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "中选结果与公示" })).toBeChecked();
  });

  test("forgot the password: the mailed link sets a new one, once", async ({ page, browser }) => {
    // A session elsewhere, ended by the reset.
    const other = await browser.newPage();
    await logIn(other, email, "e2e-password-123");

    await page.goto("/login");
    await page.getByRole("link", { name: "忘记密码？" }).click();
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByRole("button", { name: "发送重置邮件" }).click();
    await expect(page.getByTestId("reset-sent")).toBeVisible();
    // The demo says where its mail is kept.
    await expect(page.getByTestId("demo-outbox-hint").getByRole("link", { name: "本地发件箱" })).toHaveAttribute("href", "/dev/outbox");

    const link = await mailedLink(page, email, "/reset-password");
    await page.goto(link);
    await page.getByLabel(/^密码/).fill("e2e-password-456");
    await page.getByLabel("确认密码").fill("e2e-password-456");
    await page.getByRole("button", { name: "设置新密码" }).click();
    await expect(page).toHaveURL(/\/login\?reset=1/);
    await expect(page.getByRole("status")).toContainText("密码已重置");
    await logIn(page, email, "e2e-password-456");

    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    await expect(page.getByTestId("token-error")).toHaveText("此链接已经使用过，不能再次使用。");

    await other.goto("/dashboard");
    await expect(other).toHaveURL(/\/login\?redirectTo=/);
    await other.close();
  });
});

// axe runs in the page: with JavaScript.
test("the mail pages have no serious accessibility violations (zh and en)", async ({ page }) => {
  expectClean(await scan(page, ["/forgot-password", "/dev/outbox"]));
  await logIn(page, demo.enterprise, DEMO_PASSWORD);
  expectClean(await scan(page, ["/settings/notifications"]));
});
