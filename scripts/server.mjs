// Production HTTP server: Express + React Router's request handler.
// Stateless apart from the database, so several instances can run behind a
// load balancer on one PostgreSQL (see README).
import compression from "compression";
import express from "express";
import { timingSafeEqual } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import { createRequestHandler } from "@react-router/express";
import { RouterContextProvider } from "react-router";
import { securityHeaders } from "./security-headers.mjs";

// Regular expressions compiled to machine code on their first use, not interpreted first (V8's tier-up): the
// fair-competition review's patterns hold thousands of place names, and interpreting them made the first reviews
// after a start cost seconds each (32 fresh texts: 12.7 s cold, 2.9 s with this, 0.12 s warm; decision 024).
v8.setFlagsFromString("--no-regexp-tier-up");

const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
const build = await import(pathToFileURL(path.join(buildDir, "server/index.js")).href);
const {
  clientIpContext,
  closeDb,
  isSameOriginParts,
  crossOriginRefusal,
  checkRawUrl,
  inputRefusal,
  isApiPath,
  apiRawUrlRefusal,
  reportUnhandledError,
  logger,
  requestIdFrom,
  withRequestContext,
  httpRequests,
  httpDuration,
  httpInFlight,
  metricsText,
  createRoutePatternMatcher,
  routeLabel,
  registerOpsMetrics,
  setDraining,
  startScheduler,
  stopScheduler,
  noteBuildVersion,
} = build.entry.module;
// Part of every public page's ETag (decision 032): known before the first page is rendered.
noteBuildVersion(build.assets.version);

const routePattern = createRoutePatternMatcher(build.routes);
registerOpsMetrics();
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Probes and scrapes are logged at debug: a load balancer asks every few seconds. */
const QUIET = new Set(["/healthz", "/readyz", "/metrics"]);

const app = express();
app.disable("x-powered-by");

// Every request (decision 024): a request id (the client's X-Request-Id when
// it is a plain token, else a new one) sent back as X-Request-Id and on every
// log line written while it is handled; when it ends, one log line (method,
// route pattern, path, status, duration — never the query, a header, a cookie
// or the body) and the request metrics.
let inFlight = 0;
/** Set on SIGTERM/SIGINT (see shutdown below). */
let closing = false;
app.use((req, res, next) => {
  const started = performance.now();
  const store = { requestId: requestIdFrom(req.get("x-request-id")) };
  res.setHeader("X-Request-Id", store.requestId);
  // Shutting down: every answer closes its connection, so no client sends another request on it.
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (closing && !res.headersSent) res.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  };
  inFlight++;
  httpInFlight.inc();
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    inFlight--;
    httpInFlight.dec();
    const durationMs = performance.now() - started;
    const method = METHODS.has(req.method) ? req.method : "OTHER";
    const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
    // The pattern React Router matched (noted by the root's first middleware);
    // a 404 or a request it never saw is matched here.
    const route = res.locals.route ?? (store.route && status !== 404 ? routeLabel(store.route, req.path) : routePattern(req.path));
    httpRequests.inc({ method, route, status: String(status) });
    httpDuration.observe({ method, route }, durationMs / 1000);
    const line = {
      event: "request",
      reqId: store.requestId,
      ...(store.userId ? { userId: store.userId } : {}),
      method: req.method,
      route,
      path: req.path.slice(0, 200),
      status,
      durationMs: Math.round(durationMs * 10) / 10,
    };
    const level = QUIET.has(req.path) && status < 500 ? "debug" : status >= 500 ? "warn" : "info";
    logger[level](line, `${req.method} ${route} ${status}`);
  };
  res.on("finish", finish);
  res.on("close", finish);
  res.on("finish", () => discardUnreadBody(req));
  withRequestContext(store, next);
});

/**
 * A request answered before its body was read — a form refused by its declared
 * size (413), an upload over a route's limit — would leave the connection
 * stalled: React Router's adapter stops reading the socket once its buffer is
 * full and nobody reads on, so the client's next request on the same
 * keep-alive connection (a browser's, a load balancer's pooled one) waits
 * forever. After the answer, the rest of the body is read and thrown away, so
 * the connection serves its next request; a body that goes on past
 * DRAIN_LIMIT_BYTES or DRAIN_LIMIT_MS after the answer has its connection
 * closed instead. Closing at once would lose answers: a socket closed with
 * unread data resets, and the client may drop the answer it was sent.
 */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
