import { expect, test, type Page } from "@playwright/test";
import { demo, login } from "./helpers";

// A listed agency adds a credential for a new item: it is 待核验 and covers
// nothing until the regulator verifies it (docs/decisions/015). Without
// JavaScript: every form here is a plain POST.
const SHUTIAN = "agency6@demo.zjcs.cn"; // 四川蜀天气象科技服务有限公司, listed for 雷电/气候 only
const NAME = "四川蜀天气象科技服务有限公司";

test.use({ javaScriptEnabled: false });

async function addFloodCredential(page: Page, number: string) {
  await page.goto("/agency/profile");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "添加资质", exact: true }) });
  await form.getByLabel("资质类型").fill("水文水资源调查评价资质");
  await form.getByLabel("资质等级").fill("乙级");
  await form.getByLabel("证书编号").fill(number);
  await form.getByLabel("发证机关").fill("水利部");
  await form.getByLabel("有效期至").fill("2031-06-30");
  await form.getByLabel("ZJ-PT-005 洪水影响评价").check();
  await form.getByRole("button", { name: "添加资质", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("已添加资质证书。");
  const card = page.getByTestId("credential").filter({ hasText: number });
  await expect(card.getByTestId("verification")).toHaveText("待核验");
  await expect(card).toContainText("主管部门核验通过前，该资质不能用于竞价");
}

function queueCard(page: Page, number: string) {
  return page.locator("#credentials li").filter({ hasText: number });
}

test("a credential added after listing waits for the regulator: refused with a reason, or verified", async ({ page, browser }) => {
  const stamp = Date.now().toString().slice(-6);
  const refusedNo = `水文乙字${stamp}-1`;
  const acceptedNo = `水文乙字${stamp}-2`;
  await login(page, SHUTIAN);
  await addFloodCredential(page, refusedNo);
  await addFloodCredential(page, acceptedNo);

  // Not public, not found by the item, while it waits.
  const visitor = await browser.newPage();
  await visitor.goto("/agencies?item=ZJ-PT-005");
  await expect(visitor.getByRole("link", { name: NAME })).toHaveCount(0);

  const regulator = await browser.newPage();
  await login(regulator, demo.regulator);
  await regulator.goto("/regulator");
  const tile = regulator.locator('[data-queue="credentials"]');
  await expect(tile).toContainText("待核验资质变更");
  await tile.getByRole("link").click();
  await expect(regulator).toHaveURL(/\/regulator\/reviews#credentials$/);
  await expect(regulator.getByRole("heading", { level: 2, name: "资质变更待核验" })).toBeVisible();

  // 不予认可 needs a reason: the message is next to the field, the card stays.
  let card = queueCard(regulator, refusedNo);
  await expect(card).toContainText(NAME);
  await expect(card).toContainText("洪水影响评价");
  await card.getByRole("button", { name: "不予认可" }).click();
  card = queueCard(regulator, refusedNo);
  await expect(card.getByText("请填写此项")).toBeVisible();
  await expect(card.getByLabel("不予认可的理由")).toHaveAttribute("aria-invalid", "true");
  await card.getByLabel("不予认可的理由").fill("证书编号在水利部资质查询系统中查无此证");
  await card.getByRole("button", { name: "不予认可" }).click();
  await expect(regulator.getByRole("status")).toContainText(`已不予认可：${NAME} 的 水文水资源调查评价资质（${refusedNo}）`);
  await expect(queueCard(regulator, refusedNo)).toHaveCount(0);

  await queueCard(regulator, acceptedNo).getByRole("button", { name: "核验通过" }).click();
  await expect(regulator.getByRole("status")).toContainText(`已核验通过：${NAME}`);
  await expect(queueCard(regulator, acceptedNo)).toHaveCount(0);
  await regulator.close();

  // The agency sees both outcomes and is notified.
  await page.goto("/agency/profile");
  const refused = page.getByTestId("credential").filter({ hasText: refusedNo });
  await expect(refused.getByTestId("verification")).toHaveText("未通过核验");
  await expect(refused.getByTestId("reject-reason")).toHaveText("未通过核验：证书编号在水利部资质查询系统中查无此证");
  await expect(page.getByTestId("credential").filter({ hasText: acceptedNo }).getByTestId("verification")).toHaveText("已核验");
  await page.goto("/dashboard");
  await expect(page.getByText(`您新增的资质“水文水资源调查评价资质 乙级”（证书编号 ${acceptedNo}）已核验通过，可用于竞价。`)).toBeVisible();

  // Now the directory finds it by the item, and the public profile shows the verified one only.
  await visitor.goto("/agencies?item=ZJ-PT-005");
  await visitor.getByRole("link", { name: NAME }).click();
  await expect(visitor.getByText(acceptedNo, { exact: false })).toBeVisible();
  await expect(visitor.getByText(refusedNo, { exact: false })).toHaveCount(0);
  await visitor.close();
});
