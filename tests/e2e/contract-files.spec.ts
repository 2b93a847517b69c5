import { expect, test } from "@playwright/test";
import { expectClean, scan } from "./axe";
import { demo, login } from "./helpers";
import { advanceClock } from "./requests-helpers";

// 项目资料与合同备案 end to end, in Chinese, without JavaScript (decision 034):
// an enterprise attaches project documents to a draft (a wrong file is answered
// at its field), publishes it, and any visitor downloads them; on a signed
// contract it records the contract (dates inverted are refused at the field)
// and the amount and dates are announced while the file stays private.

test.use({ javaScriptEnabled: false });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

test("企业为草稿上传项目资料，发布后任何访客可下载", async ({ browser, page }) => {
  test.setTimeout(120_000);
  await login(page, demo.enterprise);
  const title = `真如地块土地勘测${Date.now().toString().slice(-6)}`;
  await page.goto("/requests/new");
  await page.getByLabel("服务事项").selectOption("ZJ-PT-001");
  await page.getByLabel("项目名称").fill(title);
  await page.getByLabel("项目说明").fill("项目位于普陀区真如镇，需进行土地勘测定界。");
  await page.getByLabel("最高限价（元）").fill("50000");
  await page.getByLabel("服务时限（天）").fill("20");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]+\?saved=draft$/);
  const requestUrl = new URL(page.url()).pathname;

  // A text file under a .pdf name is refused at the file field (415).
  const files = page.locator("#files");
  await files.getByLabel("资料文件").setInputFiles({ name: "说明.pdf", mimeType: "application/pdf", buffer: Buffer.from("只是文字") });
  await files.getByLabel("资料说明").fill("项目红线图");
  await files.getByRole("button", { name: "上传项目资料" }).click();
  await expect(page.getByRole("alert")).toHaveText(/资料文件：/);
  await page.goto(requestUrl);

  await files.getByLabel("资料文件").setInputFiles([
    { name: "红线图.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "现场照片.pdf", mimeType: "application/pdf", buffer: PDF },
  ]);
  await files.getByLabel("资料说明").fill("项目红线图及现场照片");
  await files.getByRole("button", { name: "上传项目资料" }).click();
  await expect(page.getByRole("status").filter({ hasText: "项目资料已上传。" })).toBeVisible();
  await expect(files.getByRole("link", { name: "下载 红线图.pdf" })).toBeVisible();
  await expect(files.getByRole("link", { name: "下载 现场照片.pdf" })).toBeVisible();
  // The draft page with its list and upload form, in both languages (axe runs as page script: JavaScript on for the scan only).
  const axeOwner = await (
    await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() })
  ).newPage();
  expectClean(await scan(axeOwner, [requestUrl]));
  await axeOwner.context().close();
  await page.getByRole("button", { name: "发布项目" }).click();
  await expect(page).toHaveURL(/\?published=ok$/);

  // Anyone, not signed in, sees and downloads the documents with the request.
  const anonymous = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await anonymous.goto(requestUrl);
  await expect(anonymous.getByRole("heading", { name: "项目资料" })).toBeVisible();
  await expect(anonymous.getByRole("button", { name: "上传项目资料" })).toHaveCount(0);
  const href = await anonymous.getByRole("link", { name: "下载 红线图.pdf" }).getAttribute("href");
  const download = await anonymous.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await anonymous.context().close();
});

test("企业对已签订的合同备案：日期颠倒在字段旁提示，金额与日期公告，合同文件不公开", async ({ browser, page }) => {
  test.setTimeout(120_000);
  await login(page, demo.enterprise);
  const today = new Date((await advanceClock(page, 0)).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  // A seeded contract of this enterprise that is running and not yet recorded.
  await page.goto("/requests?status=IN_SERVICE&mine=1");
  const links = await page
    .getByRole("row")
    .getByRole("link")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  let requestUrl = "";
  for (const href of links.filter((h) => /^\/requests\/[0-9a-f-]+$/.test(h))) {
    await page.goto(href);
    if (await page.getByRole("button", { name: "提交合同备案" }).count()) {
      requestUrl = href;
      break;
    }
  }
  expect(requestUrl, "a seeded IN_SERVICE request of the demo enterprise").not.toBe("");
  const axeOwner = await (
    await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() })
  ).newPage();
  expectClean(await scan(axeOwner, [requestUrl]));
  await axeOwner.context().close();
  const form = page.locator("#contract-record");
  const fill = async (ends: string) => {
    await form.getByLabel("已签订的合同文件").setInputFiles({ name: "中介服务合同.pdf", mimeType: "application/pdf", buffer: PDF });
    await form.getByLabel("合同金额（元）").fill("1");
    await form.getByLabel("签订日期").fill(today);
    await form.getByLabel("履行开始日期").fill(today);
    await form.getByLabel("履行截止日期").fill(ends);
    await form.getByRole("button", { name: "提交合同备案" }).click();
  };
  const before = `${Number(today.slice(0, 4)) - 1}-01-01`;
  await fill(before);
  await expect(page.getByRole("alert")).toHaveText("履行截止日期：履行截止日期不能早于开始日期");
  await page.goto(requestUrl);
  const ends = `${Number(today.slice(0, 4)) + 1}-06-30`;
  await fill(ends);
  await expect(page.getByRole("status").filter({ hasText: "合同已备案并公告。" })).toBeVisible();
  await expect(form).toContainText("¥1.00");
  await expect(form).toContainText(`${today} 至 ${ends}`);
  await expect(form.getByRole("link", { name: "下载 中介服务合同.pdf" })).toBeVisible();

  // 合同备案变更 (decision 040): a lower amount with a reason; the first record stays in the history.
  await form.getByText("变更合同备案").click();
  const amend = form.locator("details");
  await amend.getByLabel("合同金额（元）").fill("0.5");
  await amend.getByLabel("变更理由").fill("补充协议调减合同金额");
  await amend.getByRole("button", { name: "提交变更" }).click();
  await expect(page.getByRole("status").filter({ hasText: "合同备案已变更并公告。" })).toBeVisible();
  await expect(form).toContainText("¥0.50");
  await expect(form).toContainText("理由：补充协议调减合同金额");
  await expect(form).toContainText("合同文件未更换");

  // The public reads the amount and dates on the page and in the announcement, not the file.
  const anonymous = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await anonymous.goto(requestUrl);
  const record = anonymous.locator("#contract-record");
  await expect(record).toContainText("¥1.00");
  await expect(record.getByRole("link", { name: /下载/ })).toHaveCount(0);
  await anonymous.goto("/announcements");
  await anonymous
    .getByRole("link", { name: /^合同备案公告：/ })
    .first()
    .click();
  await expect(anonymous.getByText("合同金额：¥1.00")).toBeVisible();
  await expect(anonymous.getByText(`履行期限：${today} 至 ${ends}`)).toBeVisible();
  await anonymous.context().close();
});
