import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const ZOD = { name: "zod", message: 'Import { z } from "~/lib/zod" (configured for the CSP).', allowTypeImports: true };

/**
 * Domain modules (app/services/<module>/) may use each other's commands and read
 * models, but another module's data layer (data.server.ts) only for its row
 * locks (lock*), which a command needs inside its own transaction.
 */
function moduleBoundaries() {
  const modules = [
    "accounts",
    "api",
    "agencies",
    "audit",
    "catalogue",
    "credit",
    "documents",
    "fair-competition",
    "inspections",
    "notifications",
    "ratings",
    "requests",
    "supervision",
    "zones",
  ];
  return modules.map((m) => ({
    files: [`app/services/${m}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [ZOD],
          patterns: modules
            .filter((o) => o !== m)
            .map((o) => ({
              group: [`~/services/${o}/data.server`],
              importNamePattern: "^(?!lock)",
              message: `Only the row locks of the ${o} module's data layer are shared; use its commands or read models.`,
            })),
        },
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: [
      "build/",
      ".react-router/",
      "app/generated/",
      "node_modules/",
      "data/",
      "tests/.tmp/",
      "test-results/",
      "playwright-report/",
      ".stryker-tmp*/",
      "reports/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mjs,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    // Zod must be configured without eval before any schema exists (app/lib/zod.ts, decision 016).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/lib/zod.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [ZOD] }],
    },
  },
  ...moduleBoundaries(),
  {
    // Routes and components parse, authorize, call and render: the database stays behind the
    // domain modules (docs/architecture.md). They get an opaque handle from ~/lib/route.server.
    files: ["app/routes/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}", "app/root.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ZOD,
            {
              name: "~/db/client.server",
              message: "Routes get the database from ~/lib/route.server (visitor/guard/defineAction) and pass it to a domain module.",
              allowTypeImports: true,
            },
            { name: "~/generated/prisma/client", message: "Prisma stays inside app/services/*.", allowTypeImports: true },
            { name: "@prisma/client", message: "Prisma stays inside app/services/*." },
          ],
          patterns: [{ group: ["~/services/*/data.server"], message: "A module's data layer is internal to app/services." }],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name=/^(db|tx)$/]",
          message: "No queries in routes: add a read model or command to the domain module.",
        },
        {
          selector: "MemberExpression[object.type='MemberExpression'][object.property.name='db']",
          message: "No queries in routes: add a read model or command to the domain module.",
        },
      ],
    },
  },
);
