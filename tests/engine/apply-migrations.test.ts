// prisma/engine/migrate.mjs (what the app runs at boot) and pglite-lock.mjs,
// plus Prisma Client over both driver adapters on the migrated databases.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { withDatabase } from "../../prisma/engine/datasource.mjs";
import { DEFAULT_MIGRATIONS_DIR, applyMigrations } from "../../prisma/engine/migrate.mjs";
import { PgliteLockedError, acquireLock, lockFilePath, readLockHolder, releaseLock } from "../../prisma/engine/pglite-lock.mjs";
import { openEmptyPGlite, openPGliteDirectory } from "../../prisma/engine/pglite-store.mjs";
import { TEST_DATABASE_URL, type Project, createProject, expectSuccess, runPrisma, writeMigration } from "./helpers.ts";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const projectMigrations = fs
  .readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function publicTables(db: PGlite) {
  const { rows } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

describe("applyMigrations (app boot)", () => {
  it("applies the project's migrations to a fresh PGlite, then is a no-op", async () => {
    const db = await openEmptyPGlite();
    try {
      expect(projectMigrations.length).toBeGreaterThan(0);
      expect(await applyMigrations({ pglite: db })).toEqual(projectMigrations);
      expect(await publicTables(db)).toEqual(expect.arrayContaining(["User", "Agency", "AuditEvent", "_prisma_migrations"]));
      expect(await applyMigrations({ pglite: db })).toEqual([]);
      // The caller's PGlite stays open and usable.
      expect((await db.query(`SELECT count(*)::int AS n FROM _prisma_migrations`)).rows).toEqual([{ n: projectMigrations.length }]);
    } finally {
      await db.close();
    }
  });

  it("rejects with the database error when a migration fails, keeping the ones before it", async () => {
    const project = await createProject("apply-broken");
    const db = await openEmptyPGlite();
    try {
      await writeMigration(project, "20240101000000_ok", `CREATE TABLE "Ok" ("id" INTEGER PRIMARY KEY);`);
      await writeMigration(project, "20240102000000_broken", `CREATE TABLE "Broken" ("id" INTEGER REFERENCES "Nope"("id"));`);
      await expect(applyMigrations({ pglite: db }, project.migrationsDir)).rejects.toThrow(/Nope/);
      expect(await publicTables(db)).toEqual(["Ok", "_prisma_migrations"]);
      const { rows } = await db.query<{ migration_name: string; finished: boolean }>(
        `SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY 1`,
      );
      expect(rows).toEqual([
        { migration_name: "20240101000000_ok", finished: true },
        { migration_name: "20240102000000_broken", finished: false },
      ]);
    } finally {
      await db.close();
      await project.remove();
    }
  });
});

describe("Prisma Client on migrated databases", () => {
  let project: Project;
  // The generated client is TypeScript written at test time; typed loosely here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let PrismaClient: new (options: { adapter: unknown }) => any;

  beforeAll(async () => {
    project = await createProject("client");
    const offline = "postgresql://pglite/postgres?dir=/nonexistent"; // generate and diff --from-empty never open it
    expectSuccess(await runPrisma(project.dir, ["generate"], offline));
    const diff = expectSuccess(
      await runPrisma(project.dir, ["migrate", "diff", "--from-empty", "--to-schema", "schema.prisma", "--script"], offline),
    );
    await writeMigration(project, "20240101000000_init", diff.stdout);
    ({ PrismaClient } = await import(path.join(project.dir, "generated", "client.ts")));
  });

  afterAll(async () => {
    await project?.remove();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function exercise(prisma: any) {
    const author = await prisma.author.create({
      data: {
        email: "li@example.cn",
        name: "李",
        posts: {
          create: [
            { title: "一", tags: ["a", "b"], meta: { n: 1 } },
            { title: "二", status: "PUBLISHED" },
          ],
        },
      },
      include: { posts: { orderBy: { title: "asc" } } },
    });
    expect(author.posts.map((p: { title: string }) => p.title)).toEqual(["一", "二"]);
    await prisma.$transaction(async (tx: typeof prisma) => {
      await tx.post.updateMany({ where: { authorId: author.id }, data: { status: "PUBLISHED" } });
    });
    const post = await prisma.post.findFirst({ where: { title: "一" } });
    expect(post).toMatchObject({ status: "PUBLISHED", tags: ["a", "b"], meta: { n: 1 } });
    expect(await prisma.post.count({ where: { status: "PUBLISHED" } })).toBe(2);
  }

  it("embedded PGlite: lock, open, applyMigrations, PrismaPGlite; the CLI agrees afterwards", async () => {
    const dir = path.join(project.dir, "db");
    acquireLock(dir);
    const pglite = await openPGliteDirectory(dir);
    try {
      expect(await applyMigrations({ pglite }, project.migrationsDir)).toEqual(["20240101000000_init"]);
      const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
      await exercise(prisma);
      await prisma.$disconnect();
    } finally {
      await pglite.close();
      releaseLock(dir);
    }
    const status = expectSuccess(
      await runPrisma(project.dir, ["migrate", "status"], `postgresql://pglite/postgres?dir=${encodeURIComponent(dir)}`),
    );
    expect(status.output).toContain("Database schema is up to date!");
  });

  it.skipIf(!TEST_DATABASE_URL)("PostgreSQL: applyMigrations({ connectionString }), PrismaPg", async () => {
    const serverUrl = TEST_DATABASE_URL ?? "";
    const name = `engine_client_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const url = withDatabase(serverUrl, name);
      expect(await applyMigrations({ connectionString: url }, project.migrationsDir)).toEqual(["20240101000000_init"]);
      expect(await applyMigrations({ connectionString: url }, project.migrationsDir)).toEqual([]);
      const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
      await exercise(prisma);
      await prisma.$disconnect();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe("pglite-lock", () => {
  let project: Project;
  beforeAll(async () => {
    project = await createProject("lock");
  });
  afterAll(async () => {
    await project?.remove();
  });

  it("writes our pid to <dir>.lock, is re-entrant, and releases", () => {
    const dir = path.join(project.dir, "nested", "pglite");
    acquireLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8").trim()).toBe(String(process.pid));
    expect(lockFilePath(dir)).toBe(`${dir}.lock`);
    acquireLock(dir);
    releaseLock(dir);
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    releaseLock(dir); // idempotent
  });

  it("refuses a lock held by another live process", () => {
    const dir = path.join(project.dir, "held");
    fs.writeFileSync(`${dir}.lock`, `${process.ppid}\n`); // our parent: alive, and not us
    expect(() => acquireLock(dir)).toThrow(PgliteLockedError);
    expect(() => acquireLock(dir)).toThrow(`in use by process ${process.ppid}`);
    releaseLock(dir); // not ours: left alone
    expect(readLockHolder(dir)).toBe(process.ppid);
  });

  it("takes over a lock whose process is gone", async () => {
    const dir = path.join(project.dir, "stale");
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = child.pid;
    await new Promise((resolve) => child.on("exit", resolve));
    fs.writeFileSync(`${dir}.lock`, `${deadPid}\n`);
    acquireLock(dir);
    expect(readLockHolder(dir)).toBe(process.pid);
    releaseLock(dir);
  });
});
