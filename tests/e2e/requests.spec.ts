import { expect, test } from "@playwright/test";
import { demo, hydrated, login } from "./helpers";

// A secret shows in a body when it stands on its own: an amount in fen is a number of its
// own, never the middle of a longer one. A deadline on a round time is a millisecond
// timestamp such as 1796307500000, and "7500000" inside it is not the sealed bid (CI read
// one as a leak). Amounts in yuan and words are looked for as they are.
function leaks(body: string, secret: string): boolean {
  if (!/^[0-9]+$/.test(secret)) return body.includes(secret);
  return new RegExp(`(?<![0-9.])${secret}(?![0-9])`).test(body);
}

// The bidding journey, in Chinese: an enterprise's request is refused by the
// fair-competition review, fixed and published; a qualified agency bids and
// revises under seal; an agency without a matching credential is told why.
test("an enterprise posts a request past the fair-competition review; an agency bids and revises under seal; another cannot bid", async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString().slice(-6);
  const title = `曹杨地块土地勘测定界${stamp}`;

  await login(page, demo.enterprise);
  await page.goto("/requests");
  await page.getByRole("link", { name: "发布项目" }).click();
  await expect(page).toHaveURL(/\/requests\/new$/);
  // Fill the form once React has hydrated it: hydration re-renders the fields that depend
  // on the choices, and a value typed before it can be lost on a slow machine.
  await expect.poll(() => hydrated(page)).toBe(true);
  await page.getByLabel("服务事项").selectOption("ZJ-PT-001");
  await page.getByLabel("项目名称").fill(title);
  await page.getByLabel("项目说明").fill("项目位于普陀区曹杨新村街道，需进行土地勘测定界。投标机构须本地注册。");
  await page.getByLabel("企业自有资金").check();
  await page.getByLabel("竞价选取").check();
  await page.getByLabel("最高限价（元）").fill("80000");
  await page.getByLabel("服务时限（天）").fill("20");
  const refused = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "发布", exact: true }).click();
  expect((await refused).status()).toBe(422);
  await expect(page.getByText("公平竞争审查未通过：不得设置区域限制（“本地注册”）")).toBeVisible();
  await expect(page.getByLabel("项目说明")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("项目说明").fill("项目位于普陀区曹杨新村街道，需进行土地勘测定界并出具勘测定界报告。");
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]+\?published=ok$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("status")).toHaveText("项目已发布，开始报名。");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("报名/竞价中")).toBeVisible();
  await expect(page.getByTestId("bid-count")).toHaveText("已收到 0 份报价（金额截止后公开）");

  // The qualified agency (测绘资质 甲级 covering 土地勘测) finds it, bids and revises.
  const agency = await browser.newPage();
  await login(agency, demo.agency);
  await agency.goto("/requests?status=OPEN");
  await agency.getByRole("link", { name: title }).click();
  await expect(agency).toHaveURL(new RegExp(`/requests/${id}$`));
  await expect(agency.getByText("您的机构符合本项目的报名条件。")).toBeVisible();
  await agency.getByLabel("报价（元）").fill("75000");
  await agency.getByLabel("服务时限（天）").fill("18");
  await agency.getByLabel("服务方案").fill("组织两名注册测绘师现场勘测，10 个工作日内提交勘测定界报告。");
  await agency.getByRole("button", { name: "提交报价" }).click();
  await expect(agency).toHaveURL(new RegExp(`/requests/${id}\\?bid=ok$`));
  await expect(agency.getByRole("status")).toContainText("报价已提交（第 1 版）");
  await expect(agency.getByTestId("own-amount")).toHaveText("¥75,000.00");

  await agency.getByLabel("报价（元）").fill("72000.50");
  await agency.getByRole("button", { name: "修改报价" }).click();
  await expect(agency.getByRole("status")).toContainText("报价已提交（第 2 版）");
  await expect(agency.getByTestId("own-amount")).toHaveText("¥72,000.50");
  await expect(agency.getByText("第 2 版", { exact: true })).toBeVisible();

  // A bid above the cap is refused next to the field.
  await agency.getByLabel("报价（元）").fill("80000.01");
  await agency.getByRole("button", { name: "修改报价" }).click();
  await expect(agency.getByText("报价不得高于最高限价")).toBeVisible();
  await expect(agency.getByLabel("报价（元）")).toHaveAttribute("aria-invalid", "true");
  await agency.close();

  // Sealed: the enterprise sees one bid and no amount, in the page and in the loader data.
  await page.goto(`/requests/${id}`);
  await expect(page.getByTestId("bid-count")).toHaveText("已收到 1 份报价（金额截止后公开）");
  await expect(page.getByText("72,000.50")).toHaveCount(0);
  for (const path of [`/requests/${id}`, `/requests/${id}.data`, `/requests.data`]) {
    const body = await (await page.request.get(path)).text();
    for (const secret of ["7200050", "72000.5", "72,000.50", "7500000", "75000.00", "75,000.00", "两名注册测绘师"]) {
      expect(leaks(body, secret), `${path} leaks ${secret}`).toBe(false);
    }
  }

  // An agency without a credential covering 土地勘测 is told why it cannot bid.
  const other = await browser.newPage();
  await login(other, "agency2@demo.zjcs.cn");
  await other.goto(`/requests/${id}`);
  await expect(other.getByText("您的机构暂不能参与本项目：")).toBeVisible();
  await expect(other.getByText("没有覆盖该服务事项的有效资质")).toBeVisible();
  await expect(other.getByRole("button", { name: "提交报价" })).toHaveCount(0);
  const body = await (await other.request.get(`/requests/${id}.data`)).text();
  expect(leaks(body, "7200050")).toBe(false);
  await other.close();
});

test("without JavaScript an enterprise saves a draft, publishes it, and the list shows it with its bid count", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, demo.enterprise);
  const title = `桃浦地块房产测绘${Date.now().toString().slice(-6)}`;
  await page.goto("/requests/new");
  await page.getByLabel("服务事项").selectOption("ZJ-PT-001");
  await page.getByLabel("项目名称").fill(title);
  await page.getByLabel("项目说明").fill("项目位于普陀区桃浦镇，需进行土地勘测。");
  await page.getByLabel("最高限价（元）").fill("60000");
  await page.getByLabel("服务时限（天）").fill("15");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]+\?saved=draft$/);
  await expect(page.getByRole("status")).toHaveText("草稿已保存，仅您可见。");
  await expect(page.getByText("草稿", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "发布项目" }).click();
  await expect(page).toHaveURL(/\?published=ok$/);
  await expect(page.getByText("报名/竞价中")).toBeVisible();

  await page.goto("/requests?status=OPEN");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("竞价选取");
  await expect(row).toContainText("¥60,000.00");
  await expect(row.getByRole("cell").last()).toHaveText("0");
  await context.close();
});
