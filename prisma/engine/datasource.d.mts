export declare const PGLITE_HOST: "pglite";
/** Repository root (the directory holding prisma/ and package.json). */
export declare const PROJECT_ROOT: string;
/** ./data/pglite under the project root, or $PGLITE_DIR (resolved against the root). */
export declare function defaultPgliteDir(env?: NodeJS.ProcessEnv): string;
/** `postgresql://pglite/postgres?dir=<absolute dir>`: the datasource URL of the embedded PGlite database in `dir`. */
export declare function pgliteUrl(dir: string): string;
/** $DATABASE_URL when set, else the embedded PGlite URL for defaultPgliteDir(). */
export declare function resolveDatabaseUrl(env?: NodeJS.ProcessEnv): string;
export type ParsedDatasource =
  | { kind: "pglite"; dir: string }
  | { kind: "postgres"; url: string; connectionString: string; schema: string | undefined; database: string };
export declare function parseDatasourceUrl(url: string): ParsedDatasource;
export declare function withDatabase(connectionString: string, database: string): string;
export declare function describeServer(connectionString: string): string;
