import { expect, test } from "@playwright/test";
import { makeResidentId } from "../../app/lib/resident-id";
import { expectClean, scan } from "./axe";
import { demo } from "./helpers";
import { openAs, signIn, type StorageState } from "./requests-helpers";

// 从业人员惩戒 end to end, in Chinese, without JavaScript: an agency records a practitioner with
// her resident ID number (a wrong check digit is refused at the field; afterwards only the masked
// number is shown), the regulator blacklists her, the public sees name + masked number on /credit,
// and no other agency can take her on.

test.use({ javaScriptEnabled: false });

const AGENCY2 = "agency2@demo.zjcs.cn";
const ID = makeResidentId("31010419880808012");
const MASKED = `310***********${ID.slice(-4)}`;
const WRONG = ID.slice(0, 17) + (ID[17] === "1" ? "2" : "1");
let states: Record<string, StorageState>;
let practitionerPath = "";

test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  states = await signIn(browser, [demo.agency, AGENCY2, demo.regulator]);
});

test("机构登记从业人员身份证号（校验位校验、脱敏显示），监管部门列入黑名单并公示，他人不能再聘用", async ({ browser }) => {
  test.setTimeout(120_000);
  const agency = await openAs(browser, states[demo.agency]!);
  await agency.goto("/agency/profile");
  const add = async (page: typeof agency, id: string) => {
    await page.getByRole("textbox", { name: "姓名", exact: true }).fill("郑洁");
    await page.getByRole("textbox", { name: "身份证号", exact: true }).fill(id);
    await page.getByRole("textbox", { name: "执业资格", exact: true }).fill("注册测绘师");
    await page.getByRole("button", { name: "添加从业人员" }).click();
  };
  await add(agency, WRONG);
  await expect(agency.getByText("身份证号校验码不正确，请核对")).toBeVisible();
  await expect(agency.getByRole("textbox", { name: "身份证号", exact: true })).toHaveValue("");
  await add(agency, ID);
  await expect(agency.getByText("已添加从业人员。")).toBeVisible();
  await expect(agency.getByRole("row", { name: /郑洁/ })).toContainText(MASKED);
  expect(await agency.content()).not.toContain(ID);

  // The regulator finds her and blacklists her for three years.
  const reg = await openAs(browser, states[demo.regulator]!);
  await reg.goto("/regulator");
  await reg.getByRole("link", { name: "从业人员惩戒" }).click();
  await reg.getByLabel("姓名、证书编号或身份证号").fill("郑洁");
  await reg.getByRole("button", { name: "查找" }).click();
  await reg.getByRole("link", { name: "郑洁" }).click();
  practitionerPath = new URL(reg.url()).pathname;
  await reg.getByLabel("惩戒种类").selectOption({ label: "列入黑名单" });
  await reg.getByLabel("惩戒理由").fill("在多个项目中出具虚假测绘成果。");
  await reg.getByLabel("法律依据").fill("《中华人民共和国测绘法》第五十一条");
  await reg.getByLabel("证据摘要").fill("检查笔录及成果比对报告。");
  await reg.getByRole("button", { name: "作出惩戒并公示" }).click();
  await expect(reg.getByText("请填写此项")).toBeVisible();
  await reg.getByLabel("列入黑名单年限").fill("3");
  await reg.getByRole("button", { name: "作出惩戒并公示" }).click();
  await expect(reg.getByTestId("done")).toHaveText("已作出惩戒，并已在信用公示中公开。");
  await expect(reg.getByTestId("practitioner-sanction")).toContainText("执行中");

  // Disclosed with the masked number only.
  const visitor = await browser.newPage();
  await visitor.goto("/credit");
  const entry = visitor.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" });
  await expect(entry).toContainText("列入黑名单");
  await expect(entry.getByTestId("id-masked")).toHaveText(MASKED);
  expect(await visitor.content()).not.toContain(ID);

  // No other agency can take her on (the blacklist is checked before the one-agency rule).
  const other = await openAs(browser, states[AGENCY2]!);
  await other.goto("/agency/profile");
  await add(other, ID);
  await expect(other.getByText("此人已被列入从业人员黑名单，不能登记为任何机构的从业人员。")).toBeVisible();
});

