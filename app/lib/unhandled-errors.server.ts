import { appendFileSync } from "node:fs";
import { isRouteErrorResponse } from "react-router";
import { isDatabaseUnavailable, noteDatabaseUnavailable, UNAVAILABLE_KEY } from "~/lib/db-availability.server";
import { logger } from "~/lib/logger.server";

/**
 * Unhandled server errors (the ones that become an HTTP 500) are logged with
 * this marker in the message of one JSON error line (the stack in
 * `err.stack`, decision 024) and, when ZJ_ERROR_LOG names a file, appended to
 * it as one JSON line each. The fuzz suite and the browser tests' global
 * teardown fail when any was logged (decision 017).
 */
export const UNHANDLED_ERROR_MARKER = "[zj-unhandled-error]";

/**
 * Expected refusals (a 4xx React Router made itself, e.g. 405 for a route
 * without an action) are not errors, and neither is the 503 of a database
 * that cannot be reached (decision 024): no bug of ours, noted by
 * noteDatabaseUnavailable (a few lines an outage) instead.
 */
export function isUnhandledError(error: unknown): boolean {
  if (isRouteErrorResponse(error)) return error.status >= 500 && !(error.status === 503 && error.data === UNAVAILABLE_KEY);
  if (error instanceof Response) return error.status >= 500;
  return !isDatabaseUnavailable(error);
}

export function reportUnhandledError(error: unknown, request?: Request): void {
  if (request?.signal.aborted) return;
  if (!isUnhandledError(error)) {
    if (isDatabaseUnavailable(error)) noteDatabaseUnavailable(error);
    return;
  }
  const where = request ? `${request.method} ${new URL(request.url).pathname}` : "(no request)";
  const inner = isRouteErrorResponse(error) && (error as { error?: unknown }).error ? (error as { error?: unknown }).error : error;
  const err = inner instanceof Error ? inner : new Error(String(inner));
  logger.error({ err, where }, `${UNHANDLED_ERROR_MARKER} ${where}: ${err.message.split("\n")[0]!.slice(0, 200)}`);
  const file = process.env.ZJ_ERROR_LOG;
  if (file) {
    try {
      appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), where, error: err.stack ?? err.message })}\n`);
    } catch (e) {
      logger.error({ err: e }, `${UNHANDLED_ERROR_MARKER} could not write ZJ_ERROR_LOG ${file}`);
    }
  }
}
