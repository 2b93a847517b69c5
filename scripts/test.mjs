// `npm test`: typecheck, lint, unit, engine and integration tests on embedded PGlite,
// integration tests again on real PostgreSQL (TEST_DATABASE_URL), and the
// browser tests in Chromium. Ends with one line: "N passed, N failed, N skipped".
// A part that cannot run here is skipped loudly — except under CI=true, where
// a missing part, a skipped test or a project that ran no test is a failure.
//
// The date-sensitive integration tests run again under simulated dates
// (libfaketime moves the clock of Node and of the embedded database together;
// docs/decisions/020-simulated-dates.md). `npm test -- --dates-only` runs just that part.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
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

/** Which vitest project a result file belongs to (by the projects' include globs in vite.config.ts). */
function projectOf(file) {
  const rel = path.relative(root, file);
  if (rel.startsWith("tests/integration/")) return "integration";
  if (rel.startsWith("tests/load/")) return "load";
  if (rel.startsWith("tests/engine/")) return "engine";
  return "unit";
}

/**
 * The first line of an error, then (indented, at most 12 lines) what follows it up to the
 * stack: the expected/received diff of an assertion, so CI's tail shows what was wrong.
 */
function firstLine(text) {
  const all = stripVTControlCharacters(String(text ?? "")).split("\n");
  const start = all.findIndex((l) => l.trim());
  if (start < 0) return "(no message)";
  const rest = [];
  for (const l of all.slice(start + 1)) {
    if (/^\s+at /.test(l) || /^\s*❯ /.test(l)) break;
    if (!l.trim()) continue;
    rest.push(`      ${l.trimEnd().slice(0, 240)}`);
  }
  const head = all[start].trim().slice(0, 300);
  return rest.length
    ? `${head}\n${rest.slice(0, 12).join("\n")}${rest.length > 12 ? `\n      … ${rest.length - 12} more lines` : ""}`
    : head;
}

