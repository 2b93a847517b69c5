// `npm start`: build when the sources are newer than the build, seed an empty
// embedded database with demo data, then serve the production build.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const e of readdirSync(p)) if (e !== "generated") max = Math.max(max, newest(path.join(p, e)));
  return max;
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const buildMarker = path.join(root, "build/server/index.js");
const sources = Math.max(newest("app"), newest("prisma/schema.prisma"), newest("package-lock.json"), newest("vite.config.ts"));
if (!existsSync("app/generated/prisma/client.ts") || newest("prisma/schema.prisma") > newest("app/generated/prisma/client.ts")) {
  run("npx", ["prisma", "generate"]);
}
if (!existsSync(buildMarker) || newest(buildMarker) < sources) {
  console.log("Building the production bundle…");
  // Always the production bundle, also when the server itself runs with NODE_ENV=test (the browser tests).
  run("npx", ["react-router", "build"], { NODE_ENV: "production" });
}

// Demo data: always for the embedded database (only when it is empty); on
// PostgreSQL only when asked with SEED_DEMO=1.
if (!process.env.DATABASE_URL || process.env.SEED_DEMO === "1") {
  run(process.execPath, ["--import", "tsx", "seeds/index.ts", "--if-empty"]);
}

const server = spawn(process.execPath, ["scripts/server.mjs"], {
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
