import { describe, expect, it } from "vitest";
import { InspectionPlanStatus, InspectionStatus } from "~/generated/prisma/enums";
import { decide, initialStateOf, statesOf } from "./apply";
import { inspectionMachine, inspectionPlanMachine, type InspectionEvent, type InspectionPlanEvent } from "./inspection.machine";

describe("inspection plan machine", () => {
  it("has exactly the states of the database enum and starts COMMITTED", () => {
    expect(statesOf(inspectionPlanMachine).sort()).toEqual(Object.values(InspectionPlanStatus).sort());
    expect(initialStateOf(inspectionPlanMachine)).toBe("COMMITTED");
  });
  const events: Record<string, InspectionPlanEvent> = {
    DRAW: { type: "DRAW" },
    PUBLISH_RESULTS: { type: "PUBLISH_RESULTS", unrecorded: 0 },
  };
  it.each([
    ["COMMITTED", "DRAW", "DRAWN"],
    ["COMMITTED", "PUBLISH_RESULTS", null],
    ["DRAWN", "DRAW", null],
    ["DRAWN", "PUBLISH_RESULTS", "RESULTS_PUBLISHED"],
    ["RESULTS_PUBLISHED", "DRAW", null],
    ["RESULTS_PUBLISHED", "PUBLISH_RESULTS", null],
  ] as const)("%s × %s → %s", (state, type, expected) => {
    const r = decide(inspectionPlanMachine, state, events[type]!);
    expect(r.ok ? r.to : null).toBe(expected);
  });
  it("publishes results only when every drawn inspection has a recorded result", () => {
    expect(decide(inspectionPlanMachine, "DRAWN", { type: "PUBLISH_RESULTS", unrecorded: 1 }).ok).toBe(false);
  });
});

describe("inspection machine", () => {
  it("has exactly the states of the database enum and starts PENDING", () => {
    expect(statesOf(inspectionMachine).sort()).toEqual(Object.values(InspectionStatus).sort());
    expect(initialStateOf(inspectionMachine)).toBe("PENDING");
  });
  const events: Record<string, InspectionEvent> = {
    RECORD: { type: "RECORD" },
    PUBLISH: { type: "PUBLISH" },
    OPEN_CASE: { type: "OPEN_CASE", outcome: "FAIL", hasCase: false },
  };
  it.each([
    ["PENDING", "RECORD", "RECORDED"],
    ["PENDING", "PUBLISH", null],
    ["PENDING", "OPEN_CASE", null],
    ["RECORDED", "RECORD", "RECORDED"],
    ["RECORDED", "PUBLISH", "PUBLISHED"],
    ["RECORDED", "OPEN_CASE", null],
    ["PUBLISHED", "RECORD", null],
    ["PUBLISHED", "PUBLISH", null],
    ["PUBLISHED", "OPEN_CASE", "PUBLISHED"],
  ] as const)("%s × %s → %s", (state, type, expected) => {
    const r = decide(inspectionMachine, state, events[type]!);
    expect(r.ok ? r.to : null).toBe(expected);
  });
  it("opens a case only from a failing result, and only once", () => {
    expect(decide(inspectionMachine, "PUBLISHED", { type: "OPEN_CASE", outcome: "MINOR_ISSUES", hasCase: false }).ok).toBe(false);
    expect(decide(inspectionMachine, "PUBLISHED", { type: "OPEN_CASE", outcome: "PASS", hasCase: false }).ok).toBe(false);
    expect(decide(inspectionMachine, "PUBLISHED", { type: "OPEN_CASE", outcome: "FAIL", hasCase: true }).ok).toBe(false);
  });
});
