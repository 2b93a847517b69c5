import { PGlite } from "@electric-sql/pglite";
import { readFileSync } from "node:fs";
import pg from "pg";
import { openPglite, openPostgres } from "~/db/client.server";
import { TEMPLATE_DB, templateFile, testTarget } from "./target";

export type TestDb = Awaited<ReturnType<typeof openPglite>>;

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template
 * built once by global setup, or a PostgreSQL database cloned from a template
 * database (CREATE DATABASE … TEMPLATE is a file copy, far faster than migrating).
 */
export async function createTestDb(): Promise<TestDb & { name: string }> {
  if (testTarget() === "postgres") {
    const admin = new URL(process.env.TEST_DATABASE_URL!);
    const name = `zj_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
    } finally {
      await client.end();
    }
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const handle = await openPostgres(url.toString(), { migrate: false });
    return {
      ...handle,
      name,
      close: async () => {
        await handle.close();
        const c = new pg.Client({ connectionString: admin.toString() });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await c.end();
        }
      },
    };
  }
  const blob = new Blob([readFileSync(templateFile())]);
  const pglite = await PGlite.create({ loadDataDir: blob });
  const handle = await openPglite(undefined, { pglite, migrate: false });
  return { ...handle, name: "pglite" };
}
