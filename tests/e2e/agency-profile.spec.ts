import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const pending = "pending@demo.zjcs.cn";

function credentialForm(page: Page) {
  return page.locator("form").filter({ has: page.getByRole("button", { name: "添加资质", exact: true }) });
}

async function fillCredential(page: Page, number: string) {
  const form = credentialForm(page);
  await form.getByLabel("资质类型").fill("工程咨询单位资信");
  await form.getByLabel("资质等级").fill("乙级");
  await form.getByLabel("证书编号").fill(number);
  await form.getByLabel("发证机关").fill("中国工程咨询协会");
  await form.getByLabel("有效期至").fill("2030-12-31");
  await form.getByLabel("ZJ-PT-013 节能评估").check();
  return form;
}

test("an agency adds a credential with a PDF scan and sees it listed", async ({ page }) => {
  await login(page, pending);
  await page.goto("/agency/profile");
  await expect(page.getByRole("heading", { level: 1, name: "机构资料" })).toBeVisible();
  await expect(page.getByTestId("agency-status")).toContainText("待审核");

  const number = `E2E-PDF-${Date.now()}`;
  const form = await fillCredential(page, number);
  await form.getByLabel("证书扫描件").setInputFiles({
    name: "资质证书.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
  });
  await form.getByRole("button", { name: "添加资质", exact: true }).click();

  await expect(page.getByRole("status")).toHaveText("已添加资质证书。");
  const card = page.getByTestId("credential").filter({ hasText: number });
  await expect(card).toContainText("工程咨询单位资信 · 乙级");
  await expect(card.getByTestId("validity")).toHaveText("有效至 2030-12-31");
  await expect(card).toContainText("节能评估");

  // The scan is served to its owner as a sandboxed PDF download, never sniffed as anything else.
  const href = await card.getByRole("link", { name: "查看扫描件：资质证书.pdf" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  // Exactly once (the real server: its middleware sets it, the route does not repeat it).
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-disposition"]).toBe(
    `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("资质证书.pdf")}`,
  );
  expect(response.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
  // HSTS is for NODE_ENV=production only; the browser tests' server runs with NODE_ENV=test (it has the
  // test clock), so HSTS is checked on the same middleware in tests/integration/document-access.test.ts.
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an HTML file named .pdf is refused with the translated message", async ({ page }) => {
    await login(page, pending);
    await page.goto("/agency/profile");
    const number = `E2E-HTML-${Date.now()}`;
    const form = await fillCredential(page, number);
    await form.getByLabel("证书扫描件").setInputFiles({
      name: "证书.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>"),
    });
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await form.getByRole("button", { name: "添加资质", exact: true }).click();
    expect((await response).status()).toBe(415);

    const refreshed = credentialForm(page);
    await expect(refreshed.getByText("只接受 PDF、JPEG 或 PNG 文件（按文件内容识别，与文件名无关）")).toBeVisible();
    await expect(refreshed.getByLabel("证书扫描件")).toHaveAttribute("aria-invalid", "true");
    // The other fields keep what was typed; nothing was added.
    await expect(refreshed.getByLabel("证书编号")).toHaveValue(number);
    await expect(refreshed.getByLabel("ZJ-PT-013 节能评估")).toBeChecked();
    await expect(page.getByTestId("credential").filter({ hasText: number })).toHaveCount(0);
  });
});
