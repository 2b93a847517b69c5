import path from "node:path";

/** Integration tests run on PGlite by default, on PostgreSQL when TEST_DB=postgres (with TEST_DATABASE_URL). */
export function testTarget(): "pglite" | "postgres" {
  if (process.env.TEST_DB === "postgres") {
    if (!process.env.TEST_DATABASE_URL) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
    return "postgres";
  }
  return "pglite";
}

/** Several test runs may share one PostgreSQL server: give each its own template with TEST_TEMPLATE_DB. */
export const TEMPLATE_DB = process.env.TEST_TEMPLATE_DB ?? "zj_test_template";

export function templateFile(): string {
  return path.resolve("tests/.tmp/pglite-template.tar.gz");
}