function vitest(name, projects, outFile, env = {}, { files = [], prefix = [] } = {}) {
  banner(name);
  rmSync(outFile, { force: true });
  const args = [
    "vitest",
    "run",
    ...projects.flatMap((p) => ["--project", p]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${outFile}`,
    ...files,
  ];
  const status = prefix.length ? run(prefix[0], [...prefix.slice(1), "npx", ...args], env) : run("npx", args, env);
  if (!existsSync(outFile)) {
    totals.failed++;
    lines.push(`${name}: FAILED to run (exit ${status})`);
    return;
  }
  const r = JSON.parse(readFileSync(outFile, "utf8"));
  const failedSuites = (r.testResults ?? []).filter((s) => s.status === "failed" && (s.assertionResults ?? []).length === 0).length;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // Under CI a skipped test is a failure: a condition that skips it (no PostgreSQL,
  // no build…) means the part it guards was not tested.
  const skipFailures = ci ? skipped : 0;
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + failedSuites + skipFailures;
  totals.skipped += ci ? 0 : skipped;
  lines.push(
    `${name}: ${r.numPassedTests} passed, ${r.numFailedTests + failedSuites} failed, ${skipped} skipped${skipFailures ? " (skips count as failures under CI)" : ""}`,
  );
  // Name every failure in the summary: CI shows only the tail of the output.
  for (const s of r.testResults ?? []) {
    if (s.status === "failed" && (s.assertionResults ?? []).length === 0)
      lines.push(`  ✗ ${path.relative(root, s.name)}: ${firstLine(s.message)}`);
    for (const a of s.assertionResults ?? [])
      if (a.status === "failed") lines.push(`  ✗ ${path.relative(root, s.name)} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  }
  if (skipFailures) {
    for (const s of r.testResults ?? []) {
      for (const a of s.assertionResults ?? [])
        if (a.status === "pending" || a.status === "skipped" || a.status === "todo")
          console.log(`  SKIPPED under CI: ${path.relative(root, s.name)} › ${a.fullName}`);
    }
  }
  // A project (or an explicit file list) that ran no test at all is a failure, never a pass.
  const ran = new Map(projects.map((p) => [p, 0]));
  for (const s of r.testResults ?? []) {
    const p = projectOf(s.name);
    if (ran.has(p))
      ran.set(p, ran.get(p) + (s.assertionResults ?? []).filter((a) => a.status === "passed" || a.status === "failed").length);
  }
  for (const [p, n] of ran) {
    if (n === 0) {
      totals.failed++;
      lines.push(`${name}: project "${p}" ran no test — FAILED`);
    }
  }
  if (status !== 0 && r.numFailedTests + failedSuites === 0) {
    totals.failed++;
    lines.push(`${name}: runner exited ${status}`);
  }
}

/**
 * Simulated "now"s for the date-sensitive tests, each as Beijing wall-clock time
 * (the processes run with TZ=Asia/Shanghai there, so a machine-timezone
 * dependence shows too). Chosen where calendars break: the first minutes of a
 * month, the Beijing new year while UTC is still on 31 December, a leap day,
 * and years ahead (credential expiries, demo data).
 */
const SIMULATED_NOWS = [
  { label: "1st of a month, 00:10 Beijing", at: "2027-03-01 00:10:00" },
  { label: "31 December 23:30 Beijing (15:30 UTC)", at: "2026-12-31 23:30:00" },
  { label: "29 February 2028 (leap day)", at: "2028-02-29 12:00:00" },
  { label: "2 January 2028", at: "2028-01-02 10:00:00" },
  { label: "2 January 2030", at: "2030-01-02 10:00:00" },
];

/** The tests whose outcome could depend on the date: seeds, indicators, scheduler, deadlines, appeal windows, publicity periods, credit decay, credential expiry. */
const DATE_SENSITIVE = [
  "tests/integration/seed.test.ts",
  "tests/integration/indicators.test.ts",
  "tests/integration/requests.test.ts",
  "tests/integration/award.test.ts",
  "tests/integration/cases.test.ts",
  "tests/integration/credit.test.ts",
  "tests/integration/ratings.test.ts",
  "tests/integration/directory.test.ts",
  "tests/integration/agency-profile.test.ts",
  "tests/integration/exit-terminate.test.ts",
  "tests/integration/disclosure.test.ts",
];

function faketimeBinary() {
  const r = spawnSync("sh", ["-c", "command -v faketime"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

function simulatedDates() {
  const faketime = faketimeBinary();
  if (!faketime) {
    missingPart("Simulated-date pass", "faketime is not installed (apt-get install faketime)");
    return;
  }
  for (const [i, d] of SIMULATED_NOWS.entries()) {
    vitest(
      `date-sensitive tests at ${d.at} Beijing — ${d.label} (PGlite)`,
      ["integration"],
      path.join(tmp, `vitest-date-${i}.json`),
      { TZ: "Asia/Shanghai", ZJ_SIMULATED_NOW: d.at },
      {
        files: DATE_SENSITIVE,
        prefix: [faketime, "-m", "--exclude-monotonic", "-f", `@${d.at}`],
      },
    );
  }
}

if (process.argv.includes("--dates-only")) {
  simulatedDates();
  banner("summary");
  for (const l of lines) console.log(`  ${l}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

// 1. Types
banner("typecheck");
const typeStatus = run("npx", ["react-router", "typegen"]) || run("npx", ["tsc", "--noEmit"]);
if (typeStatus === 0) totals.passed++;
else totals.failed++;
lines.push(`typecheck: ${typeStatus === 0 ? "passed" : "FAILED"}`);

// 1b. The code's shape (docs/architecture.md): eslint boundaries, no import cycles, formatting.
banner("lint");
const lintStatus = run("npm", ["run", "--silent", "lint"]);
if (lintStatus === 0) totals.passed++;
else totals.failed++;
lines.push(`lint (eslint, import cycles, prettier): ${lintStatus === 0 ? "passed" : "FAILED"}`);

// 2. Unit, engine (PGlite and, when set, PostgreSQL) and integration on PGlite
vitest("unit + engine + integration (PGlite)", ["unit", "engine", "integration"], path.join(tmp, "vitest-pglite.json"));

// 3. Integration on real PostgreSQL
if (process.env.TEST_DATABASE_URL) {
  vitest("integration + load and fault (PostgreSQL)", ["integration", "load"], path.join(tmp, "vitest-postgres.json"), {
    TEST_DB: "postgres",
  });
} else {
  missingPart("PostgreSQL integration pass", "TEST_DATABASE_URL is not set (see README: Tests)");
}

// 4. Date-sensitive tests under simulated dates (PGlite)
simulatedDates();

// 5. Browser tests
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
    const walk = (suite, trail) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          if (t.status === "unexpected" || t.status === "flaky") {
            const err = t.results?.find((x) => x.error)?.error?.message;
            lines.push(`  ✗ ${[...trail, spec.title].join(" › ")}: ${firstLine(err)}`);
          }
      for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
    };
    for (const suite of JSON.parse(readFileSync(out, "utf8")).suites ?? []) walk(suite, [suite.title]);
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
