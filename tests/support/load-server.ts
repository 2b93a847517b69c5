/**
 * The production server for the load/fault tests and bench/bids.ts: a private
 * build, a child process on a free 127.0.0.1 port, and the HTTP calls an
 * agency makes (login, bid).
 *
 * The build is made from a snapshot of the sources in tests/.tmp/load-build-<hash>/
 * (app/, machines/, prisma/ and the config files copied, node_modules linked),
 * never in ./build: other people edit the tree and serve ./build while these
 * tests run, and a failed `react-router build` empties its output directory.
 * The snapshot is keyed by the sources' paths, sizes and mtimes and reused
 * while they are unchanged; when ./build is newer than every source (the rule
 * of scripts/start.mjs) a copy of it is served instead of building.
 * LOAD_BUILD_DIR=/path serves an existing build as is.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCES = [
  "app",
  "machines",
  "prisma",
  "package.json",
  "package-lock.json",
  "vite.config.ts",
  "react-router.config.ts",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", ".react-router", "build"]);

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  const s = statSync(p);
  if (s.isDirectory()) {
    for (const e of readdirSync(p).sort()) if (!SKIP.has(e)) walk(path.join(p, e), out);
  } else out.push(`${path.relative(ROOT, p)}:${s.size}:${Math.floor(s.mtimeMs)}`);
}

function sourceKey(): { key: string; newest: number } {
  const files: string[] = [];
  for (const s of SOURCES) walk(path.join(ROOT, s), files);
  // Like scripts/start.mjs: generated code does not make ./build stale.
  const newest = Math.max(...files.filter((f) => !f.includes("/generated/")).map((f) => Number(f.slice(f.lastIndexOf(":") + 1))));
  return { key: createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 12), newest };
}

/** The environment for child processes, without vitest's markers (vite.config.ts drops the React Router plugin under VITEST). */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith("VITEST") && !["TEST", "MODE", "DEV", "PROD", "SSR", "BASE_URL"].includes(k)) env[k] = v;
  return { ...env, ...extra };
}

export type Build = { dir: string; cwd: string; built: boolean; ms: number };

