import { describe, expect, it } from "vitest";
import { makeCreditCode } from "~/lib/credit-code";
import { registerSchema } from "./auth";

const good = {
  accountType: "AGENCY",
  entityType: "INDIVIDUAL_BUSINESS",
  creditCode: makeCreditCode("92310107MA1N3P4Q5"),
  regionCode: "310107",
  email: "a@b.cn",
  password: "0123456789",
  confirmPassword: "0123456789",
  name: "王五",
  orgName: "王五测绘服务部",
  contactPhone: "021-12345678",
};

function errorsOf(input: Record<string, unknown>) {
  const r = registerSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("registration schema", () => {
  it("accepts an individual business agency", () => {
    expect(registerSchema.safeParse(good).success).toBe(true);
  });
  it("names the field and the i18n key of each error", () => {
    expect(errorsOf({ ...good, creditCode: good.creditCode.slice(0, 17) + (good.creditCode.endsWith("0") ? "1" : "0") })).toEqual({
      creditCode: "errors.creditCode.checksum",
    });
    expect(errorsOf({ ...good, creditCode: "123" })).toEqual({ creditCode: "errors.creditCode.length" });
    expect(errorsOf({ ...good, email: "not-an-email" })).toEqual({ email: "errors.email" });
    expect(errorsOf({ ...good, password: "short", confirmPassword: "short" })).toEqual({ password: "errors.passwordShort" });
    expect(errorsOf({ ...good, confirmPassword: "9876543210" })).toEqual({ confirmPassword: "errors.passwordMismatch" });
    expect(errorsOf({ ...good, regionCode: "" })).toEqual({ regionCode: "errors.region" });
    expect(errorsOf({ ...good, contactPhone: "call me" })).toEqual({ contactPhone: "errors.phone" });
  });
  it("requires a credit code from companies but not from natural persons", () => {
    const enterprise = { ...good, accountType: "ENTERPRISE", orgKind: "COMPANY", creditCode: "" };
    expect(errorsOf(enterprise)).toHaveProperty("creditCode");
    expect(errorsOf({ ...enterprise, orgKind: "NATURAL_PERSON" })).toEqual({});
  });
});
