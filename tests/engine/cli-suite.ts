// The CLI scenarios every backend must pass: the real `prisma` CLI driving
// prisma/engine/schema-engine.mjs. Steps run in order on one project + database.
import fs from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, expect, it } from "vitest";

import { type Backend, type Project, type TestDatabase, createProject, expectSuccess, runPrisma, writeMigration } from "./helpers.ts";

export function defineCliSuite(backend: Backend, hooks: { afterSchemaChange?: () => Promise<void> } = {}) {
  let project: Project;
  let db: TestDatabase;
  const prisma = (...args: string[]) => runPrisma(project.dir, args, db.url);

  beforeAll(async () => {
    project = await createProject(backend.name.replace(/\W+/g, "-").toLowerCase());
    db = await backend.create(project);
  });

  afterAll(async () => {
    await db?.destroy();
    await project?.remove();
  });

  it("migrate diff prints the SQL for the schema (no database needed)", async () => {
    const result = expectSuccess(await prisma("migrate", "diff", "--from-empty", "--to-schema", "schema.prisma", "--script"));
    expect(result.stdout).toContain('CREATE TYPE "Status" AS ENUM');
    expect(result.stdout).toContain('CREATE TABLE "Author"');
    expect(result.stdout).toContain('CREATE TABLE "Post"');
    expect(result.stdout).toContain("FOREIGN KEY");
    await writeMigration(project, "20240101000000_init", result.stdout);
  });

  it("migrate deploy creates the missing database and applies the migration", async () => {
    const result = expectSuccess(await prisma("migrate", "deploy"));
    expect(result.output).toMatch(/database \S+ created at/i);
    expect(result.output).toContain("20240101000000_init");
    expect(result.output).toContain("All migrations have been successfully applied");
    expect(await db.tables()).toEqual(["Author", "Post", "_prisma_migrations"]);
  });

  it("migrate status reports the database up to date", async () => {
    const result = expectSuccess(await prisma("migrate", "status"));
    expect(result.output).toContain("Database schema is up to date!");
  });

  it("migrate dev --create-only turns a schema change into a new migration", async () => {
    await project.appendToSchema(`model Comment {\n  id   Int    @id @default(autoincrement())\n  body String\n}`);
    await hooks.afterSchemaChange?.();
    const result = expectSuccess(await prisma("migrate", "dev", "--create-only", "--name", "add_comment"));
    const names = await project.migrationNames();
    expect(names).toHaveLength(2);
    expect(names[1]).toMatch(/^\d{14}_add_comment$/);
    const sql = await fs.readFile(path.join(project.migrationsDir, names[1] ?? "", "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Comment"');
    expect(result.output).toContain("without applying it");
    expect(await db.tables()).not.toContain("Comment");

    const status = await prisma("migrate", "status");
    expect(status.code).not.toBe(0);
    expect(status.output).toContain("add_comment");
  });

  it("migrate dev applies the pending migration and creates the next one", async () => {
    // Pending migration + new change in one run: the path where the wasm engine
    // loses its shadow database factory (gap 4).
    await project.appendToSchema(`model Tag {\n  id   Int    @id @default(autoincrement())\n  name String @unique\n}`);
    const result = expectSuccess(await prisma("migrate", "dev", "--name", "add_tag"));
    expect(result.output).toContain("Your database is now in sync with your schema.");
    const names = await project.migrationNames();
    expect(names).toHaveLength(3);
    expect(names[2]).toMatch(/_add_tag$/);
    expect(await db.tables()).toEqual(["Author", "Comment", "Post", "Tag", "_prisma_migrations"]);
  });

  it("migrate diff from the live database to the schema is empty", async () => {
    const result = expectSuccess(await prisma("migrate", "diff", "--from-config-datasource", "--to-schema", "schema.prisma", "--script"));
    expect(result.stdout).toContain("This is an empty migration.");
  });

  it("db push applies a schema change without creating a migration", async () => {
    await project.appendToSchema(`model Pushed {\n  id Int @id\n}`);
    const result = expectSuccess(await prisma("db", "push"));
    expect(result.output).toContain("Your database is now in sync with your Prisma schema");
    expect(await db.tables()).toContain("Pushed");
    expect(await project.migrationNames()).toHaveLength(3);
  });

  it("db execute runs a script of several statements", async () => {
    const file = path.join(project.dir, "script.sql");
    await fs.writeFile(
      file,
      `INSERT INTO "Author" (email) VALUES ('x@example.com');\nINSERT INTO "Author" (email, name) VALUES ('y@example.com', 'a;b');\n`,
    );
    expectSuccess(await prisma("db", "execute", "--file", "script.sql"));
    expect(await db.query(`SELECT name FROM "Author" ORDER BY email`)).toEqual([{ name: "" }, { name: "a;b" }]);
  });

  it("migrate reset --force empties the database and re-applies the migrations", async () => {
    await db.query(`INSERT INTO "Author" (email) VALUES ('a@example.com')`);
    const result = expectSuccess(await prisma("migrate", "reset", "--force"));
    expect(result.output).toMatch(/reset/i);
    expect(await db.tables()).toEqual(["Author", "Comment", "Post", "Tag", "_prisma_migrations"]);
    expect(await db.query(`SELECT * FROM "Author"`)).toEqual([]);
    const applied = await db.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(applied.map((row) => row.migration_name)).toEqual(await project.migrationNames());
  });

  it("a failing migration exits non-zero and shows the database error", async () => {
    await writeMigration(project, "20990101000000_broken", `CREATE TABLE "Broken" ("id" INTEGER REFERENCES "NoSuchTable"("id"));\n`);
    const result = await prisma("migrate", "deploy");
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("20990101000000_broken");
    expect(result.output).toMatch(/NoSuchTable/); // the database's complaint reaches the user
    expect(await db.tables()).not.toContain("Broken");
    await fs.rm(path.join(project.migrationsDir, "20990101000000_broken"), { recursive: true });
  });
}
