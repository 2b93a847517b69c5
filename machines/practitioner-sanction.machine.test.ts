import { describe, expect, it } from "vitest";
import { PractitionerSanctionStatus } from "~/generated/prisma/enums";
import { decide, initialStateOf, statesOf } from "./apply";
import { practitionerSanctionMachine, type PractitionerSanctionEvent } from "./practitioner-sanction.machine";

const ok: Record<PractitionerSanctionEvent["type"], PractitionerSanctionEvent> = {
  REVOKE: { type: "REVOKE", reason: "复核撤销" },
  OBJECT: { type: "OBJECT", hasObjection: false, isWithinWindow: true, reason: "报告失实系项目负责人所为" },
  UPHOLD: { type: "UPHOLD", isUnderReview: true, reason: "申诉理由不成立" },
  REVIEW_REVOKE: { type: "REVIEW_REVOKE", isUnderReview: true, reason: "申诉成立" },
};
const table: Record<string, Partial<Record<PractitionerSanctionEvent["type"], string>>> = {
  IN_FORCE: { REVOKE: "REVOKED", OBJECT: "IN_FORCE", UPHOLD: "IN_FORCE", REVIEW_REVOKE: "REVOKED" },
  REVOKED: {},
};

describe("practitioner sanction machine", () => {
  it("has exactly the states of the database enum and starts in force", () => {
    expect(statesOf(practitionerSanctionMachine).sort()).toEqual(Object.values(PractitionerSanctionStatus).sort());
    expect(initialStateOf(practitionerSanctionMachine)).toBe("IN_FORCE");
  });
  for (const [state, row] of Object.entries(table))
    for (const [type, event] of Object.entries(ok)) {
      const expected = row[type as PractitionerSanctionEvent["type"]] ?? null;
      it(`${state} × ${type} → ${expected ?? "refused"}`, () => {
        const r = decide(practitionerSanctionMachine, state, event);
        expect(r.ok ? r.to : null).toBe(expected);
      });
    }
  it("needs a reason to revoke", () => {
    expect(decide(practitionerSanctionMachine, "IN_FORCE", { type: "REVOKE", reason: "  " }).ok).toBe(false);
  });
  it("takes one objection, within the window, with a reason", () => {
    const object = (e: Partial<Extract<PractitionerSanctionEvent, { type: "OBJECT" }>>) =>
      decide(practitionerSanctionMachine, "IN_FORCE", { ...(ok.OBJECT as Extract<PractitionerSanctionEvent, { type: "OBJECT" }>), ...e })
        .ok;
    expect(object({ hasObjection: true })).toBe(false);
    expect(object({ isWithinWindow: false })).toBe(false);
    expect(object({ reason: " " })).toBe(false);
  });
  it("decides only an objection under review, with a reason", () => {
    for (const type of ["UPHOLD", "REVIEW_REVOKE"] as const) {
      expect(decide(practitionerSanctionMachine, "IN_FORCE", { type, isUnderReview: false, reason: "x" }).ok).toBe(false);
      expect(decide(practitionerSanctionMachine, "IN_FORCE", { type, isUnderReview: true, reason: " " }).ok).toBe(false);
    }
  });
});
