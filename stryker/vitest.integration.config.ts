// Vitest config used only by Stryker (npm run test:mutation:services): the
// `integration` project of vite.config.ts (embedded PGlite, one fresh database
// per test file) as a single, flat project.
//
// Every mutant re-runs the whole file of each covering test, beforeAll
// (database copy, catalogue seed, fixtures) included: against the full
// integration suite one mutant costs minutes on a small machine. By default
// the run therefore uses the rule-focused files (tests/integration/*-rules.test.ts);
// MUTATION_TESTS="glob,glob" widens it (docs/mutation-testing.md).
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
const include = (process.env.MUTATION_TESTS ?? "tests/integration/*-rules.test.ts")
  .split(",")
  .map((g) => g.trim())
  .filter(Boolean);

export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^~\/machines\//, replacement: path.join(root, "machines") + "/" },
      { find: /^~\//, replacement: path.join(root, "app") + "/" },
    ],
  },
  test: {
    name: "integration",
    environment: "node",
    include,
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["stryker/compile-regexps.ts", "tests/setup/worker-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
