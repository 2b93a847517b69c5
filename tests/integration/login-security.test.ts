import { beforeAll, describe, expect, it } from "vitest";
import { RouterContextProvider } from "react-router";
import { clientIpContext } from "~/context";
import { getDb, type Db } from "~/db/client.server";
import { makeCreditCode } from "~/lib/credit-code";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as languageAction } from "~/routes/language";
import { action as registerAction } from "~/routes/register";
import { keys, MAX_REGISTRATIONS_PER_CLIENT } from "~/services/accounts/throttle.server";
import { createUser } from "../support/factories";
import { getRequest, outcome, postRequest } from "../support/http";

/**
 * The login and registration routes end to end (without a browser): open
 * redirects, the device cookie, 429 + Retry-After, and a registration form
 * that neither says which emails exist nor lets a script register hundreds.
 */

const PASSWORD = "factory-password-1";
let db: Db;

function args(request: Request, ip: string) {
  const context = new RouterContextProvider();
  context.set(clientIpContext, ip);
  return { request, params: {}, context, unstable_pattern: "" } as never;
}

const login = (fields: Record<string, string>, ip: string, cookie?: string) =>
  outcome(() => loginAction(args(postRequest("/login", fields, cookie), ip)));

/** The "name=value" part of each Set-Cookie of a response. */
function cookiesOf(response: Response | null): Record<string, { pair: string; attrs: string }> {
  const out: Record<string, { pair: string; attrs: string }> = {};
  for (const line of response?.headers.getSetCookie() ?? []) {
    const [pair, ...attrs] = line.split(";");
    out[pair!.split("=")[0]!] = { pair: pair!, attrs: attrs.join(";") };
  }
  return out;
}

beforeAll(async () => {
  db = await getDb();
});

describe("POST /login redirects only within the site", () => {
  // As a form field: "/%09/evil.example" in the urlencoded body arrives as "/\t/evil.example".
  it.each([
    ["/\t/evil.example", "/dashboard"],
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["https://evil.example/", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    [" /dashboard", "/dashboard"],
    ["/..//evil.example", "/dashboard"],
    ["\u0000/x", "/dashboard"],
    // Sent literally (the body carries %2509): a harmless path on this site.
    ["/%09/evil.example", "/%09/evil.example"],
  ])("redirectTo=%j → %j", async (redirectTo, expected) => {
    const user = await createUser(db, "ENTERPRISE");
    const o = await login({ email: user.email, password: PASSWORD, redirectTo }, "192.0.2.10");
    expect(o.status).toBe(302);
    expect(o.location).toBe(expected);
    expect(new URL(o.location!, "https://zjcs.example").origin).toBe("https://zjcs.example");
  });

  it("the reported request: a raw body redirectTo=/%09/evil.example (decoded to a tab) goes to /dashboard", async () => {
    const user = await createUser(db, "ENTERPRISE");
    const request = new Request("http://localhost:3000/login", {
      method: "POST",
      headers: { Origin: "http://localhost:3000", "Content-Type": "application/x-www-form-urlencoded" },
      body: `email=${encodeURIComponent(user.email)}&password=${PASSWORD}&redirectTo=/%09/evil.example`,
    });
    const o = await outcome(() => loginAction(args(request, "192.0.2.10")));
    expect(o.location).toBe("/dashboard");
  });

  it("keeps a same-site target, and the login page never puts an off-site one in its form", async () => {
    const user = await createUser(db, "ENTERPRISE");
    expect((await login({ email: user.email, password: PASSWORD, redirectTo: "/requests?status=OPEN" }, "192.0.2.11")).location).toBe(
      "/requests?status=OPEN",
    );
    const page = (url: string) => outcome(() => loginLoader(args(getRequest(url), "192.0.2.11")));
    expect((await page("/login?redirectTo=%2F%09%2Fevil.example")).data).toMatchObject({ redirectTo: "/dashboard" });
    expect((await page("/login?redirectTo=%2F%2Fevil.example")).data).toMatchObject({ redirectTo: "/dashboard" });
    expect((await page("/login?redirectTo=%2Fcases%2F1")).data).toMatchObject({ redirectTo: "/cases/1", registered: false });
  });
});

describe("POST /language goes back only to a page of this site", () => {
  it.each([
    ["/requests?lng=en&page=2", "/requests?page=2"],
    ["/\t/evil.example", "/"],
    ["//evil.example", "/"],
    ["https://evil.example/", "/"],
    ["/\\evil.example", "/"],
  ])("redirectTo=%j → %j", async (redirectTo, expected) => {
    const o = await outcome(() => languageAction(args(postRequest("/language", { lng: "en", redirectTo }), "192.0.2.12")));
    expect(o.status).toBe(302);
    expect(o.location).toBe(expected);
  });
});

describe("the device cookie and the throttle over HTTP", () => {
  it("a successful login makes the browser a known device; from it the user gets in while unknown clients get 429 + Retry-After", async () => {
    const user = await createUser(db, "REGULATOR");
    const first = await login({ email: user.email, password: PASSWORD }, "192.0.2.20");
    expect(first.status).toBe(302);
    const device = cookiesOf(first.response).__device!;
    expect(device.attrs).toMatch(/Path=\/login/);
    expect(device.attrs).toMatch(/HttpOnly/i);
    expect(device.attrs).toMatch(/SameSite=Lax/i);
    expect(device.attrs).toMatch(/Max-Age=31536000/);

    // An attacker's failures (as if piled up just now from many addresses) make unknown clients wait…
    // (Right after the user's success, which reset the account's count.)
    const success = await db.loginAttempt.findFirstOrThrow({
      where: { key: keys.account(user.email), success: true },
      orderBy: { at: "desc" },
    });
    await db.loginAttempt.createMany({
      data: Array.from({ length: 40 }, () => ({ key: keys.account(user.email), success: false, at: new Date(success.at.getTime() + 1) })),
    });
    const refused = await login({ email: user.email, password: PASSWORD }, "192.0.2.21");
    expect(refused.status).toBe(429);
    expect(refused.data).toMatchObject({ fieldErrors: { email: ["errors.throttled"] }, params: { minutes: 15 } });
    // The form is refilled, never with the password.
    expect(refused.data!.values).toMatchObject({ email: user.email });
    expect(refused.data!.values).not.toHaveProperty("password");
    // …but not the user's own browser.
    const fromDevice = await login({ email: user.email, password: PASSWORD }, "192.0.2.21", device.pair);
    expect(fromDevice.status).toBe(302);
    // A forged or altered cookie is no device at all.
    const forged = `__device=${Buffer.from(JSON.stringify([{ u: user.id, n: "0".repeat(32) }])).toString("base64")}`;
    expect((await login({ email: user.email, password: PASSWORD }, "192.0.2.21", forged)).status).toBe(429);
    expect((await login({ email: user.email, password: PASSWORD }, "192.0.2.21", device.pair.slice(0, -3) + "abc")).status).toBe(429);
  });

  it("answers 429 with a Retry-After header in seconds", async () => {
    const user = await createUser(db, "ENTERPRISE");
    const now = new Date();
    await db.loginAttempt.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({
        key: keys.accountClient(user.email, "192.0.2.30"),
        success: false,
        at: new Date(now.getTime() - 1000 + i),
      })),
    });
    const refused = await outcome(() => loginAction(args(postRequest("/login", { email: user.email, password: PASSWORD }), "192.0.2.30")));
    expect(refused.status).toBe(429);
    const { response } = await rawLogin({ email: user.email, password: PASSWORD }, "192.0.2.30");
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
  });
});

