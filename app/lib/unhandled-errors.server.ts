import { appendFileSync } from "node:fs";
import { isRouteErrorResponse } from "react-router";

/**
 * Unhandled server errors (the ones that become an HTTP 500) are logged with
 * this marker on stderr and, when ZJ_ERROR_LOG names a file, appended to it
 * as one JSON line each. The fuzz suite and the browser tests' global
 * teardown fail when any was logged (decision 017).
 */
export const UNHANDLED_ERROR_MARKER = "[zj-unhandled-error]";

/** Expected refusals (a 4xx React Router made itself, e.g. 405 for a route without an action) are not errors. */
export function isUnhandledError(error: unknown): boolean {
  if (isRouteErrorResponse(error)) return error.status >= 500;
  if (error instanceof Response) return error.status >= 500;
  return true;
}

export function reportUnhandledError(error: unknown, request?: Request): void {
  if (!isUnhandledError(error)) return;
  if (request?.signal.aborted) return;
  const where = request ? `${request.method} ${new URL(request.url).pathname}` : "(no request)";
  const inner = isRouteErrorResponse(error) && (error as { error?: unknown }).error ? (error as { error?: unknown }).error : error;
  const text = inner instanceof Error ? (inner.stack ?? inner.message) : String(inner);
  console.error(`${UNHANDLED_ERROR_MARKER} ${where}\n${text}`);
  const file = process.env.ZJ_ERROR_LOG;
  if (file) {
    try {
      appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), where, error: text })}\n`);
    } catch (e) {
      console.error(`${UNHANDLED_ERROR_MARKER} could not write ZJ_ERROR_LOG ${file}:`, e);
    }
  }
}
