// Starts `npm start` on a throwaway embedded database for the browser tests.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";

const root = path.resolve(import.meta.dirname, "..");
// One data directory per port, so two runs on different ports never share a database.
const dir = path.join(root, `tests/.tmp/e2e-data-${process.env.PORT ?? "3100"}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
  cwd: root,
  stdio: "inherit",
  // ZJ_ERROR_LOG: unhandled server errors are appended there; tests/e2e/global-teardown.ts fails the run on any (decision 017).
  env: {
    ...process.env,
    PGLITE_DIR: path.join(dir, "pglite"),
    UPLOADS_DIR: path.join(dir, "uploads"),
    DATABASE_URL: "",
    ZJ_ERROR_LOG: path.join(dir, "unhandled-errors.log"),
    // One JSON line per request would bury Playwright's own output; warnings and errors still show.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
