import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { makeCreditCode } from "~/lib/credit-code";
import { DomainError } from "~/lib/errors";
import { registerSchema } from "~/schemas/auth";
import { authenticate, registerAccount } from "~/services/accounts/accounts.server";
import {
  delayAfter,
  FREE_FAILURES_PER_ACCOUNT_CLIENT,
  FREE_FAILURES_PER_CLIENT,
  keys,
  MAX_DELAY_SECONDS,
  MAX_FAILURES_PER_DEVICE,
} from "~/services/accounts/throttle.server";

const password = "correct-horse-battery";

function agencyInput(email: string, org: string) {
  return registerSchema.parse({
    accountType: "AGENCY",
    entityType: "COMPANY",
    creditCode: makeCreditCode(`91330100${org}`),
    regionCode: "330100",
    email,
    password,
    confirmPassword: password,
    name: "测试员",
    orgName: `测试机构${org}`,
    contactPhone: "0571-88886666",
  });
}

describe("registration", () => {
  it("creates an agency in APPLIED with an argon2id hash and an audit event", async () => {
    const db = await getDb();
    const user = await registerAccount(db, agencyInput("a1@example.cn", "MA2AAAA01"));
    expect(user.role).toBe("AGENCY");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const agency = await db.agency.findFirstOrThrow({ where: { organizationId: user.organizationId! } });
    expect(agency.status).toBe("APPLIED");
    const events = await db.auditEvent.findMany({ where: { aggregateId: agency.id } });
    expect(events.map((e) => e.event)).toEqual(["REGISTER"]);
  });

  it("refuses a duplicate email and a duplicate credit code with field errors", async () => {
    const db = await getDb();
    await registerAccount(db, agencyInput("dup@example.cn", "MA2AAAA02"));
    await expect(registerAccount(db, agencyInput("dup@example.cn", "MA2AAAA03"))).rejects.toMatchObject({
      code: "EMAIL_TAKEN",
      status: 409,
      field: "email",
    });
    await expect(registerAccount(db, agencyInput("other@example.cn", "MA2AAAA02"))).rejects.toMatchObject({
      code: "CREDIT_CODE_TAKEN",
      status: 409,
      field: "creditCode",
    });
    expect(await db.user.count({ where: { email: "other@example.cn" } })).toBe(0);
  });

  it("lets a natural person register as an enterprise without a credit code", async () => {
    const db = await getDb();
    const input = registerSchema.parse({
      accountType: "ENTERPRISE",
      orgKind: "NATURAL_PERSON",
      email: "person@example.cn",
      password,
      confirmPassword: password,
      name: "张三",
      orgName: "张三",
      contactPhone: "13800000000",
    });
    const user = await registerAccount(db, input);
    const org = await db.organization.findUniqueOrThrow({ where: { id: user.organizationId! } });
    expect(org).toMatchObject({ kind: "NATURAL_PERSON", creditCode: null });
  });
});

