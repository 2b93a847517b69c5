// Prisma CLI configuration (Prisma 7: the datasource URL lives here, not in schema.prisma).
//
// The native schema engine cannot be downloaded in this environment, so the CLI
// runs prisma/engine/schema-engine.mjs instead: a Node script driving
// @prisma/schema-engine-wasm over a JS driver adapter
// (docs/decisions/002-offline-prisma-engine.md). The CLI reads
// PRISMA_SCHEMA_ENGINE_BINARY after loading this file, so setting it here makes
// plain `npx prisma …` work; an explicitly exported value still wins.
//
// Database: $DATABASE_URL (postgresql://…) when set; otherwise the embedded
// PGlite database in ./data/pglite ($PGLITE_DIR overrides), written as
// postgresql://pglite/postgres?dir=<absolute dir>.
import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "prisma/config";

import { resolveDatabaseUrl } from "./prisma/engine/datasource.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma", "engine", "schema-engine.mjs");

export default defineConfig({
  schema: path.join(root, "prisma", "schema.prisma"),
  migrations: {
    path: path.join(root, "prisma", "migrations"),
  },
  datasource: {
    url: resolveDatabaseUrl(process.env),
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
