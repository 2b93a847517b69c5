// Stryker's vitest runner uses worker threads, which share the process's V8 flags, so the flag the vitest
// projects pass as execArgv (vite.config.ts) is set here instead, before any test file loads the engine:
// regular expressions are compiled on their first run, not interpreted first (decision 024).
import v8 from "node:v8";

v8.setFlagsFromString("--no-regexp-tier-up");
