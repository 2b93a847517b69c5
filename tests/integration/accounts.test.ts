import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { makeCreditCode } from "~/lib/credit-code";
import { DomainError } from "~/lib/errors";
import { registerSchema } from "~/schemas/auth";
import { authenticate, registerAccount } from "~/services/accounts/accounts.server";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "~/services/accounts/throttle.server";

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
    await expect(registerAccount(db, agencyInput("dup@example.cn", "MA2AAAA03"))).rejects.toMatchObject({ code: "EMAIL_TAKEN", status: 409, field: "email" });
    await expect(registerAccount(db, agencyInput("other@example.cn", "MA2AAAA02"))).rejects.toMatchObject({ code: "CREDIT_CODE_TAKEN", status: 409, field: "creditCode" });
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

describe("login", () => {
  it("accepts the right password and refuses a wrong one with the same message as an unknown email", async () => {
    const db = await getDb();
    await registerAccount(db, agencyInput("login@example.cn", "MA2AAAA04"));
    await expect(authenticate(db, "LOGIN@example.cn", password, "10.0.0.1")).resolves.toMatchObject({ email: "login@example.cn" });
    const wrong = await authenticate(db, "login@example.cn", "wrong-password", "10.0.0.1").catch((e: unknown) => e);
    const unknown = await authenticate(db, "nobody@example.cn", "wrong-password", "10.0.0.1").catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(DomainError);
    expect(unknown).toBeInstanceOf(DomainError);
    expect((wrong as DomainError).message).toBe((unknown as DomainError).message);
    expect(wrong).toMatchObject({ status: 401, code: "INVALID_CREDENTIALS", message: "errors.invalidCredentials" });
  });

  it("throttles an account after repeated failures, even with the right password, from any IP", async () => {
    const db = await getDb();
    await registerAccount(db, agencyInput("throttle@example.cn", "MA2AAAA05"));
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await expect(authenticate(db, "throttle@example.cn", "nope-nope-nope", `10.1.0.${i}`)).rejects.toMatchObject({ status: 401, code: "INVALID_CREDENTIALS" });
    }
    const err = await authenticate(db, "throttle@example.cn", password, "10.9.9.9").catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "THROTTLED", status: 429 });
    expect((err as DomainError).params?.minutes).toBeGreaterThan(0);
  });

  it("throttles an IP that sprays many accounts", async () => {
    const db = await getDb();
    await registerAccount(db, agencyInput("spray@example.cn", "MA2AAAA06"));
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await authenticate(db, `victim${i}@example.cn`, "guess-guess-guess", "192.0.2.7").catch(() => undefined);
    }
    await expect(authenticate(db, "spray@example.cn", password, "192.0.2.7")).rejects.toMatchObject({ code: "THROTTLED" });
    await expect(authenticate(db, "spray@example.cn", password, "192.0.2.8")).resolves.toBeTruthy();
  });
});
