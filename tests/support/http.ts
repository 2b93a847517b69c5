import { expect } from "vitest";
import { createUserSession } from "~/lib/session.server";

const BASE = "http://localhost:3000";

/** A Cookie header value for a real session of this user. */
export async function sessionCookie(userId: string): Promise<string> {
  const response = await createUserSession(userId, "/");
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  return setCookie.split(";")[0]!;
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(BASE + path, { headers: cookie ? { Cookie: cookie } : {} });
}

export function postRequest(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(BASE + path, {
    method: "POST",
    headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

/**
 * What a route threw that React Router would answer with a 500 (anything but a
 * Response or data()): tests/setup/worker-setup.ts fails the test after which
 * one is left here (decision 017). A test that throws one on purpose takes it
 * with takeUnhandledRouteErrors().
 */
const unhandled: unknown[] = ((globalThis as { __zjUnhandledRouteErrors?: unknown[] }).__zjUnhandledRouteErrors ??= []);

export function takeUnhandledRouteErrors(): unknown[] {
  return unhandled.splice(0, unhandled.length);
}

function isHttpAnswer(thrown: unknown): boolean {
  return thrown instanceof Response ? thrown.status < 500 : isDataWithInit(thrown);
}

/** A React Router `data()` result (DataWithResponseInit): how routes answer with a status and a body. */
export function isDataWithInit(
  value: unknown,
): value is { type: "DataWithResponseInit"; data: Record<string, unknown>; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit" && "data" in value;
}

/**
 * Runs a loader/action and returns what it returned, or the Response / data()
 * it threw (redirects are Responses). Anything else thrown — a TypeError, a
 * DomainError that no route mapped, a database error — is a crash the user
 * would see as a 500, so it is rethrown and fails the test.
 */
export async function responseOf(fn: () => Promise<unknown>): Promise<Response | unknown> {
  try {
    return await fn();
  } catch (thrown) {
    // A 5xx Response or a crash is what React Router answers with a 500: recorded for the
    // worker's afterEach check; a crash is also rethrown so the test itself fails here.
    if (!isHttpAnswer(thrown)) unhandled.push(thrown);
    if (thrown instanceof Response || isDataWithInit(thrown)) return thrown;
    throw thrown;
  }
}

// Route modules' generated arg types want the full framework context; tests pass what the code reads.
export const routeArgs = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} as never, unstable_pattern: "" }) as never;

export type Outcome = { status: number; location: string | null; data: Record<string, unknown> | null; response: Response | null };

/** A loader/action result as HTTP would see it: a thrown or returned Response, data() with a status, or plain data. */
export async function outcome(fn: () => Promise<unknown>): Promise<Outcome> {
  const r = await responseOf(fn);
  if (r instanceof Response) return { status: r.status, location: r.headers.get("Location"), data: null, response: r };
  if (r instanceof Error) throw r; // a returned Error is no answer either
  if (isDataWithInit(r)) {
    const w = r;
    return {
      status: w.init?.status ?? 200,
      location: w.init?.headers ? new Headers(w.init.headers).get("Location") : null,
      data: w.data,
      response: null,
    };
  }
  return { status: 200, location: null, data: r as Record<string, unknown>, response: null };
}

/**
 * What a refusal said, beside its status: the i18n key of an ActionFailure
 * (formError, or the messages of one field), an `error` key, or the body of a
 * thrown Response ("Not Found", or the i18n key of a missing permission).
 */
export async function refusalOf(o: Outcome, field?: string): Promise<{ status: number; key: unknown }> {
  if (o.response) return { status: o.status, key: await o.response.clone().text() };
  const d = o.data ?? {};
  if (field) return { status: o.status, key: (d.fieldErrors as Record<string, string[]> | undefined)?.[field]?.[0] };
  return { status: o.status, key: d.formError ?? d.error };
}

/**
 * Asserts a refusal by status AND by which refusal it was, so that another
 * 409 (or a 403 for the wrong reason) cannot pass for this one. `key` is the
 * i18n key (formError / error, or `field`'s first message) or a thrown
 * Response's body text.
 */
export async function expectRefusal(o: Outcome | Promise<Outcome>, status: number, key: string, field?: string): Promise<Outcome> {
  const out = await o;
  expect(await refusalOf(out, field), field ? `field ${field}` : undefined).toEqual({ status, key });
  return out;
}
