// The real Prisma CLI on embedded PGlite through prisma/engine/schema-engine.mjs.
import { spawn } from "node:child_process";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { pgliteUrl } from "../../prisma/engine/datasource.mjs";
import { lockFilePath } from "../../prisma/engine/pglite-lock.mjs";
import { defineCliSuite } from "./cli-suite.ts";
import { ROOT, createProject, pgliteBackend, runPrisma, type Project } from "./helpers.ts";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe("Prisma CLI on embedded PGlite", () => {
  defineCliSuite(pgliteBackend);
});

describe("PGlite lock", () => {
  let project: Project;
  beforeAll(async () => {
    project = await createProject("pglite-lock");
  });
  afterAll(async () => {
    await project?.remove();
  });

  it("the CLI refuses a PGlite directory held by another live process", async () => {
    const dir = path.join(project.dir, "db");
    // Stand-in for the running app: takes the lock and waits.
    const holder = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { acquireLock } from ${JSON.stringify(path.join(ROOT, "prisma/engine/pglite-lock.mjs"))};
         acquireLock(${JSON.stringify(dir)}); console.log("locked"); setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.once("data", () => resolve());
        holder.once("exit", (code) => reject(new Error(`lock holder exited with ${code}`)));
      });
      const result = await runPrisma(project.dir, ["migrate", "deploy"], pgliteUrl(dir));
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(`is in use by process ${holder.pid}`);
      expect(result.output).toContain(path.basename(lockFilePath(dir)));
    } finally {
      holder.kill();
    }
  });
});
