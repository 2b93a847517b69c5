// Production HTTP server: Express + React Router's request handler.
// Stateless apart from the database, so several instances can run behind a
// load balancer on one PostgreSQL (see README).
import compression from "compression";
import express from "express";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@react-router/express";
import { RouterContextProvider } from "react-router";
import { securityHeaders } from "./security-headers.mjs";

const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
const build = await import(pathToFileURL(path.join(buildDir, "server/index.js")).href);
const { clientIpContext, closeDb, isSameOriginParts, crossOriginRefusal, checkRawUrl, inputRefusal, reportUnhandledError } =
  build.entry.module;

const app = express();
app.disable("x-powered-by");
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
app.use((req, res, next) => {
  const refusal = checkRawUrl(req.originalUrl);
  if (!refusal) return next();
  send(res, inputRefusal(refusal), next);
});
// Cross-origin state-changing requests are refused before React Router sees
// them (its own check answers a bare 400; ours explains, with a 403).
app.use((req, res, next) => {
  const ok = isSameOriginParts({
    method: req.method,
    host: req.get("host") ?? "",
    origin: req.get("origin") ?? null,
    referer: req.get("referer") ?? null,
  });
  if (ok) return next();
  send(res, crossOriginRefusal(), next);
});
app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
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
  console.error(`Express error on ${req.method} ${req.originalUrl.slice(0, 200)}`);
  reportUnhandledError(err);
  if (!res.headersSent) res.status(500).type("text/plain").send("Internal Server Error");
  else res.end();
});

// Open the database before taking traffic: migrations and the PGlite lock fail fast here.
await build.entry.module.warmUp?.();
// Due work (closing bids, ending publicity…) is polled from the database; safe on every instance.
build.entry.module.startScheduler?.();

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  console.log(`中介超市 listening on http://localhost:${port}`);
});

let closing = false;
async function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: shutting down`);
  build.entry.module.stopScheduler?.();
  server.close();
  server.closeAllConnections?.();
  try {
    await closeDb();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
