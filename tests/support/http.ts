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

/** Runs a loader/action and returns the Response it threw or returned. */
export async function responseOf(fn: () => Promise<unknown>): Promise<Response | unknown> {
  try {
    return await fn();
  } catch (thrown) {
    return thrown;
  }
}

// Route modules' generated arg types want the full framework context; tests pass what the code reads.
export const routeArgs = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} as never, unstable_pattern: "" }) as never;
