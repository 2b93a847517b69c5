import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./scripts/browser.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const system = chromiumExecutable();
const launchOptions = {
  ...(system ? { executablePath: system.path } : {}),
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
// The phone layout has its own spec; the desktop specs run once, in the chromium project.
const PHONE_SPEC = /phone\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  // Fails the run when the server logged an unhandled error (a 500), even if every test passed (decision 017).
  globalTeardown: "./tests/e2e/global-teardown.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PW_REPORTER === "json" ? [["list"], ["json", { outputFile: "tests/.tmp/playwright.json" }]] : "list",
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    // A trace records every action's DOM snapshot and screencast even when the test passes, which costs
    // CPU the 2-core CI machine does not have, and nothing keeps CI's files: off under CI=true
    // (PW_TRACE=retain-on-failure turns it back on).
    trace: (process.env.PW_TRACE as "off" | "retain-on-failure" | undefined) ?? (process.env.CI ? "off" : "retain-on-failure"),
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: PHONE_SPEC, use: { ...devices["Desktop Chrome"], launchOptions } },
    // An iPhone 12–15 sized screen (390 × 844 CSS pixels), touch, in the same Chromium.
    {
      name: "phone",
      testMatch: PHONE_SPEC,
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, launchOptions },
    },
  ],
  // The production build on a fresh embedded database seeded with demo data.
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${PORT}/readyz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // ZJ_TEST_CLOCK=1: POST /__test/clock moves the database clock (docs/decisions/010-test-clock.md);
    // the server refuses it with NODE_ENV=production, so the e2e server (the production build on a
    // throwaway embedded database) runs with NODE_ENV=test.
    env: { PORT: String(PORT), ZJ_TEST_CLOCK: "1", NODE_ENV: "test" },
  },
});
