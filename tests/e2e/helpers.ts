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

/** True once React has hydrated the page (React attaches its fiber to the DOM nodes). */
export async function hydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const body = document.body as unknown as Record<string, unknown>;
    return Object.keys(body).some((k) => k.startsWith("__reactFiber$") || k.startsWith("__reactProps$"));
  });
}

/**
 * Waits for hydration before typing into a field that has a server-rendered
 * value: typed before React takes over, the text can end up merged with the
 * value React restores (seen on a slow machine).
 */
export async function waitForHydration(page: Page): Promise<void> {
  await expect.poll(() => hydrated(page)).toBe(true);
}
