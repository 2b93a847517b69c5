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

test("从业人员惩戒页面通过无障碍检查", async ({ browser }) => {
  test.setTimeout(60_000);
  // Axe runs as page script: JavaScript on for the scan only.
  expect(practitionerPath, "the first test sanctioned someone").toBeTruthy();
  const page = await (await browser.newContext({ storageState: states[demo.regulator]!, javaScriptEnabled: true })).newPage();
  expectClean(await scan(page, ["/regulator/practitioners", practitionerPath, "/credit"]));
});
