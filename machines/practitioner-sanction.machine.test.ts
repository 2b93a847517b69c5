import { describe, expect, it } from "vitest";
import { PractitionerSanctionStatus } from "~/generated/prisma/enums";
import { decide, initialStateOf, statesOf } from "./apply";
import { practitionerSanctionMachine } from "./practitioner-sanction.machine";

describe("practitioner sanction machine", () => {
  it("has exactly the states of the database enum and starts in force", () => {
    expect(statesOf(practitionerSanctionMachine).sort()).toEqual(Object.values(PractitionerSanctionStatus).sort());
    expect(initialStateOf(practitionerSanctionMachine)).toBe("IN_FORCE");
  });
  it.each([
    ["IN_FORCE", "REVOKE", "REVOKED"],
    ["REVOKED", "REVOKE", null],
  ] as const)("%s × %s → %s", (state, type, expected) => {
    const r = decide(practitionerSanctionMachine, state, { type, reason: "复核撤销" });
    expect(r.ok ? r.to : null).toBe(expected);
  });
  it("needs a reason to revoke", () => {
    expect(decide(practitionerSanctionMachine, "IN_FORCE", { type: "REVOKE", reason: "  " }).ok).toBe(false);
  });
});
