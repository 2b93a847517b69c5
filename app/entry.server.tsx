import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import type { EntryContext, HandleErrorFunction, RouterContextProvider } from "react-router";
import { ServerRouter } from "react-router";
import { getDb } from "~/db/client.server";
import { NonceContext } from "~/lib/csp";
import { contentSecurityPolicy, createNonce, hashedScriptsPolicy } from "~/lib/csp.server";
import { assertTestClockAllowed } from "~/services/clock.server";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "~/lib/db-availability.server";
import { reportUnhandledError } from "~/lib/unhandled-errors.server";
import { isCacheableDocument, noteBuildVersion } from "~/middleware/http-cache.server";
import { getInstance } from "~/middleware/i18next";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  entryContext: EntryContext,
  routerContext: RouterContextProvider,
) {
  // A fresh nonce per document: React's and React Router's inline scripts carry
  // it, and the policy allows no other inline script (decision 016).
  const nonce = createNonce();
  noteBuildVersion(entryContext.manifest.version);
  // A public page an anonymous visitor may get again from a cache (decision 032):
  // rendered whole, its inline scripts allowed by hash, no nonce left in it.
  const cacheable = isCacheableDocument(routerContext);
  if (!cacheable) responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  // The database could not be reached (decision 024): 503 with Retry-After, never a 500.
  if (responseStatusCode === 500 && unavailable.has(request)) responseStatusCode = 503;
  if (responseStatusCode === 503) responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  // What the render gives: the whole document's text (cacheable), or the stream it is written to. The Response
  // and its web stream are made in `.then`, outside React's render: a web stream made inside it holds React's
  // request (its async-local store) until the stream is collected, and with it the page — 700 documents and
  // ~100 MB of heap at 100 pages a second, for the GC to mark again and again (decision 049).
  const rendered = new Promise<{ html: string; policy: string } | PassThrough>((resolve, reject) => {
    let shellRendered = false;
    // Aborted if not finished in time; cleared once the document is written, not left to keep the render alive.
    let timer: NodeJS.Timeout | undefined = undefined;
    const done = () => clearTimeout(timer);
    const userAgent = request.headers.get("user-agent");
    const readyOption: keyof RenderToPipeableStreamOptions =
      cacheable || (userAgent && isbot(userAgent)) || entryContext.isSpaMode ? "onAllReady" : "onShellReady";

    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={getInstance(routerContext)}>
          <ServerRouter context={entryContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        [readyOption]() {
          shellRendered = true;
          if (cacheable) {
            resolve(wholeDocument(pipe, nonce).finally(done));
            return;
          }
          const body = new PassThrough();
          body.once("end", done).once("close", done);
          resolve(body);
          pipe(body);
        },
        onShellError(error: unknown) {
          done();
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) reportUnhandledError(error, request);
        },
      },
    );
    timer = setTimeout(abort, streamTimeout + 1000);
  });
  return rendered.then((document) => {
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    if (document instanceof PassThrough) {
      return new Response(createReadableStreamFromReadable(document), { headers: responseHeaders, status: responseStatusCode });
    }
    responseHeaders.set("Content-Security-Policy", document.policy);
    return new Response(document.html, { headers: responseHeaders, status: responseStatusCode });
  });
}

/** The whole document, with the hash-based policy of its own inline scripts. */
function wholeDocument(pipe: (destination: NodeJS.WritableStream) => void, marker: string): Promise<{ html: string; policy: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (c: Buffer) => chunks.push(c));
    sink.on("error", reject);
    sink.on("end", () => resolve(hashedScriptsPolicy(Buffer.concat(chunks).toString("utf8"), marker)));
    pipe(sink);
  });
}

/**
 * Every unhandled loader, action or middleware error: logged with a marker
 * (and to ZJ_ERROR_LOG) so test runs fail on any (decision 017). Expected
 * 4xx refusals are not logged.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (isDatabaseUnavailable(error)) unavailable.add(request);
  reportUnhandledError(error, request);
};

/**
 * Requests that met a database outage somewhere the 503 conversion of the
 * database client did not reach (decision 024): answered 503, not 500.
 */
const unavailable = new WeakSet<Request>();

/** Single-fetch data requests (client-side navigations and submissions): the same 503 and Retry-After. */
export function handleDataRequest(response: Response, { request }: { request: Request }): Response {
  if (response.status === 500 && unavailable.has(request))
    response = new Response(response.body, { status: 503, statusText: "Service Unavailable", headers: response.headers });
  if (response.status === 503 && !response.headers.has("Retry-After")) {
    response = new Response(response.body, response);
    response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  }
  return response;
}

// Exported for scripts/server.mjs: the server sets the client IP in the same
// context object the routes read, logs and measures every request, and closes
// the database on shutdown.
export { clientIpContext } from "~/context";
export { closeDb } from "~/db/client.server";
export { logger, requestIdFrom, withRequestContext, currentRequest } from "~/lib/logger.server";
export { httpDuration, httpInFlight, httpRequests, metricsText } from "~/lib/metrics.server";
export { createRoutePatternMatcher, routeLabel } from "~/lib/route-pattern.server";
export { registerOpsMetrics } from "~/services/ops-metrics.server";
export { setDraining } from "~/services/health.server";
export { noteBuildVersion } from "~/middleware/http-cache.server";
export { crossOriginRefusal, isSameOriginParts } from "~/middleware/origin-check.server";
export { checkRawUrl, inputRefusal } from "~/middleware/input-guard.server";
export { isApiPath, apiRawUrlRefusal } from "~/services/api/http.server";
export { reportUnhandledError } from "~/lib/unhandled-errors.server";
export { startScheduler, stopScheduler } from "~/services/scheduler.server";

/** Opens the database (and applies migrations) before the server takes traffic. */
export async function warmUp(): Promise<void> {
  assertTestClockAllowed();
  await getDb();
}
