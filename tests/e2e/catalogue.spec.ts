import { expect, test } from "@playwright/test";
import { demo, login, waitForHydration } from "./helpers";

// Uses ZJ-PT-007 (气候可行性论证) for the edit and a new item of its own for
// retirement, so other browser tests can rely on the rest of the seed catalogue.

test("the admin amends an item with a reason and the public page shows version 2 and the change", async ({ page }) => {
  await login(page, demo.admin);
  await page.goto("/admin/catalogue");
  await page.getByRole("link", { name: "调整 气候可行性论证" }).click();
  await expect(page).toHaveURL(/\/admin\/catalogue\/ZJ-PT-007\/edit$/);
  await expect(page.getByText("当前版本：第 1 版")).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("收费标准").fill("按论证区域面积和气象观测要求计价，实行市场调节价。");
  await page.getByLabel("变更理由").fill("明确收费计价方式");
  await page.getByRole("button", { name: "保存为新版本并发布" }).click();

  await expect(page).toHaveURL(/\/catalogue\/ZJ-PT-007\?saved=2$/);
  await expect(page.getByRole("status").filter({ hasText: "变更已保存为第 2 版" })).toBeVisible();
  await expect(page.getByText("版本 2 · 有效")).toBeVisible();
  const history = page.getByRole("region", { name: "版本记录" });
  const v2 = history.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /第 2 版/ }) });
  await expect(v2.getByText("明确收费计价方式")).toBeVisible();
  const row = v2.getByRole("row", { name: /收费标准/ });
  await expect(row).toContainText("按论证区域面积和气象观测要求计价，实行市场调节价。");
  await expect(history.getByRole("heading", { name: /第 1 版/ })).toBeVisible();

  // Published as a catalogue announcement, linked to the item.
  await page.goto("/announcements?kind=CATALOGUE_CHANGE");
  const ann = page.getByRole("listitem").filter({ hasText: "气候可行性论证（第 2 版）" });
  await expect(ann).toContainText("明确收费计价方式");
  await ann.getByRole("link", { name: "查看事项" }).click();
  await expect(page).toHaveURL(/\/catalogue\/ZJ-PT-007$/);
});

test("an empty reason shows the translated error next to the field and saves nothing", async ({ page }) => {
  await login(page, demo.admin);
  await page.goto("/admin/catalogue/ZJ-PT-010/edit");
  await waitForHydration(page);
  await page.getByLabel("收费标准").fill("任意修改");
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "保存为新版本并发布" }).click();
  expect((await response).status()).toBe(400);
  await expect(page.getByText("请填写变更理由")).toBeVisible();
  await expect(page.getByLabel("变更理由")).toHaveAttribute("aria-invalid", "true");
  // The other input is kept for correction.
  await expect(page.getByLabel("收费标准")).toHaveValue("任意修改");
  await page.goto("/catalogue/ZJ-PT-010");
  await expect(page.getByText("版本 1 · 有效")).toBeVisible();
});

test("the admin creates an item and retires it; it stays listed, marked and readable", async ({ page }) => {
  await login(page, demo.admin);
  await page.goto("/admin/catalogue");
  await page.getByRole("link", { name: "新增事项" }).click();
  const fields: [string, string][] = [
    ["事项编码", "E2E-001"],
    ["事项名称", "建设项目日照分析"],
    ["英文名称", "Sunlight Analysis"],
    ["类别", "技术审查"],
    ["英文类别", "Technical Review"],
    ["主管部门", "区规划资源局"],
    ["服务的审批事项", "建设工程设计方案审批"],
    ["设定依据", "《上海市城市规划管理技术规定》"],
    ["办理时限（工作日）", "7"],
    ["服务标准", "按本市日照分析管理规定执行"],
    ["申请材料", "1. 委托书"],
    ["办理流程", "1. 发布需求\n2. 建模分析"],
    ["服务内容", "日照影响分析"],
    ["收费标准", "市场调节价"],
    ["质量控制", "报告经审核后交付"],
    ["变更理由", "新增日照分析事项"],
  ];
  for (const [label, value] of fields) await page.getByRole("textbox", { name: label, exact: true }).fill(value);
  await page.getByRole("button", { name: "创建并发布" }).click();
  await expect(page).toHaveURL(/\/catalogue\/E2E-001\?saved=1$/);

  await page.goto("/admin/catalogue/E2E-001/edit");
  await page.getByLabel("废止理由").fill("并入建设工程设计方案审查");
  await page.getByRole("button", { name: "废止事项" }).click();
  await expect(page).toHaveURL(/\/catalogue\/E2E-001\?saved=2$/);
  await expect(page.getByText(/该事项已于 .* 废止/)).toBeVisible();
  await expect(page.getByRole("link", { name: "调整", exact: true })).toHaveCount(0);

  await page.goto("/catalogue?q=日照");
  const row = page.getByRole("row", { name: /E2E-001/ });
  await expect(row).toContainText("已废止");
  await page.goto("/catalogue?q=Sunlight");
  await expect(page.getByRole("row", { name: /E2E-001/ })).toBeVisible();
});