test("机构对从业人员惩戒提出申诉（一次，理由必填），他机构不能申诉，监管部门复核维持并公示", async ({ browser }) => {
  test.setTimeout(120_000);
  expect(practitionerPath, "the first test sanctioned someone").toBeTruthy();
  // The agency she was with when sanctioned finds the sanction from its profile and objects (申诉).
  const agency = await openAs(browser, states[demo.agency]!);
  await agency.goto("/agency/profile");
  await agency.getByRole("link", { name: "本机构从业人员的惩戒" }).click();
  await expect(agency).toHaveURL(/\/agency\/practitioner-sanctions$/);
  await expect(agency.getByText(/可在作出之日起 60 日内申诉一次/)).toBeVisible();
  const entry = agency.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" });
  await expect(entry).toContainText("列入黑名单");
  await expect(entry.getByTestId("id-masked")).toHaveText(MASKED);
  const sanctionId = (await entry.locator('input[name="sanctionId"]').first().getAttribute("value"))!;
  expect(sanctionId).toBeTruthy();
  await entry.getByRole("button", { name: "提出申诉" }).click();
  // Refused at the field (a 400, the page as it was), nothing filed.
  const again = agency.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" });
  await expect(again.getByText("请填写此项")).toBeVisible();
  await again.getByLabel("申诉理由").fill("成果比对报告所依据的底图版本有误，请求复核。");
  await again.getByRole("button", { name: "提出申诉" }).click();
  await expect(agency.getByTestId("done")).toHaveText("申诉已提交，监管部门将复核。");
  const filed = agency.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" });
  await expect(filed.getByTestId("sanction-review")).toContainText("申诉，复核中");
  // Once per sanction: the form is gone, and a second post of it is refused (409, translated).
  await expect(filed.getByRole("button", { name: "提出申诉" })).toHaveCount(0);
  const origin = new URL(agency.url()).origin;
  const objection = { intent: "object", sanctionId, objectionReason: "再次申诉。" };
  const twice = await agency.request.post("/agency/practitioner-sanctions", { form: objection, headers: { Origin: origin } });
  expect(twice.status()).toBe(409);
  expect(await twice.text()).toContain("该惩戒已申诉过，每项惩戒只能申诉一次。"); // said above the list: the form is gone

  // Another agency (she was never on its roster) does not see the sanction, and posting an objection is a 404.
  const other = await openAs(browser, states[AGENCY2]!);
  await other.goto("/agency/practitioner-sanctions");
  await expect(other.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" })).toHaveCount(0);
  const foreign = await other.request.post("/agency/practitioner-sanctions", { form: objection, headers: { Origin: origin } });
  expect(foreign.status()).toBe(404);
  expect(await foreign.text()).toContain("没有找到该惩戒记录。");

  // The regulator reviews (复核): the reason is required; upheld, the sanction stays and the outcome is published.
  const reg = await openAs(browser, states[demo.regulator]!);
  await reg.goto("/regulator/practitioners");
  const toReview = reg.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" });
  await expect(toReview.getByTestId("sanction-review")).toContainText("复核中");
  await toReview.getByRole("radio", { name: "维持惩戒" }).check();
  await toReview.getByRole("button", { name: "作出复核结论并公示" }).click();
  await expect(reg.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" }).getByText("请填写此项")).toBeVisible();
  const form = reg.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" });
  await form.getByLabel("复核理由").fill("底图版本经核实无误，原认定事实清楚。");
  await form.getByRole("button", { name: "作出复核结论并公示" }).click();
  await expect(reg.getByTestId("done")).toHaveText("复核结论已作出并公示。");
  const decided = reg.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" });
  await expect(decided.getByTestId("sanction-review")).toContainText("维持惩戒：底图版本经核实无误，原认定事实清楚。");
  await expect(decided.getByRole("button", { name: "作出复核结论并公示" })).toHaveCount(0);
  await expect(decided).toContainText("执行中"); // upheld: still in force
  // Decided once: the review posted again (a stale tab) is a translated 409 said above the list.
  const review = { intent: "review", sanctionId, outcome: "REVOKED", decisionReason: "再次复核。" };
  const late = await reg.request.post("/regulator/practitioners", { form: review, headers: { Origin: origin } });
  expect(late.status()).toBe(409);
  expect(await late.text()).toContain("该惩戒没有待复核的申诉。");

  // Published on /credit with the decision's reason; the agency's grounds are not.
  const visitor = await browser.newPage();
  await visitor.goto("/credit");
  const published = visitor.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" });
  await expect(published.getByTestId("sanction-review")).toContainText("维持惩戒：底图版本经核实无误");
  expect(await visitor.content()).not.toContain("底图版本有误");
  // The agency sees the outcome.
  await agency.reload();
  await expect(agency.getByTestId("practitioner-sanction").filter({ hasText: "郑洁" }).getByTestId("sanction-review")).toContainText(
    "维持惩戒",
  );
});

test("从业人员惩戒页面通过无障碍检查", async ({ browser }) => {
  // Four pages scanned (the agency's objection page too): about 15 s each on a shared machine.
  test.setTimeout(120_000);
  // Axe runs as page script: JavaScript on for the scan only.
  expect(practitionerPath, "the first test sanctioned someone").toBeTruthy();
  const page = await (await browser.newContext({ storageState: states[demo.regulator]!, javaScriptEnabled: true })).newPage();
  expectClean(await scan(page, ["/regulator/practitioners", practitionerPath, "/credit"]));
  const agency = await (await browser.newContext({ storageState: states[demo.agency]!, javaScriptEnabled: true })).newPage();
  expectClean(await scan(agency, ["/agency/practitioner-sanctions"]));
});
