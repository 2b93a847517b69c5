// Vitest config used only by Stryker (npm run test:mutation:services): the
// `integration` project of vite.config.ts (embedded PGlite, one fresh database
// per test file) as a single, flat project.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    name: "integration",
    environment: "node",
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/worker-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
