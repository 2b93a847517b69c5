import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seeds/demo-data";
import { demo, login, waitForHydration } from "./helpers";

// The whole bid journey with the keyboard alone: sign in, go to the requests,
// open one, fill the bid form and submit — Tab, Shift+Tab, typing and Enter, no
// mouse. Every control reached shows where the focus is (an outline or a ring).

/** Presses Tab until the focused element matches, or fails after `max` presses. */
async function tabTo(page: Page, what: { role?: string; name: string | RegExp }, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const labelled = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
      const style = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(),
        name: (el.getAttribute("aria-label") ?? labelled ?? el.textContent ?? "").replace(/\s+/g, " ").trim(),
        visible: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
      };
    });
    if (!focused) continue;
    const roleOk = !what.role || (what.role === "link" ? focused.tag === "a" : what.role === "button" ? focused.tag === "button" : true);
    const nameOk = typeof what.name === "string" ? focused.name.startsWith(what.name) : what.name.test(focused.name);
    if (roleOk && nameOk) {
      expect(focused.visible, `focus on ${focused.tag} “${focused.name}” is visible`).toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${what.role ?? "a control"} “${String(what.name)}” in ${max} presses`);
}

test("an agency signs in, finds a request and bids with the keyboard alone", async ({ page, browser }) => {
  test.slow();
  // Set-up (not part of the journey): the enterprise publishes a request the demo agency can bid on.
  const title = `键盘竞价测试项目${Date.now().toString().slice(-6)}`;
  const owner = await browser.newPage();
  await login(owner, demo.enterprise);
  await owner.goto("/requests/new");
  await waitForHydration(owner);
  await owner.getByLabel("服务事项").selectOption("ZJ-PT-001");
  await owner.getByLabel("项目名称").fill(title);
  await owner.getByLabel("项目说明").fill("需进行土地勘测定界并出具勘测定界报告。");
  await owner.getByLabel("企业自有资金").check();
  await owner.getByLabel("竞价选取").check();
  await owner.getByLabel("最高限价（元）").fill("90000");
  await owner.getByLabel("服务时限（天）").fill("20");
  await owner.getByRole("button", { name: "发布", exact: true }).click();
  await expect(owner).toHaveURL(/\?published=ok$/);
  await owner.close();

  // Sign in: the first Tab reaches the skip link, which moves focus to the page's content.
  // The sign-in page is plain HTML for an anonymous visitor (decision 037): nothing to wait for.
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "跳到主要内容" })).toBeFocused();
  await tabTo(page, { name: "电子邮箱" });
  await page.keyboard.type(demo.agency);
  await tabTo(page, { name: "密码" });
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);

  // The main navigation, then the request in the list.
  await waitForHydration(page);
  await tabTo(page, { role: "link", name: "项目" });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests$/);
  await waitForHydration(page);
  await tabTo(page, { role: "link", name: title });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await waitForHydration(page);

  // The bid form, field by field, and Enter on the submit button.
  await tabTo(page, { name: "报价（元）" });
  await page.keyboard.type("81000");
  await tabTo(page, { name: "服务时限（天）" });
  await page.keyboard.type("15");
  await tabTo(page, { name: "服务方案" });
  await page.keyboard.type("两名注册测绘师现场勘测，10 个工作日内提交报告。");
  await tabTo(page, { role: "button", name: "提交报价" });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?bid=ok$/);
  await expect(page.getByRole("status")).toContainText("报价已提交（第 1 版）");
  await expect(page.getByTestId("own-amount")).toHaveText("¥81,000.00");
  // Shift+Tab goes back through the same form: the amount field is reachable both ways.
  await tabTo(page, { role: "button", name: "修改报价" });
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Shift+Tab");
    if (await page.getByLabel("报价（元）").evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByLabel("报价（元）")).toBeFocused();
});