/** A production build of the current sources, made in a private snapshot (see the file comment). */
export async function prepareBuild(log: (s: string) => void = console.log): Promise<Build> {
  if (process.env.LOAD_BUILD_DIR) return { dir: path.resolve(process.env.LOAD_BUILD_DIR), cwd: ROOT, built: false, ms: 0 };
  const { key } = sourceKey();
  const tmp = path.join(ROOT, "tests/.tmp");
  mkdirSync(tmp, { recursive: true });
  // Several test files (in parallel vitest workers) may ask at once: one builds, the others wait for it.
  const lock = path.join(tmp, `load-build-${key}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed process (older than the longest build) is taken over.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await prepareBuildLocked(log);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function prepareBuildLocked(log: (s: string) => void): Promise<Build> {
  const t0 = performance.now();
  const { key, newest } = sourceKey();
  const tmp = path.join(ROOT, "tests/.tmp");
  const snap = path.join(tmp, `load-build-${key}`);
  const marker = path.join(snap, "build/server/index.js");
  if (existsSync(marker) && existsSync(path.join(snap, ".complete"))) {
    utimesSync(snap, new Date(), new Date()); // in use: not cleaned up as old
    return {
      dir: path.join(snap, "build"),
      cwd: existsSync(path.join(snap, "app")) ? snap : ROOT,
      built: false,
      ms: performance.now() - t0,
    };
  }
  mkdirSync(tmp, { recursive: true });
  // Snapshots of older sources, untouched for an hour, are not needed any more.
  for (const e of readdirSync(tmp)) {
    const p = path.join(tmp, e);
    if (e.startsWith("load-build-") && !e.endsWith(".lock") && p !== snap && Date.now() - statSync(p).mtimeMs > 3_600_000)
      rmSync(p, { recursive: true, force: true });
  }
  rmSync(snap, { recursive: true, force: true });
  mkdirSync(snap, { recursive: true });
  // ./build newer than every source (the rule of scripts/start.mjs): serve a private copy of it instead of building.
  const shared = path.join(ROOT, "build");
  if (existsSync(path.join(shared, "server/index.js")) && statSync(path.join(shared, "server/index.js")).mtimeMs >= newest) {
    cpSync(shared, path.join(snap, "build"), { recursive: true });
    if (existsSync(marker) && statSync(path.join(shared, "server/index.js")).mtimeMs >= newest) {
      writeFileSync(path.join(snap, ".complete"), `copied from ./build ${new Date().toISOString()}`);
      log(`[load] ./build is up to date with the sources: serving a copy (${path.relative(ROOT, snap)}/build)`);
      return { dir: path.join(snap, "build"), cwd: ROOT, built: false, ms: performance.now() - t0 };
    }
    rmSync(path.join(snap, "build"), { recursive: true, force: true });
  }
  for (const s of SOURCES) {
    const from = path.join(ROOT, s);
    if (existsSync(from)) cpSync(from, path.join(snap, s), { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) });
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(snap, "node_modules"), "dir");
  log(`[load] building the production bundle from a snapshot of the sources (${path.relative(ROOT, snap)}) …`);
  // Asynchronously: a vitest worker must keep answering while the build runs.
  const r = await new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn("npx", ["react-router", "build"], {
      cwd: snap,
      env: childEnv({ NODE_ENV: "production" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
    child.on("close", (status) => resolve({ status, output }));
  });
  if (r.status !== 0 || !existsSync(marker)) {
    const lines = r.output.split("\n");
    writeFileSync(path.join(snap, "build.log"), lines.join("\n"));
    const at = Math.max(
      0,
      lines.findIndex((l) => /Build failed|error/i.test(l)),
    );
    throw new Error(
      `react-router build of the current sources failed (exit ${r.status}); full log ${path.join(snap, "build.log")}:\n${lines.slice(at, at + 14).join("\n")}`,
    );
  }
  writeFileSync(path.join(snap, ".complete"), new Date().toISOString());
  const ms = performance.now() - t0;
  log(`[load] built in ${(ms / 1000).toFixed(1)} s`);
  return { dir: path.join(snap, "build"), cwd: snap, built: true, ms };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** scripts/server.mjs (NODE_ENV=production; or another script, e.g. scripts/cluster.mjs) on 127.0.0.1:port; start / kill / restart keep the same port. */
export class AppServer {
  child: ChildProcess | undefined;
  readonly base: string;
  readonly logs: string[] = [];
  /** How many output chunks `logs` keeps (the newest). */
  maxLogChunks = 300;
  /** Set to true before start() to keep the whole of stdout (the JSON log lines) in `stdout`. */
  captureStdout = false;
  stdout = "";
  starts = 0;

  constructor(
    readonly port: number,
    readonly build: Build,
    readonly env: Record<string, string>,
    /** Node flags before the script (e.g. --cpu-prof, which NODE_OPTIONS does not take), and the script (default scripts/server.mjs). */
    readonly options: { nodeArgs?: string[]; script?: string } = {},
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  /** Starts the server and waits until it is ready (GET /readyz 200: the database answers). Returns the time it took. */
  async start(timeoutMs = 90_000): Promise<number> {
    const t0 = performance.now();
    this.starts++;
    const child = spawn(
      process.execPath,
      [...(this.options.nodeArgs ?? []), path.join(ROOT, this.options.script ?? "scripts/server.mjs")],
      {
        cwd: this.build.cwd,
        env: childEnv({ NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(this.port), BUILD_DIR: this.build.dir, ...this.env }),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    this.child = child;
    const keep = (b: Buffer) => {
      this.logs.push(`[#${this.starts}] ${b.toString()}`);
      if (this.logs.length > this.maxLogChunks) this.logs.shift();
    };
    child.stdout!.on("data", keep);
    if (this.captureStdout) child.stdout!.on("data", (b: Buffer) => (this.stdout += b.toString()));
    child.stderr!.on("data", keep);
    const deadline = t0 + timeoutMs;
    while (performance.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the server exited during start (${child.exitCode ?? child.signalCode}):\n${this.logs.slice(-40).join("")}`);
      if ((await this.ready()) === 200) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server did not answer /readyz within ${timeoutMs / 1000} s:\n${this.logs.slice(-40).join("")}`);
  }

  /** Liveness: GET /healthz's status (200 while the process serves HTTP, whatever the database does); 0 without an answer. */
  health(): Promise<number> {
    return this.probe("/healthz");
  }

  /** Readiness: GET /readyz's status (200 when the database answers, 503 when not); 0 without an answer. */
  ready(): Promise<number> {
    return this.probe("/readyz");
  }

  /**
   * Polls `path` until it answers 200 or `withinMs` passes (each probe may take 10 s: a loaded 2-core CI machine
   * can be slow without the server being dead). Returns the last status (0: no answer) and, when the process has
   * exited, how — so a crash reads as a crash and not as a slow probe.
   */
  async settled(path: "/healthz" | "/readyz", withinMs = 30_000): Promise<{ status: number; exited: string | null; ms: number }> {
    const t0 = performance.now();
    let status = 0;
    while (performance.now() - t0 < withinMs) {
      status = await this.probe(path, 10_000);
      if (status === 200 || this.exited()) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    return { status, exited: this.exited(), ms: Math.round(performance.now() - t0) };
  }

  /** "exit code N" / "signal S" once the process has ended; null while it runs. */
  exited(): string | null {
    const child = this.child;
    if (!child) return null;
    if (child.exitCode !== null) return `exit code ${child.exitCode}`;
    if (child.signalCode !== null) return `signal ${child.signalCode}`;
    return null;
  }

  private async probe(path: string, timeoutMs = 2_000): Promise<number> {
    try {
      const res = await fetch(`${this.base}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
      await res.text();
      return res.status;
    } catch {
      return 0;
    }
  }

  /** SIGKILL: no shutdown hook runs; in-flight requests and transactions are cut. Resolves when the process is gone. */
  kill(): Promise<void> {
    return this.signal("SIGKILL");
  }

  /** SIGTERM (graceful), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await this.signal("SIGTERM");
    clearTimeout(timer);
  }

  private signal(sig: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.kill(sig);
    });
  }
}

/** POST /login (form) → the __session cookie ("name=value") from the 302. */
export async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "/dashboard" }).toString(),
    signal: AbortSignal.timeout(30_000),
  });
  await res.text();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__session="));
  if (res.status !== 302 || !cookie) throw new Error(`login ${email}: HTTP ${res.status}, no __session cookie`);
  return cookie.split(";")[0]!;
}

export type BidOutcome =
  /** Redirected to /requests/:id?bid=ok: the bid is acknowledged. */
  | { kind: "ack"; status: number }
  /** A definite refusal: 400, 403, 409, 422 (nothing was written). */
  | { kind: "refused"; status: number }
  /** 5xx or a redirect elsewhere: not acknowledged, outcome unknown. */
  | { kind: "error"; status: number }
  /** No HTTP answer (connection refused/reset, timeout): outcome unknown. */
  | { kind: "network"; status: 0; message: string };

/** POST /requests/:id intent=bid, the way the request page's form does. `seen` receives the answer's Retry-After. */
export async function postBid(
  base: string,
  cookie: string,
  requestId: string,
  bid: { amount: string; serviceDays: number; proposal: string },
  timeoutMs = 30_000,
  seen?: { retryAfter: string | null },
): Promise<BidOutcome> {
  try {
    const res = await fetch(`${base}/requests/${requestId}`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: base, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        intent: "bid",
        amount: bid.amount,
        serviceDays: String(bid.serviceDays),
        proposal: bid.proposal,
      }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    if (seen) seen.retryAfter = res.headers.get("retry-after");
    const location = res.headers.get("location") ?? "";
    if ((res.status === 302 || res.status === 303) && location.endsWith(`/requests/${requestId}?bid=ok`))
      return { kind: "ack", status: res.status };
    if ([400, 403, 409, 422].includes(res.status)) return { kind: "refused", status: res.status };
    return { kind: "error", status: res.status };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    return { kind: "network", status: 0, message: cause?.code ?? (e as Error).name ?? String(e) };
  }
}

/** "95000.00" from fen. */
export const yuanString = (fen: bigint) => `${fen / 100n}.${(fen % 100n).toString().padStart(2, "0")}`;

/** Logs every account in over HTTP, 8 at a time (each login verifies an argon2 hash); the cookies in the same order. */
export async function loginAll(base: string, emails: string[], password: string): Promise<string[]> {
  const cookies: string[] = new Array(emails.length);
  for (let i = 0; i < emails.length; i += 8)
    await Promise.all(emails.slice(i, i + 8).map(async (email, k) => (cookies[i + k] = await login(base, email, password))));
  return cookies;
}

/** One POST of a bid flood and what came of it (times from performance.now()). */
export type BidAttempt = {
  agency: number;
  seq: number;
  amountFen: bigint;
  serviceDays: number;
  proposal: string;
  outcome: BidOutcome;
  /** The answer's Retry-After header, if any. */
  retryAfter: string | null;
  startedMs: number;
  endedMs: number;
};

/** An amount between 50,000.00 and 99,999.99 yuan, with random fen: every bid of a flood is told apart by its digest. */
export function randomAmountFen(): bigint {
  return BigInt(50_000 + Math.floor(Math.random() * 49_999)) * 100n + BigInt(Math.floor(Math.random() * 100));
}

/**
 * Every agency (one cookie each) posts bids on `requestId` back to back — the
 * first a submission, the rest revisions — until `stop()`, which resolves when
 * the last POST in flight has its answer. Proposals read
 * `<label> <nonce> agency <i> #<seq>`; `pauseAfter` says how long a client
 * waits after an answer before the next bid (default: 50 ms after no answer).
 */
export function bidFlood(options: {
  base: string;
  cookies: string[];
  requestId: string;
  label: string;
  timeoutMs: number;
  amountFen?: (agency: number, seq: number) => bigint;
  pauseAfter?: (outcome: BidOutcome) => number;
}): { attempts: BidAttempt[]; startedMs: number; stop: () => Promise<void> } {
  const { base, cookies, requestId, label, timeoutMs } = options;
  const amountOf = options.amountFen ?? (() => randomAmountFen());
  const pauseAfter = options.pauseAfter ?? ((o: BidOutcome) => (o.kind === "network" ? 50 : 0));
  const nonce = createHash("sha256").update(`${label}${Math.random()}${performance.now()}`).digest("hex").slice(0, 6);
  const attempts: BidAttempt[] = [];
  let stopped = false;
  const startedMs = performance.now();
  const clients = cookies.map(async (cookie, agency) => {
    for (let seq = 1; !stopped; seq++) {
      const amountFen = amountOf(agency, seq);
      const serviceDays = 10 + (seq % 20);
      const proposal = `${label} ${nonce} agency ${agency} #${seq}`;
      const seen: { retryAfter: string | null } = { retryAfter: null };
      const t0 = performance.now();
      const outcome = await postBid(base, cookie, requestId, { amount: yuanString(amountFen), serviceDays, proposal }, timeoutMs, seen);
      attempts.push({
        agency,
        seq,
        amountFen,
        serviceDays,
        proposal,
        outcome,
        retryAfter: seen.retryAfter,
        startedMs: t0,
        endedMs: performance.now(),
      });
      const pause = pauseAfter(outcome);
      if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    }
  });
  return {
    attempts,
    startedMs,
    stop: async () => {
      stopped = true;
      await Promise.all(clients);
    },
  };
}
