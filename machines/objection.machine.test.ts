import { describe, expect, it } from "vitest";
import { ObjectionStatus } from "~/generated/prisma/enums";
import { decide, statesOf } from "./apply";
import { objectionMachine } from "./objection.machine";

describe("objection machine", () => {
  it("has exactly the states of the database enum", () => {
    expect(statesOf(objectionMachine).sort()).toEqual(Object.values(ObjectionStatus).sort());
  });
  it.each([
    ["PENDING", "UPHOLD", "UPHELD"],
    ["PENDING", "DISMISS", "DISMISSED"],
    ["UPHELD", "UPHOLD", null],
    ["UPHELD", "DISMISS", null],
    ["DISMISSED", "UPHOLD", null],
    ["DISMISSED", "DISMISS", null],
  ] as const)("%s × %s → %s", (state, type, expected) => {
    const r = decide(objectionMachine, state, { type, reason: "理由", isPublicity: true });
    expect(r.ok ? r.to : null).toBe(expected);
  });
  it("needs a reason and an award under publicity", () => {
    expect(decide(objectionMachine, "PENDING", { type: "DISMISS", reason: " ", isPublicity: true }).ok).toBe(false);
    expect(decide(objectionMachine, "PENDING", { type: "UPHOLD", reason: "x", isPublicity: false }).ok).toBe(false);
  });
});
