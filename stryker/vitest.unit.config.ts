// Vitest config used only by Stryker (npm run test:mutation): the `unit`
// project of vite.config.ts as a single, flat project, so Stryker's
// `related` test selection and per-test coverage work without `--project`.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^~\/machines\//, replacement: path.join(root, "machines") + "/" },
      { find: /^~\//, replacement: path.join(root, "app") + "/" },
    ],
  },
  test: {
    name: "unit",
    environment: "node",
    include: ["app/**/*.test.ts", "machines/**/*.test.ts"],
    // as the unit project: the fair-competition engine's first review compiles its patterns (seconds under load)
    testTimeout: 30_000,
    setupFiles: ["stryker/compile-regexps.ts"],
  },
});
