import { describe, expect, it } from "vitest";
import { bidSchema, cancelSchema } from "./request";

const errorsOf = (raw: Record<string, unknown>) => {
  const r = bidSchema.safeParse(raw);
  return r.success ? null : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("bidSchema (was parseBid)", () => {
  it("turns yuan into fen, days into an integer and trims the proposal", () => {
    expect(bidSchema.parse({ amount: " 1234.5 ", serviceDays: " 30 ", proposal: "  方案  " })).toEqual({
      amount: 123450n,
      serviceDays: 30,
      proposal: "方案",
    });
  });

  it("refuses each field with its own message, all at once", () => {
    expect(errorsOf({})).toEqual({ amount: "requests.errors.money", serviceDays: "requests.errors.range", proposal: "errors.required" });
    expect(errorsOf({ amount: "0", serviceDays: "0", proposal: "   " })).toEqual({
      amount: "requests.errors.money",
      serviceDays: "requests.errors.range",
      proposal: "errors.required",
    });
    expect(errorsOf({ amount: "1.234", serviceDays: "1.5", proposal: "x".repeat(5001) })).toEqual({
      amount: "requests.errors.money",
      serviceDays: "requests.errors.range",
      proposal: "errors.tooLong",
    });
    expect(errorsOf({ amount: "-5", serviceDays: "3651", proposal: "ok" })).toEqual({
      amount: "requests.errors.money",
      serviceDays: "requests.errors.range",
    });
    expect(errorsOf({ amount: "0.01", serviceDays: "3650", proposal: "x".repeat(5000) })).toBeNull();
  });

  it("a cancellation needs a reason of at most 500 characters", () => {
    expect(cancelSchema.safeParse({}).error?.issues[0]?.message).toBe("errors.required");
    expect(cancelSchema.safeParse({ reason: "x".repeat(501) }).error?.issues[0]?.message).toBe("errors.tooLong");
    expect(cancelSchema.parse({ reason: " 不再需要 " })).toEqual({ reason: "不再需要" });
  });
});