/** The action's data() result with its init headers, as React Router would send them. */
async function rawLogin(fields: Record<string, string>, ip: string) {
  const r = (await loginAction(args(postRequest("/login", fields), ip))) as unknown as { init: ResponseInit | null; data: unknown };
  return { response: new Response(null, r.init ?? undefined), data: r.data };
}

function registration(email: string, org: string) {
  return {
    accountType: "ENTERPRISE",
    orgKind: "COMPANY",
    creditCode: makeCreditCode(`91310107${org}`),
    email,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    name: "测试员",
    orgName: `测试企业${org}`,
    contactPhone: "021-12345678",
  };
}
const register = (fields: Record<string, string>, ip: string) => outcome(() => registerAction(args(postRequest("/register", fields), ip)));

describe("POST /register", () => {
  it("answers a taken email exactly like a new one, and creates nothing for it", async () => {
    const fresh = await register(registration("fresh@example.cn", "MA1AAAA01"), "192.0.2.40");
    const taken = await register(registration("fresh@example.cn", "MA1AAAA02"), "192.0.2.40");
    for (const o of [fresh, taken])
      expect({ status: o.status, location: o.location, data: o.data }).toEqual({
        status: 302,
        location: "/login?registered=1",
        data: null,
      });
    expect(cookiesOf(fresh.response)).toEqual(cookiesOf(taken.response));
    expect(await db.organization.count({ where: { name: { in: ["测试企业MA1AAAA01", "测试企业MA1AAAA02"] } } })).toBe(1);
    // Only the first password opens the account.
    expect((await login({ email: "fresh@example.cn", password: PASSWORD }, "192.0.2.41")).status).toBe(302);
    // The login page explains both cases.
    expect((await outcome(() => loginLoader(args(getRequest("/login?registered=1"), "192.0.2.41")))).data).toMatchObject({
      registered: true,
    });
  });

  it(`allows ${MAX_REGISTRATIONS_PER_CLIENT} registrations an hour per client, then 429 + Retry-After with a translated message`, async () => {
    const ip = "192.0.2.50";
    const now = new Date();
    await db.loginAttempt.createMany({
      data: Array.from({ length: MAX_REGISTRATIONS_PER_CLIENT - 1 }, (_, i) => ({
        key: keys.register(ip),
        success: true,
        at: new Date(now.getTime() - 60_000 + i),
      })),
    });
    expect((await register(registration("tenth@example.cn", "MA1AAAA03"), ip)).status).toBe(302);
    const r = (await registerAction(args(postRequest("/register", registration("eleventh@example.cn", "MA1AAAA04")), ip))) as unknown as {
      init: ResponseInit;
      data: Record<string, unknown>;
    };
    expect(r.init.status).toBe(429);
    const retryAfter = Number(new Headers(r.init.headers).get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(3000);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(r.data).toMatchObject({
      formError: "errors.registrationThrottled",
      params: { minutes: Math.ceil(retryAfter / 60) },
      values: { email: "eleventh@example.cn" },
    });
    expect(r.data.values).not.toHaveProperty("password");
    expect(r.data.values).not.toHaveProperty("confirmPassword");
    expect(await db.user.count({ where: { email: "eleventh@example.cn" } })).toBe(0);
    // Another client is not affected; a form with errors does not count.
    expect((await register(registration("other-client@example.cn", "MA1AAAA05"), "192.0.2.51")).status).toBe(302);
    expect((await register({ ...registration("bad@example.cn", "MA1AAAA06"), confirmPassword: "different-pass" }, ip)).status).toBe(400);
  });
});