const T0 = new Date("2030-03-01T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const unknown = (ip: string) => ({ ip });
const known = (ip: string, userId: string, n = "0123456789abcdef0123456789abcdef") => ({ ip, device: [{ u: userId, n }] });
/** A wrong password: the refusal (401 or 429) it gets. */
async function failFrom(email: string, client: { ip: string }, now: Date): Promise<DomainError> {
  try {
    await authenticate(db(), email, "wrong-password!", client, now);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("a wrong password was accepted");
}
let handle: Awaited<ReturnType<typeof getDb>>;
const db = () => handle;

describe("login", () => {
  it("accepts the right password and refuses a wrong one with the same message as an unknown email", async () => {
    handle = await getDb();
    await registerAccount(db(), agencyInput("login@example.cn", "MA2AAAA04"));
    await expect(authenticate(db(), "LOGIN@example.cn", password, unknown("10.0.0.1"), at(0))).resolves.toMatchObject({
      email: "login@example.cn",
    });
    const wrong = await failFrom("login@example.cn", unknown("10.0.0.1"), at(1));
    const nobody = await failFrom("nobody@example.cn", unknown("10.0.0.1"), at(2));
    expect(wrong).toBeInstanceOf(DomainError);
    expect(nobody).toBeInstanceOf(DomainError);
    expect(wrong.message).toBe(nobody.message);
    expect(wrong).toMatchObject({ status: 401, code: "INVALID_CREDENTIALS", message: "errors.invalidCredentials" });
  });

  it("an attacker with many failures cannot lock out a user on a known device; on an unknown one the user waits, then gets in", async () => {
    handle = await getDb();
    const user = await registerAccount(db(), agencyInput("regulated@example.cn", "MA2AAAA05"));
    // The old rule: five requests locked the account, right password included. Now: thirty, from ten addresses.
    for (let i = 0; i < 30; i++) await failFrom("regulated@example.cn", unknown(`198.51.100.${i % 10}`), at(i));
    const blocked = await failFrom("regulated@example.cn", unknown("203.0.113.9"), at(31));
    expect(blocked).toMatchObject({ code: "THROTTLED", status: 429, field: "email" });
    // The user's own browser, which logged in before, is not held back at all.
    await expect(authenticate(db(), "regulated@example.cn", password, known("203.0.113.9", user.id), at(31))).resolves.toMatchObject({
      id: user.id,
    });
    // A device cookie for another account does not help.
    const otherDevice = await failFrom("regulated@example.cn", known("203.0.113.9", "someone-else"), at(31));
    expect(otherDevice).toMatchObject({ code: "THROTTLED" });
    // From a new device the right password works once the (bounded) delay has passed.
    const wait = Number(blocked.params!.retryAfter);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
    await expect(authenticate(db(), "regulated@example.cn", password, unknown("203.0.113.9"), at(31 + wait))).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("counts per account and client: one client's failures do not slow the user on another, until the account's own budget is spent", async () => {
    handle = await getDb();
    const user = await registerAccount(db(), agencyInput("pair@example.cn", "MA2AAAA06"));
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT_CLIENT; i++) await failFrom("pair@example.cn", unknown("192.0.2.50"), at(i));
    expect(await failFrom("pair@example.cn", unknown("192.0.2.50"), at(5))).toMatchObject({ code: "THROTTLED" });
    await expect(authenticate(db(), "pair@example.cn", password, unknown("192.0.2.51"), at(5))).resolves.toMatchObject({ id: user.id });
  });

  it("delays grow with each failure past the free ones, and a try inside the delay is refused without counting", async () => {
    handle = await getDb();
    await registerAccount(db(), agencyInput("grow@example.cn", "MA2AAAA07"));
    const client = unknown("192.0.2.60");
    let last = 0;
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT_CLIENT; i++)
      expect(await failFrom("grow@example.cn", client, at((last = i)))).toMatchObject({ status: 401 });
    const waits: number[] = [];
    for (let round = 0; round < 6; round++) {
      // Asked right after the last failure: the whole delay is owed.
      const refused = await failFrom("grow@example.cn", client, at(last));
      expect(refused).toMatchObject({ code: "THROTTLED", status: 429 });
      const wait = Number(refused.params!.retryAfter);
      waits.push(wait);
      // Hammering inside the delay changes nothing: one second before its end, one second is left.
      expect(Number((await failFrom("grow@example.cn", client, at(last + wait - 1))).params!.retryAfter)).toBe(1);
      last += wait;
      expect(await failFrom("grow@example.cn", client, at(last))).toMatchObject({ status: 401 });
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64]);
    for (let i = 0; i < 20; i++)
      expect(delayAfter(FREE_FAILURES_PER_ACCOUNT_CLIENT + i, FREE_FAILURES_PER_ACCOUNT_CLIENT)).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
  });

  it("slows a spray from one address, but not an office behind it: known devices pass, and the threshold is far above a NAT's typos", async () => {
    handle = await getDb();
    const colleague = await registerAccount(db(), agencyInput("colleague@example.cn", "MA2AAAA08"));
    const ip = "192.0.2.70";
    // Sixty typos across an office in an hour slow nobody down.
    await db().loginAttempt.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ key: keys.client(ip), success: false, at: at(i) })),
    });
    await expect(authenticate(db(), "colleague@example.cn", password, unknown(ip), at(100))).resolves.toBeTruthy();
    // A spray: past FREE_FAILURES_PER_CLIENT failures over many accounts the address must wait, longer and longer.
    let last = 0;
    for (let i = 0; i < FREE_FAILURES_PER_CLIENT - 60; i++) await failFrom(`victim${i}@example.cn`, unknown(ip), at((last = 101 + i)));
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const slowed = await failFrom(`victim-late${round}@example.cn`, unknown(ip), at(last));
      expect(slowed).toMatchObject({ code: "THROTTLED", status: 429 });
      waits.push(Number(slowed.params!.retryAfter));
      last += waits.at(-1)!;
      expect(await failFrom(`victim-late${round}@example.cn`, unknown(ip), at(last))).toMatchObject({ status: 401 });
    }
    expect(waits).toEqual([2, 4, 8, 16]);
    // The colleague on an unknown browser behind the sprayed address waits too.
    expect(await failFrom("colleague@example.cn", unknown(ip), at(last))).toMatchObject({ code: "THROTTLED" });
    const now = at(last);
    // The colleague's usual browser is not slowed; nor is anyone on another address.
    await expect(authenticate(db(), "colleague@example.cn", password, known(ip, colleague.id), now)).resolves.toBeTruthy();
    await expect(authenticate(db(), "colleague@example.cn", password, unknown("192.0.2.71"), now)).resolves.toBeTruthy();
    // An IPv6 spray cannot rotate through its /64.
    expect(keys.client("2001:db8:1:2::1")).toBe(keys.client("2001:db8:1:2:ffff::9"));
  });

  it("a known device that keeps failing loses its trust", async () => {
    handle = await getDb();
    const user = await registerAccount(db(), agencyInput("device@example.cn", "MA2AAAA09"));
    const device = known("192.0.2.80", user.id, "fedcba9876543210fedcba9876543210");
    for (let i = 0; i < MAX_FAILURES_PER_DEVICE; i++)
      expect(await failFrom("device@example.cn", device, at(i))).toMatchObject({ status: 401 });
    // From now on it is judged as an unknown client, with that client's few free tries and then delays.
    const verdicts: number[] = [];
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT_CLIENT + 1; i++)
      verdicts.push((await failFrom("device@example.cn", device, at(20 + i))).status);
    expect(verdicts).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