const DRAIN_LIMIT_MS = 15_000;
function discardUnreadBody(req) {
  if (req.complete || req.destroyed) return;
  req.removeAllListeners("data");
  let drained = 0;
  const timer = setTimeout(() => req.socket?.destroy(), DRAIN_LIMIT_MS);
  timer.unref();
  req.on("data", (chunk) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.socket?.destroy();
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}
// TRUST_PROXY=1 (or a hop count / subnet list) when behind a load balancer, so
// req.ip and the login throttle see the real client address.
if (process.env.TRUST_PROXY) {
  const v = process.env.TRUST_PROXY;
  app.set("trust proxy", /^\d+$/.test(v) ? Number(v) : v === "true" ? true : v);
}
app.use(compression());
// nosniff, frame and referrer policies, and HSTS in production (not with INSECURE_COOKIES=1).
app.use(securityHeaders());
// Input guard, first layer (decision 017): a URL with a control character,
// malformed percent-encoding or an absurd length is refused before static
// files or React Router see it. The root middleware checks it again (with the
// params and the body) and renders the translated page.
function send(res, response, next) {
  res.status(response.status).set("Content-Type", response.headers.get("Content-Type"));
  response.text().then((body) => res.send(body), next);
}
function sendApi(res, response, next) {
  res.status(response.status);
  for (const [k, v] of response.headers) res.set(k, v);
  response.text().then((body) => res.send(body), next);
}
app.use((req, res, next) => {
  const refusal = checkRawUrl(req.originalUrl);
  if (!refusal) return next();
  // The public API answers in its own error shape (decision 028).
  if (isApiPath(req.path)) return sendApi(res, apiRawUrlRefusal(`${req.protocol}://${req.get("host") ?? "localhost"}`), next);
  send(res, inputRefusal(refusal), next);
});
// Cross-origin state-changing requests are refused before React Router sees
// them (its own check answers a bare 400; ours explains, with a 403).
app.use((req, res, next) => {
  // The public API is read-only and open to every origin: its own gate answers
  // a preflight and refuses every other method with 405 (app/services/api/http.server.ts).
  if (isApiPath(req.path)) return next();
  const ok = isSameOriginParts({
    method: req.method,
    host: req.get("host") ?? "",
    origin: req.get("origin") ?? null,
    referer: req.get("referer") ?? null,
  });
  if (ok) return next();
  send(res, crossOriginRefusal(), next);
});
// Prometheus metrics (decision 024): only for a bearer of METRICS_TOKEN; without
// one configured the path does not exist (React Router's 404 page).
app.get("/metrics", async (req, res, next) => {
  const token = process.env.METRICS_TOKEN;
  if (!token) return next();
  res.locals.route = "/metrics";
  const given = Buffer.from(req.get("authorization") ?? "");
  const wanted = Buffer.from(`Bearer ${token}`);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain").send("Unauthorized");
    return;
  }
  try {
    const { contentType, body } = await metricsText();
    res.status(200).set("Content-Type", contentType).set("Cache-Control", "no-store").send(body);
  } catch (error) {
    next(error);
  }
});
const markStatic = (res) => (res.locals.route = "static");
app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y", setHeaders: markStatic }));
// The other public files (favicon, …) are looked up only under the names the build holds: a stat()
// of the disk for every page (build/client/agencies …, never there) cost ~1 % of a page's CPU (decision 044).
const clientDir = path.join(buildDir, "client");
const clientEntries = new Set(readdirSync(clientDir));
const publicFiles = express.static(clientDir, { maxAge: "1h", setHeaders: markStatic });
app.use((req, res, next) => (clientEntries.has(req.path.split("/")[1] ?? "") ? publicFiles(req, res, next) : next()));
app.all(
  "/{*splat}",
  createRequestHandler({
    build,
    mode: "production",
    getLoadContext(req) {
      const context = new RouterContextProvider();
      context.set(clientIpContext, req.ip ?? req.socket.remoteAddress ?? "unknown");
      return context;
    },
  }),
);
// Express's own errors (a request body cut short, a static file read failing):
// a 4xx stays what it is; anything else is logged as unhandled and answered 500.
app.use((err, req, res, _next) => {
  const status = Number(err?.status ?? err?.statusCode);
  if (status >= 400 && status < 500) {
    if (!res.headersSent) res.status(status).type("text/plain").send("Bad Request");
    return;
  }
  logger.error({ event: "express_error", method: req.method, path: req.path.slice(0, 200) }, "Express error");
  reportUnhandledError(err);
  if (!res.headersSent) res.status(500).type("text/plain").send("Internal Server Error");
  else res.end();
});

// Open the database before taking traffic: migrations and the PGlite lock fail fast here.
await build.entry.module.warmUp?.();
// Due work (closing bids, ending publicity…) is polled from the database; safe on every instance.
startScheduler();

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  logger.info({ event: "listening", port, host }, `中介超市 listening on http://localhost:${port}`);
});
// An idle keep-alive connection stays open 65 s, not Node's 5 s: longer than a
// load balancer's idle timeout (AWS ALB and nginx default to 60 s), so the
// client end closes idle connections and never sends a request on a socket
// this end is closing at that moment (an ECONNRESET, "socket hang up", or a
// balancer's 502). Decision 024.
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 65_000);
server.headersTimeout = server.keepAliveTimeout + 1_000;

/**
 * Graceful shutdown (decision 024), on SIGTERM (an orchestrator, `docker
 * stop`) or SIGINT: readiness turns 503 and the listening socket closes (no
 * new connection is accepted; idle keep-alive connections are closed), the
 * requests in flight run to their end, the scheduler finishes its pass, then
 * the database closes and the process exits 0. After SHUTDOWN_TIMEOUT_MS
 * (default 25 s, inside Kubernetes' default 30 s grace period) whatever is
 * still open is cut and the process exits 1.
 */
async function shutdown(signal) {
  if (closing) return;
  closing = true;
  const t0 = performance.now();
  logger.info(
    { event: "shutdown", signal, inFlight },
    `${signal}: shutting down (no new connections; finishing ${inFlight} requests in flight)`,
  );
  setDraining();
  const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000);
  const force = setTimeout(() => {
    logger.error({ event: "shutdown_timeout", inFlight, timeoutMs }, "shutdown: requests still in flight after the timeout; cutting them");
    server.closeAllConnections();
    process.exit(1);
  }, timeoutMs);
  force.unref();
  // Idle keep-alive connections are closed now; busy ones after their answer (Connection: close).
  const serverClosed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  let code = 0;
  try {
    await Promise.all([serverClosed, stopScheduler()]);
    await closeDb();
  } catch (error) {
    code = 1;
    logger.error({ err: error, event: "shutdown_error" }, "shutdown: closing failed");
  }
  logger.info({ event: "shutdown_done", ms: Math.round(performance.now() - t0) }, "shut down");
  logger.flush?.();
  process.exit(code);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
