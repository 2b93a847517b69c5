// `npm test`: typecheck, unit, engine and integration tests on embedded PGlite,
// integration tests again on real PostgreSQL (TEST_DATABASE_URL), and the
// browser tests in Chromium. Ends with one line: "N passed, N failed, N skipped".
// A part that cannot run here is skipped loudly — except under CI=true, where
// a missing part is a failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromiumExecutable, playwrightChromium } from "./browser.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const tmp = path.join(root, "tests/.tmp");
mkdirSync(tmp, { recursive: true });
const ci = process.env.CI === "true" || process.env.CI === "1";
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function banner(text) {
  console.log(`\n\x1b[1m━━ ${text} ━━\x1b[0m`);
}

function loud(text) {
  const bar = "!".repeat(Math.min(100, text.length + 8));
  console.log(`\n\x1b[33m${bar}\n!!  ${text}  !!\n${bar}\x1b[0m`);
}

function run(cmd, args, env = {}) {
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

function missingPart(name, why) {
  if (ci) {
    loud(`${name} CANNOT RUN: ${why} — a failure under CI=true`);
    totals.failed++;
    lines.push(`${name}: FAILED (missing: ${why})`);
  } else {
    loud(`${name} SKIPPED: ${why}`);
    totals.skipped++;
    lines.push(`${name}: skipped (${why})`);
  }
}

function vitest(name, projects, outFile, env = {}) {
  banner(name);
  rmSync(outFile, { force: true });
  const args = ["vitest", "run", "--passWithNoTests", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${outFile}`];
  const status = run("npx", args, env);
  if (!existsSync(outFile)) {
    totals.failed++;
    lines.push(`${name}: FAILED to run (exit ${status})`);
    return;
  }
  const r = JSON.parse(readFileSync(outFile, "utf8"));
  const failedSuites = (r.testResults ?? []).filter((s) => s.status === "failed" && (s.assertionResults ?? []).length === 0).length;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + failedSuites;
  totals.skipped += skipped;
  lines.push(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests + failedSuites} failed, ${skipped} skipped`);
  if (status !== 0 && r.numFailedTests + failedSuites === 0) {
    totals.failed++;
    lines.push(`${name}: runner exited ${status}`);
  }
}

// 1. Types
banner("typecheck");
const typeStatus = run("npx", ["react-router", "typegen"]) || run("npx", ["tsc", "--noEmit"]);
if (typeStatus === 0) totals.passed++;
else totals.failed++;
lines.push(`typecheck: ${typeStatus === 0 ? "passed" : "FAILED"}`);

// 2. Unit, engine (PGlite and, when set, PostgreSQL) and integration on PGlite
vitest("unit + engine + integration (PGlite)", ["unit", "engine", "integration"], path.join(tmp, "vitest-pglite.json"));

// 3. Integration on real PostgreSQL
if (process.env.TEST_DATABASE_URL) {
  vitest("integration + load and fault (PostgreSQL)", ["integration", "load"], path.join(tmp, "vitest-postgres.json"), { TEST_DB: "postgres" });
} else {
  missingPart("PostgreSQL integration pass", "TEST_DATABASE_URL is not set (see README: Tests)");
}

// 4. Browser tests
const browser = chromiumExecutable() ?? (await playwrightChromium());
if (!browser) {
  missingPart("Browser tests (Playwright)", "no Chromium: install the `chromium` package or run `npx playwright install chromium`");
} else {
  banner(`browser tests (Playwright, ${browser.source} Chromium: ${browser.path})`);
  const out = path.join(tmp, "playwright.json");
  rmSync(out, { force: true });
  const status = run("npx", ["playwright", "test"], { PW_REPORTER: "json", CHROMIUM_PATH: browser.path });
  if (!existsSync(out)) {
    totals.failed++;
    lines.push(`browser tests: FAILED to run (exit ${status})`);
  } else {
    const s = JSON.parse(readFileSync(out, "utf8")).stats;
    const failed = s.unexpected + (s.flaky ?? 0);
    totals.passed += s.expected;
    totals.failed += failed;
    totals.skipped += s.skipped;
    lines.push(`browser tests: ${s.expected} passed, ${failed} failed, ${s.skipped} skipped`);
    if (status !== 0 && failed === 0) {
      totals.failed++;
      lines.push(`browser tests: runner exited ${status}`);
    }
  }
}

banner("summary");
for (const l of lines) console.log(`  ${l}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
