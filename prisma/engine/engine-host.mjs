// Owns the wasm SchemaEngine(s) of one schema engine process and answers the
// CLI's JSON-RPC methods with them: one engine over the configured datasource,
// and one over a throwaway in-memory PGlite for diffs that need no database.

import { readFile } from "node:fs/promises";

import { openMigrationAdapterFactory } from "./adapters.mjs";
import { EngineError, createDatabase } from "./database-admin.mjs";
import { createSchemaEngine, takePanicMessage } from "./wasm-engine.mjs";

/** RPC methods that map 1:1 onto wasm SchemaEngine methods. */
const ENGINE_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

const NO_FILTER = { externalTables: [], externalEnums: [] };

export class MethodNotFoundError extends Error {}

/** A wasm panic, reported to the CLI with is_panic so it prints the Rust message. */
export class EnginePanic extends Error {}

function guessConnectionCode(message) {
  if (/does not exist/i.test(message)) return "P1003";
  if (/authentication|password/i.test(message)) return "P1000";
  return "P1001";
}

/**
 * One wasm SchemaEngine over one datasource, opened on first use.
 *
 * Gap 6: the wasm engine connects inside `SchemaEngine.new()`; if that fails,
 * the rejected promise is kept so every later request is answered with the
 * same error (as the native engine does). Exiting instead would look like a
 * clean exit (code 0) to the CLI, which would then finish silently.
 */
class EngineSlot {
  /** @type {Promise<import("@prisma/schema-engine-wasm").SchemaEngine> | undefined} */
  #promise;
  /** @type {Awaited<ReturnType<typeof openMigrationAdapterFactory>> | undefined} */
  #resource;

  constructor(datasource, datamodelPaths, log) {
    this.datasource = datasource;
    this.datamodelPaths = datamodelPaths;
    this.log = log;
  }

  get() {
    this.#promise ??= (async () => {
      const datamodels = await Promise.all(
        this.datamodelPaths.map(async (file) => /** @type {[string, string]} */ ([file, await readFile(file, "utf8")])),
      );
      this.#resource = await openMigrationAdapterFactory(this.datasource);
      try {
        return await createSchemaEngine({ datamodels, adapterFactory: this.#resource.factory, log: this.log });
      } catch (error) {
        await this.#resource.close().catch(() => {});
        this.#resource = undefined;
        const message = error?.message ?? String(error);
        throw new EngineError(message, guessConnectionCode(message));
      }
    })();
    return this.#promise;
  }

  async close() {
    const pending = this.#promise;
    this.#promise = Promise.reject(new Error("The schema engine is shutting down."));
    this.#promise.catch(() => {});
    if (pending) {
      try {
        (await pending).free();
      } catch {
        // init failed or the engine panicked: nothing to free
      }
    }
    await this.#resource?.close();
    this.#resource = undefined;
  }
}

/** Whether a diff target reads a live database (the configured one or a shadow). */
function diffNeedsDatabase(target) {
  return target?.tag === "schemaDatasource" || target?.tag === "url" || target?.tag === "migrations";
}

export class EngineHost {
  /** Set after a panic: the wasm instance is unusable from then on. */
  #poisoned;

  /**
   * @param {object} options
   * @param {{ url?: string, shadowDatabaseUrl?: string } | undefined} options.datasource
   * @param {string[]} options.datamodelPaths
   * @param {(line: string) => void} options.log engine log lines (JSON)
   * @param {(content: string) => Promise<void>} options.print asks the CLI to print to its stdout
   */
  constructor({ datasource, datamodelPaths, log, print }) {
    this.datasource = datasource ?? {};
    this.print = print;
    this.log = log;
    this.main = new EngineSlot(this.datasource, datamodelPaths, log);
    // The wasm engine connects eagerly, so `migrate diff --from-empty
    // --to-schema …` would fail when the configured database does not exist
    // or is locked, although the native engine never touches it for such a
    // diff. Those diffs run on a throwaway in-memory PGlite instead.
    this.offline = new EngineSlot({}, datamodelPaths, log);
  }

  /** Handles one JSON-RPC request; resolves with its result (never undefined). */
  async call(method, params) {
    if (this.#poisoned) throw this.#poisoned;
    try {
      return (await this.#dispatch(method, params)) ?? null;
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        this.#poisoned = new EnginePanic(takePanicMessage() ?? error.message);
        throw this.#poisoned;
      }
      throw error;
    }
  }

  async #dispatch(method, params) {
    switch (method) {
      case "createDatabase": {
        // Not a wasm engine method. Params: { datasource: { tag: "ConnectionString", url } | { tag: "Schema", … } }.
        const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : this.datasource.url;
        if (!url) throw new EngineError("createDatabase needs a datasource URL (set datasource.url in prisma.config.ts).");
        return { databaseName: await createDatabase(url) };
      }
      case "getDatabaseDescription":
        throw new EngineError("getDatabaseDescription is not supported by the wasm schema engine.");
      default:
        break;
    }
    if (method !== "getDatabaseVersion" && method !== "diff" && method !== "debugPanic" && !ENGINE_METHODS.has(method)) {
      throw new MethodNotFoundError(`Unknown schema engine method: ${method}`);
    }
    const engine =
      method === "diff" && !diffNeedsDatabase(params?.from) && !diffNeedsDatabase(params?.to)
        ? await this.offline.get()
        : await this.main.get();
    switch (method) {
      case "getDatabaseVersion": // the wasm name is `version`
        return engine.version(params ?? null);
      case "diff": {
        // The native engine sends the diff to the CLI as a `print` request and
        // returns only the exit code; the CLI prints nothing from the result.
        const result = await engine.diff(params);
        if (result.stdout) await this.print(result.stdout);
        return { exitCode: result.exitCode };
      }
      case "debugPanic":
        engine.debugPanic();
        return {};
      case "createMigration":
      case "evaluateDataLoss":
        return this.#withShadowDatabase(engine, method, params);
      default:
        return engine[method](params);
    }
  }

  /**
   * Gap 4: in wasm, createMigration/evaluateDataLoss fail with "PostgreSQL
   * shadow DB must be provided through an external factory" unless a
   * diagnoseMigrationHistory with optInToShadowDatabase ran first in the same
   * engine (devDiagnostic and applyMigrations, which `migrate dev` sends
   * before, do not count; we saw it on fresh engines too). That call replays
   * the migrations on a shadow database and leaves the engine able to answer;
   * then the original call is retried once.
   */
  async #withShadowDatabase(engine, method, params) {
    try {
      return await engine[method](params);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/i.test(error?.message ?? "")) throw error;
      this.log(
        JSON.stringify({
          level: "INFO",
          fields: { message: `${method}: re-establishing the shadow database factory and retrying` },
          target: "schema_engine_wasm_host",
        }),
      );
      await engine.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters ?? NO_FILTER,
      });
      return engine[method](params);
    }
  }

  /** Frees the engines and closes the databases (PGlite flushed, lock released, shadow DBs dropped). */
  async close() {
    const results = await Promise.allSettled([this.main.close(), this.offline.close()]);
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  }
}
