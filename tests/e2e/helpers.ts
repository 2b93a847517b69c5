import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seeds/demo-data";

export const demo = {
  enterprise: "enterprise@demo.zjcs.cn",
  agency: "agency@demo.zjcs.cn",
  regulator: "regulator@demo.zjcs.cn",
  admin: "admin@demo.zjcs.cn",
};

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}
