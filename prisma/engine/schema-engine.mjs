#!/usr/bin/env node
// Drop-in replacement for Prisma's native `schema-engine` binary, which cannot
// be downloaded here. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at
// this file; the CLI then runs it exactly like the binary:
//
//   schema-engine --version
//   schema-engine --datasource '{"url":…,"shadowDatabaseUrl":…}' cli can-connect-to-database|create-database
//   schema-engine [--datasource <json>] [--datamodels <schema file>]…   (JSON-RPC 2.0 on stdin/stdout)
//
// The work is done by @prisma/schema-engine-wasm over a JS driver adapter
// (see engine-host.mjs, adapters.mjs and docs/decisions/002-offline-prisma-engine.md).

import { createInterface } from "node:readline";

import { EngineError, canConnect, createDatabase } from "./database-admin.mjs";
import { EngineHost, EnginePanic, MethodNotFoundError } from "./engine-host.mjs";
import { schemaEngineVersion, takePanicMessage } from "./wasm-engine.mjs";

function parseArgs(argv) {
  const options = { datamodels: [], positional: [], version: false, datasource: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`Missing value for ${arg}`);
      return argv[++i];
    };
    if (arg === "--version" || arg === "-V") options.version = true;
    else if (arg === "--datasource") options.datasource = JSON.parse(value());
    else if (arg === "--datamodels" || arg === "-d") options.datamodels.push(value());
    else if (arg === "--enabled-preview-features" || arg === "--extension-types")
      value(); // nothing to do for these in wasm
    else if (arg.startsWith("--")) throw new Error(`Unknown option ${arg}`);
    else options.positional.push(arg);
  }
  return options;
}

/** One JSON log line in the shape the CLI parses from stderr. */
function logLine(level, message, errorCode) {
  const fields = errorCode ? { message, error_code: errorCode } : { message };
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" });
}

function writeAndExit(stream, text, code) {
  stream.write(text, () => process.exit(code));
}

/**
 * `cli can-connect-to-database` / `cli create-database`. On failure the CLI
 * skips stderr's first line and parses every further line as JSON; an ERROR
 * line with error_code P1003 makes `migrate dev`/`deploy`/`db push` create the
 * database.
 */
async function runCliSubcommand(subcommand, datasource) {
  try {
    const url = datasource?.url;
    if (!url) throw new EngineError("No datasource URL given (--datasource).");
    if (subcommand === "can-connect-to-database") {
      await canConnect(url);
      writeAndExit(process.stdout, "Connection successful\n", 0);
    } else if (subcommand === "create-database") {
      const name = await createDatabase(url);
      writeAndExit(process.stdout, `Database '${name}' was successfully created.\n`, 0);
    } else {
      throw new EngineError(`Unknown cli subcommand: ${subcommand}`);
    }
  } catch (error) {
    const message = error?.message ?? String(error);
    // No trailing newline: the CLI parses every line after the first as JSON.
    writeAndExit(process.stderr, `schema-engine (wasm) ${subcommand} failed\n${logLine("ERROR", message, error?.errorCode)}`, 1);
  }
}

function rpcError(id, error) {
  if (error instanceof MethodNotFoundError) {
    return { jsonrpc: "2.0", id, error: { code: -32601, message: error.message } };
  }
  const message = error?.message ?? String(error);
  const isPanic = error instanceof EnginePanic;
  const data = { is_panic: isPanic, message, meta: null };
  if (error?.errorCode) data.error_code = error.errorCode;
  if (isPanic) data.error = { message };
  return { jsonrpc: "2.0", id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } };
}

/** The JSON-RPC loop: one message per line, requests answered in order. */
function runRpcServer(options) {
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  let nextPrintId = 1;
  /** @type {Map<string, () => void>} */
  const pendingPrints = new Map();

  const host = new EngineHost({
    datasource: options.datasource,
    datamodelPaths: options.datamodels,
    log: (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`),
    print: (content) =>
      new Promise((resolve) => {
        const id = `print-${nextPrintId++}`;
        pendingPrints.set(id, resolve);
        send({ jsonrpc: "2.0", id, method: "print", params: { content } });
      }),
  });

  let queue = Promise.resolve();
  let shuttingDown;
  const shutdown = (code) => {
    shuttingDown ??= (async () => {
      try {
        await host.close();
      } catch (error) {
        process.stderr.write(`${logLine("ERROR", `Closing the database failed: ${error?.message ?? error}`)}\n`);
        code = code || 1;
      }
      writeAndExit(process.stdout, "", code);
    })();
    return shuttingDown;
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // The CLI's answer to one of our `print` requests.
      pendingPrints.get(String(message.id))?.();
      pendingPrints.delete(String(message.id));
      return;
    }
    queue = queue.then(async () => {
      if (shuttingDown) return;
      try {
        const result = await host.call(message.method, message.params);
        if (message.id !== undefined) send({ jsonrpc: "2.0", id: message.id, result });
      } catch (error) {
        if (message.id !== undefined) send(rpcError(message.id, error));
      }
    });
  });
  // The CLI ends stdin when it is done (and sends SIGTERM right after):
  // finish the request in flight, then close the database cleanly.
  lines.on("close", () => queue.then(() => shutdown(0)));
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => shutdown(0));

  // Anything that escapes (e.g. a driver error outside a request) must not
  // look like success: log it as an ERROR line (the CLI shows the last one)
  // and exit non-zero after closing the database.
  // A Rust panic inside a wasm callback also lands here, as
  // "RuntimeError: unreachable"; the panic hook has recorded the real message.
  const fatal = (error) => {
    const panic = error instanceof WebAssembly.RuntimeError ? takePanicMessage() : undefined;
    const message = panic ? `Schema engine panicked: ${panic}` : (error?.stack ?? String(error));
    process.stderr.write(`${logLine("ERROR", message)}\n`);
    shutdown(1);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    writeAndExit(process.stderr, `${error.message}\n`, 1);
    return;
  }
  if (options.version) {
    writeAndExit(process.stdout, `schema-engine-cli ${await schemaEngineVersion()}\n`, 0);
    return;
  }
  if (options.positional[0] === "cli") {
    await runCliSubcommand(options.positional[1], options.datasource);
    return;
  }
  if (options.positional.length > 0) {
    writeAndExit(process.stderr, `Unknown command: ${options.positional.join(" ")}\n`, 1);
    return;
  }
  runRpcServer(options);
}

await main();
