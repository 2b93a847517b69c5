import { describe, expect, it } from "vitest";
import { AgencyStatus } from "~/generated/prisma/enums";
import { agencyMachine, type AgencyEvent } from "./agency.machine";
import { decide, statesOf } from "./apply";

const tomorrow = new Date(Date.now() + 86_400_000);
const events: Record<string, AgencyEvent> = {
  APPROVE: { type: "APPROVE", hasValidCredential: true, isBlacklisted: false },
  REJECT: { type: "REJECT", reason: "资质证书与营业执照名称不一致" },
  REAPPLY: { type: "REAPPLY", isBlacklisted: false },
  SUSPEND: { type: "SUSPEND", reason: "出具虚假报告", until: tomorrow },
  REINSTATE: { type: "REINSTATE" },
  REMOVE: { type: "REMOVE", reason: "严重失信" },
};

// Every state × every event: the expected next state, or null when refused.
const table: Record<string, Record<string, string | null>> = {
  APPLIED: { APPROVE: "LISTED", REJECT: "REJECTED", REAPPLY: null, SUSPEND: null, REINSTATE: null, REMOVE: null },
  REJECTED: { APPROVE: null, REJECT: null, REAPPLY: "APPLIED", SUSPEND: null, REINSTATE: null, REMOVE: null },
  LISTED: { APPROVE: null, REJECT: null, REAPPLY: null, SUSPEND: "SUSPENDED", REINSTATE: null, REMOVE: "REMOVED" },
  SUSPENDED: { APPROVE: null, REJECT: null, REAPPLY: null, SUSPEND: null, REINSTATE: "LISTED", REMOVE: "REMOVED" },
  REMOVED: { APPROVE: null, REJECT: null, REAPPLY: null, SUSPEND: null, REINSTATE: null, REMOVE: null },
};

describe("agency machine", () => {
  it("has exactly the states of the database enum", () => {
    expect(statesOf(agencyMachine).sort()).toEqual(Object.values(AgencyStatus).sort());
  });

  for (const [state, row] of Object.entries(table)) {
    for (const [event, expected] of Object.entries(row)) {
      it(`${state} × ${event} → ${expected ?? "refused"}`, () => {
        const result = decide(agencyMachine, state, events[event]!);
        expect(result.ok ? result.to : null).toBe(expected);
      });
    }
  }

  it("refuses to list without a valid credential or while blacklisted", () => {
    expect(decide(agencyMachine, "APPLIED", { type: "APPROVE", hasValidCredential: false, isBlacklisted: false }).ok).toBe(false);
    expect(decide(agencyMachine, "APPLIED", { type: "APPROVE", hasValidCredential: true, isBlacklisted: true }).ok).toBe(false);
    expect(decide(agencyMachine, "REJECTED", { type: "REAPPLY", isBlacklisted: true }).ok).toBe(false);
  });

  it("refuses adverse decisions without a reason, and a suspension ending in the past", () => {
    expect(decide(agencyMachine, "APPLIED", { type: "REJECT", reason: "  " }).ok).toBe(false);
    expect(decide(agencyMachine, "LISTED", { type: "SUSPEND", reason: "x", until: new Date(Date.now() - 1000) }).ok).toBe(false);
    expect(decide(agencyMachine, "LISTED", { type: "REMOVE", reason: "" }).ok).toBe(false);
  });
});
