import { assertEvent, setup } from "xstate";

/**
 * Random inspections (双随机、一公开, decision 030). Two lifecycles, state names
 * equal to the Prisma enums InspectionPlanStatus and InspectionStatus.
 *
 * Plan: created COMMITTED (the seed's commitment, the frozen entrant list and
 * the inspector pool are published at once); DRAW reveals the seed and draws
 * once; PUBLISH_RESULTS publishes every result together (检查结果公示), only
 * when each drawn inspection has a recorded result.
 */
export type InspectionPlanEvent = { type: "DRAW" } | { type: "PUBLISH_RESULTS"; unrecorded: number };

export const inspectionPlanMachine = setup({
  // Stryker disable next-line ObjectLiteral: `types` is compile-time only
  types: { events: {} as InspectionPlanEvent },
  guards: {
    allRecorded: ({ event }) => {
      assertEvent(event, "PUBLISH_RESULTS");
      return event.unrecorded === 0;
    },
  },
}).createMachine({
  id: "inspectionPlan",
  initial: "COMMITTED",
  states: {
    COMMITTED: { on: { DRAW: { target: "DRAWN" } } },
    DRAWN: { on: { PUBLISH_RESULTS: { target: "RESULTS_PUBLISHED", guard: "allRecorded" } } },
    RESULTS_PUBLISHED: { type: "final" },
  },
});

/**
 * One drawn inspection: its result is recorded (and may be corrected) until
 * the plan's results are published; a published failing result (不合格) may
 * open one supervision case.
 */
export type InspectionEvent =
  | { type: "RECORD" }
  | { type: "PUBLISH" }
  | { type: "OPEN_CASE"; outcome: "PASS" | "MINOR_ISSUES" | "FAIL" | null; hasCase: boolean };

export const inspectionMachine = setup({
  // Stryker disable next-line ObjectLiteral: `types` is compile-time only
  types: { events: {} as InspectionEvent },
  guards: {
    failedWithoutCase: ({ event }) => {
      assertEvent(event, "OPEN_CASE");
      return event.outcome === "FAIL" && !event.hasCase;
    },
  },
}).createMachine({
  id: "inspection",
  initial: "PENDING",
  states: {
    PENDING: { on: { RECORD: { target: "RECORDED" } } },
    RECORDED: { on: { RECORD: { target: "RECORDED" }, PUBLISH: { target: "PUBLISHED" } } },
    PUBLISHED: { on: { OPEN_CASE: { target: "PUBLISHED", guard: "failedWithoutCase" } } },
  },
});
