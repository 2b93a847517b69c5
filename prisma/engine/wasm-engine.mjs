// Loads @prisma/schema-engine-wasm once per process and builds SchemaEngine
// instances over a JS driver adapter factory.
//
// Why by hand: the package's own entry (`schema_engine.js`) does
// `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 cannot import
// without --experimental-wasm-modules. So we read the .wasm bytes ourselves and
// wire the wasm-bindgen glue module to the instance.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

/** @type {Promise<typeof import("@prisma/schema-engine-wasm")> | undefined} */
let runtimePromise;

/**
 * The last Rust panic message reported by the wasm module. wasm-bindgen only
 * surfaces "RuntimeError: unreachable" for a panic; the panic hook inside the
 * engine calls `global.PRISMA_WASM_PANIC_REGISTRY.set_message()` first, so we
 * keep that text to give the user something meaningful.
 */
let lastPanicMessage;

export function takePanicMessage() {
  const message = lastPanicMessage;
  lastPanicMessage = undefined;
  return message;
}

/**
 * The engine arms a 10 s timer around some database calls (e.g. taking the
 * migration advisory lock) and does not cancel it when the call finishes
 * first, which keeps a short-lived Node process (a script applying migrations)
 * alive for up to 10 s after its work is done. The timer only bounds a call
 * that is itself waiting on the database, so it need not hold the process
 * open: unref it.
 */
function withUnrefTimers(runtime) {
  const imports = { ...runtime };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    const setTimer = imports[name];
    imports[name] = (...args) => {
      const timer = setTimer(...args);
      timer?.unref?.();
      return timer;
    };
  }
  return imports;
}

/** Loads and instantiates the wasm engine (once per process). */
export function loadSchemaEngineRuntime() {
  runtimePromise ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message) {
        lastPanicMessage = message;
      },
    };
    // createRequire, not import.meta.resolve: vitest's module runner lacks the latter.
    const glueUrl = pathToFileURL(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg")).href;
    const runtime = await import(glueUrl);
    const bytes = await readFile(new URL("schema_engine_bg.wasm", glueUrl));
    const module = await WebAssembly.compile(bytes);
    const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": withUnrefTimers(runtime) });
    runtime.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return runtime;
  })();
  return runtimePromise;
}

/** The engine's commit hash, e.g. "0edf323efd1d98336f3f0a68684b56f689b900d3". */
export async function schemaEngineVersion() {
  const runtime = await loadSchemaEngineRuntime();
  return runtime.version();
}

/**
 * Builds a wasm SchemaEngine.
 *
 * @param {object} options
 * @param {Array<[string, string]>} [options.datamodels] [path, content] pairs of the Prisma schema files
 * @param {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory} options.adapterFactory
 * @param {(line: string) => void} [options.log] receives the engine's JSON log lines
 */
export async function createSchemaEngine({ datamodels, adapterFactory, log = () => {} }) {
  const runtime = await loadSchemaEngineRuntime();
  // The engine panics ("validate_multi_file() must be called with at least one
  // file") without a schema, e.g. when applying migrations from the app or when
  // the CLI passes no --datamodels. A bare datasource block is all it needs.
  if (!datamodels?.length) datamodels = [["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n']];
  // The engine expects the error-capturing ("bound") form of the factory: it
  // turns thrown driver errors into Result values the Rust side can read.
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  return runtime.SchemaEngine.new({ datamodels }, log, bound);
}
