import { PGlite } from "@electric-sql/pglite";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../prisma/engine/migrate.mjs";
import { TEMPLATE_DB, templateFile, testTarget } from "../support/target";

const migrationsDir = path.resolve("prisma/migrations");

function migrationsHash(): string {
  const h = createHash("sha256");
  for (const dir of readdirSync(migrationsDir).sort()) {
    const file = path.join(migrationsDir, dir, "migration.sql");
    if (existsSync(file)) h.update(dir).update(readFileSync(file));
  }
  return h.digest("hex");
}

/**
 * Migrates one template database per run; each test file then gets a cheap copy
 * of it. Several vitest projects (integration, load) share this setup and run
 * it in one process, possibly at once: the work is done once per process, or
 * one would drop the template while the other migrates it.
 */
export default function setup(): Promise<void> {
  const slot = globalThis as unknown as { __zjTemplateSetup?: Promise<void> };
  slot.__zjTemplateSetup ??= buildTemplate();
  return slot.__zjTemplateSetup;
}

async function buildTemplate(): Promise<void> {
  if (testTarget() === "postgres") {
    const admin = process.env.TEST_DATABASE_URL!;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
    } finally {
      await client.end();
    }
    const url = new URL(admin);
    url.pathname = `/${TEMPLATE_DB}`;
    await applyMigrations({ connectionString: url.toString() }, migrationsDir);
    return;
  }
  const file = templateFile();
  const stamp = `${file}.hash`;
  const hash = migrationsHash();
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const pglite = await PGlite.create();
  await applyMigrations({ pglite }, migrationsDir);
  const dump = await pglite.dumpDataDir("gzip");
  // Write-then-rename: a concurrent run never reads a half-written template.
  const tmpFile = `${file}.${process.pid}.tmp`;
  writeFileSync(tmpFile, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmpFile, file);
  writeFileSync(stamp, hash);
  await pglite.close();
}
