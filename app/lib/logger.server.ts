import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino from "pino";

/**
 * The server's one logger (decision 024): JSON lines on stdout, one object a
 * line, read by whatever collects the container's output.
 *
 * Every line written while a request is handled carries its request id
 * (`reqId`, also sent back as X-Request-Id) and, once the session is known,
 * the user's id (`userId`). Nothing logs a request body, a header, a cookie,
 * a password or a sealed bid: callers log ids and outcomes only, and the
 * redaction below is a second line of defence for the field names that could
 * hold them. Errors are one line each, the stack in `err.stack`.
 *
 * LOG_LEVEL: trace, debug, info (default), warn, error, fatal, silent.
 */

/** `route`: the route pattern React Router matched (routePatternMiddleware), for the request log line. */
export type RequestStore = { requestId: string; userId?: string; route?: string };

const requestStore = new AsyncLocalStorage<RequestStore>();

/** Field names whose values never reach the log, wherever they appear (one level deep and at the top). */
const SECRET_FIELDS = [
  "password",
  "passwordHash",
  "newPassword",
  "cookie",
  "cookies",
  "authorization",
  "headers",
  "token",
  "secret",
  "amount",
  "amountFen",
  "proposal",
  "sealed",
  "body",
];

function level(): string {
  const configured = process.env.LOG_LEVEL?.trim();
  if (configured) return configured;
  return process.env.VITEST ? "warn" : "info";
}

export const logger = pino({
  level: level(),
  messageKey: "msg",
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  serializers: { err: pino.stdSerializers.err },
  redact: { paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`)], censor: "[redacted]" },
  mixin() {
    const store = requestStore.getStore();
    if (!store) return {};
    return store.userId ? { reqId: store.requestId, userId: store.userId } : { reqId: store.requestId };
  },
});

/** A request id from the client's X-Request-Id when it is a plain token, else a new one. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && /^[A-Za-z0-9._:-]{8,64}$/.test(header) ? header : randomUUID();
}

/** Runs `fn` (the handling of one request) with its request id on every log line written meanwhile. */
export function withRequestContext<T>(store: RequestStore, fn: () => T): T {
  return requestStore.run(store, fn);
}

/** The current request's context, if any. */
export function currentRequest(): RequestStore | undefined {
  return requestStore.getStore();
}

/** Called once the session is known: the user's id joins every later line of this request. */
export function noteRequestUser(userId: string): void {
  const store = requestStore.getStore();
  if (store) store.userId = userId;
}

/** Called by the root's first middleware: the route pattern React Router matched. */
export function noteRequestRoute(pattern: string): void {
  const store = requestStore.getStore();
  if (store) store.route = pattern;
}
