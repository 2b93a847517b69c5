import { describe, expect, it } from "vitest";
import { AgencyStatus } from "~/generated/prisma/enums";
import { agencyMachine, type AgencyEvent } from "./agency.machine";
import { decide, statesOf } from "./apply";

const now = new Date("2026-11-26T08:00:00Z");
const tomorrow = new Date(now.getTime() + 86_400_000);
const events: Record<string, AgencyEvent> = {
  APPROVE: { type: "APPROVE", hasValidCredential: true, isBlacklisted: false },
  REJECT: { type: "REJECT", reason: "资质证书与营业执照名称不一致" },
  REAPPLY: { type: "REAPPLY", isBlacklisted: false },
  SUSPEND: { type: "SUSPEND", reason: "出具虚假报告", until: tomorrow, now },
  REINSTATE: { type: "REINSTATE", isDue: true },
  REMOVE: { type: "REMOVE", reason: "严重失信" },
  EXIT: { type: "EXIT", openBids: 0, runningContracts: 0 },
};

// Every state × every event: the expected next state, or null when refused.
const table: Record<string, Record<string, string | null>> = {
  APPLIED: { APPROVE: "LISTED", REJECT: "REJECTED", REAPPLY: null, SUSPEND: null, REINSTATE: null, REMOVE: "REMOVED", EXIT: "EXITED" },
  REJECTED: { APPROVE: null, REJECT: null, REAPPLY: "APPLIED", SUSPEND: null, REINSTATE: null, REMOVE: "REMOVED", EXIT: null },
  LISTED: { APPROVE: null, REJECT: null, REAPPLY: null, SUSPEND: "SUSPENDED", REINSTATE: null, REMOVE: "REMOVED", EXIT: "EXITED" },
  SUSPENDED: { APPROVE: null, REJECT: null, REAPPLY: null, SUSPEND: "SUSPENDED", REINSTATE: "LISTED", REMOVE: "REMOVED", EXIT: null },
  REMOVED: { APPROVE: null, REJECT: null, REAPPLY: "APPLIED", SUSPEND: null, REINSTATE: "LISTED", REMOVE: null, EXIT: null },
  EXITED: { APPROVE: null, REJECT: null, REAPPLY: "APPLIED", SUSPEND: null, REINSTATE: null, REMOVE: "REMOVED", EXIT: null },
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
    expect(decide(agencyMachine, "LISTED", { type: "SUSPEND", reason: "x", until: new Date(now.getTime() - 1000), now }).ok).toBe(false);
    expect(decide(agencyMachine, "LISTED", { type: "SUSPEND", reason: " ", until: tomorrow, now }).ok).toBe(false);
    expect(decide(agencyMachine, "LISTED", { type: "REMOVE", reason: "" }).ok).toBe(false);
  });

  it("reinstates only when due, and lets an agency exit only with no open work", () => {
    expect(decide(agencyMachine, "SUSPENDED", { type: "REINSTATE", isDue: false }).ok).toBe(false);
    expect(decide(agencyMachine, "REMOVED", { type: "REINSTATE", isDue: false }).ok).toBe(false);
    expect(decide(agencyMachine, "LISTED", { type: "EXIT", openBids: 1, runningContracts: 0 }).ok).toBe(false);
    expect(decide(agencyMachine, "LISTED", { type: "EXIT", openBids: 0, runningContracts: 1 }).ok).toBe(false);
    expect(decide(agencyMachine, "REMOVED", { type: "REAPPLY", isBlacklisted: true }).ok).toBe(false);
    expect(decide(agencyMachine, "EXITED", { type: "REAPPLY", isBlacklisted: true }).ok).toBe(false);
  });
});
