// One scripts/server.mjs per CPU core behind one port (node:cluster), for
// PostgreSQL (decision 025). Each worker is an ordinary, stateless instance:
// its own database pool (DATABASE_POOL_MAX each) and scheduler, which is safe
// on every instance. WEB_CONCURRENCY sets the number of workers (default: the
// number of cores). The embedded database (no DATABASE_URL) can be opened by
// one process only, so without DATABASE_URL this runs a single worker.
//
// The first worker starts alone (it applies the migrations), the others when
// it listens. A worker that dies later is replaced; one that dies before it
// ever listened stops the whole server with its exit code (a bad
// configuration would otherwise restart forever). SIGTERM / SIGINT are passed
// to every worker, which shuts down gracefully (scripts/server.mjs); the
// primary exits when all have. Workers exit by themselves if the primary is
// killed (node:cluster closes their channel).
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";

const wanted = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());
const workers = process.env.DATABASE_URL ? Math.max(1, Number.isInteger(wanted) ? wanted : 1) : 1;

cluster.setupPrimary({ exec: path.join(import.meta.dirname, "server.mjs") });

let stopping = false;
let exitCode = 0;
const listened = new WeakSet();

function fork() {
  const worker = cluster.fork();
  worker.once("listening", () => listened.add(worker));
  return worker;
}

cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
    return;
  }
  if (!listened.has(worker)) {
    console.error(`worker ${worker.process.pid} exited before listening (${signal ?? code}): stopping`);
    exitCode = code || 1;
    stop("SIGTERM");
    return;
  }
  console.error(`worker ${worker.process.pid} exited (${signal ?? code}): starting another`);
  fork();
});

function stop(signal) {
  if (stopping && signal !== "SIGKILL") return;
  stopping = true;
  const alive = Object.values(cluster.workers ?? {});
  if (alive.length === 0) process.exit(exitCode);
  for (const w of alive) w?.process.kill(signal);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

fork().once("listening", () => {
  for (let i = 1; i < workers; i++) fork();
});
