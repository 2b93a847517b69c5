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
  if (thrown instanceof Response) return thrown.status < 500;
  return typeof thrown === "object" && thrown !== null && (thrown as { type?: unknown }).type === "DataWithResponseInit";
}

/** Runs a loader/action and returns the Response it threw or returned. */
export async function responseOf(fn: () => Promise<unknown>): Promise<Response | unknown> {
  try {
    return await fn();
  } catch (thrown) {
    if (!isHttpAnswer(thrown)) unhandled.push(thrown);
    return thrown;
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
  if (r && typeof r === "object" && "init" in r && "data" in r) {
    const w = r as { init: ResponseInit | null; data: Record<string, unknown> };
    return { status: w.init?.status ?? 200, location: w.init?.headers ? new Headers(w.init.headers).get("Location") : null, data: w.data, response: null };
  }
  return { status: 200, location: null, data: r as Record<string, unknown>, response: null };
}
