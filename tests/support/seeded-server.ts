/**
 * The production server on a fresh database with the demo data (every role's
 * demo account, requests in every state, agencies, cases), for tests over
 * real HTTP: on PGlite in a throwaway directory, or — with TEST_DB=postgres —
 * in a throwaway database on TEST_DATABASE_URL. Runs as production
 * (NODE_ENV=production, no test clock).
 */
import { spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { testDatabaseUrl } from "./load-fixtures";
import { AppServer, freePort, prepareBuild, ROOT } from "./load-server";
import { testTarget } from "./target";

export type SeededServer = { server: AppServer; dataDir: string; close: () => Promise<void> };

function run(cmd: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr!.on("data", (b: Buffer) => (out += b.toString()));
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}:\n${out.slice(-3000)}`)),
    );
  });
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `name` names the data directory and database; `env` adds settings (given the data directory). */
export async function startSeededServer(
  name: string,
  env: (dataDir: string) => Record<string, string> = () => ({}),
): Promise<SeededServer> {
  const build = await prepareBuild();
  const dataDir = path.join(ROOT, `tests/.tmp/${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  const settings: Record<string, string> = {
    UPLOADS_DIR: path.join(dataDir, "uploads"),
    SESSION_SECRET: randomBytes(24).toString("hex"),
    AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    INSECURE_COOKIES: "1",
    ...env(dataDir),
  };
  let database: string | null = null;
  if (testTarget() === "postgres") {
    database = `zj_${name.replace(/\W/g, "_")}_${process.pid}`;
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${database}"`);
    settings.DATABASE_URL = testDatabaseUrl(database);
  } else {
    settings.DATABASE_URL = "";
    settings.PGLITE_DIR = path.join(dataDir, "pglite");
  }
  // The demo seed (migrates first).
  await run(process.execPath, ["--import", "tsx", "seeds/index.ts"], settings);
  const server = new AppServer(await freePort(), build, settings);
  await server.start();
  return {
    server,
    dataDir,
    close: async () => {
      await server.stop();
      if (database) await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
