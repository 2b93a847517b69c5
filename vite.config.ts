/// <reference types="vitest/config" />
import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import path from "node:path";

// `~/machines/…` is the xstate machines at the top level; every other `~/…` is app/.
const alias = [
  { find: /^~\/machines\//, replacement: path.resolve(import.meta.dirname, "machines") + "/" },
  { find: /^~\//, replacement: path.resolve(import.meta.dirname, "app") + "/" },
];

// Test workers, like the server (scripts/server.mjs, decision 024), compile a regular expression to machine
// code on its first run instead of interpreting it first (V8's tier-up). Under vitest the fair-competition
// patterns (alternations of thousands of place names) stayed interpreted far longer than in a plain process:
// structure.test.ts took 10 to 230 s from one identical run to the next, and 1.9 s with this flag.
const execArgv = ["--no-regexp-tier-up"];

export default defineConfig({
  plugins: process.env.VITEST ? [] : [tailwindcss(), reactRouter()],
  resolve: { alias },
  ssr: {
    // Native / wasm-loading packages stay external to the server bundle.
    external: ["@node-rs/argon2", "@electric-sql/pglite", "@prisma/schema-engine-wasm", "pg"],
  },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          execArgv,
          sequence: { groupOrder: 0 },
          include: ["app/**/*.test.ts", "machines/**/*.test.ts", "seeds/**/*.test.ts"],
          // Not a speed check (benchmarks measure speed): the fair-competition engine compiles its
          // patterns on first use, which took 4.7 s at a load average of 9 — past vitest's 5 s default.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          execArgv,
          sequence: { groupOrder: 1 },
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/worker-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          // Load and fault tests: real PostgreSQL only (TEST_DB=postgres), run in the PostgreSQL pass.
          name: "load",
          environment: "node",
          execArgv,
          sequence: { groupOrder: 3 },
          include: ["tests/load/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/worker-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          maxWorkers: 1,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "engine",
          environment: "node",
          execArgv,
          sequence: { groupOrder: 2 },
          include: ["tests/engine/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
