/**
 * The inspection module's row locks. Lock order: the plan row, then its
 * inspection rows, then (through recomputeCreditScore) agency rows. Two
 * regulators drawing one plan at once queue on the plan row; the second finds
 * it DRAWN and is refused (409) — a plan is drawn exactly once.
 */
import type { Tx } from "~/db/client.server";
import type { InspectionOutcome, InspectionPlanStatus, InspectionStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";

export const planNotFound = () => new DomainError("NOT_FOUND", 404, "inspections.errors.planNotFound");
export const inspectionNotFound = () => new DomainError("NOT_FOUND", 404, "inspections.errors.notFound", "inspectionId");

export type LockedPlan = { id: string; code: string; status: InspectionPlanStatus; version: number };

export async function lockPlan(tx: Tx, planId: string): Promise<LockedPlan> {
  const rows = await tx.$queryRaw<LockedPlan[]>`
    SELECT id, code, status, version FROM "InspectionPlan" WHERE id = ${planId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw planNotFound();
  return row;
}

export type LockedInspection = {
  id: string;
  planId: string;
  agencyId: string;
  status: InspectionStatus;
  outcome: InspectionOutcome | null;
  inspectorIds: string[];
  evidenceDocId: string | null;
  caseId: string | null;
};

/** The inspection's plan row first, then the inspection row (the module's one lock order). */
export async function lockInspection(tx: Tx, inspectionId: string) {
  const peek = await tx.inspection.findUnique({ where: { id: inspectionId }, select: { planId: true } });
  if (!peek) throw inspectionNotFound();
  const plan = await lockPlan(tx, peek.planId);
  const rows = await tx.$queryRaw<LockedInspection[]>`
    SELECT id, "planId", "agencyId", status, outcome, "inspectorIds", "evidenceDocId", "caseId"
    FROM "Inspection" WHERE id = ${inspectionId} FOR UPDATE`;
  const inspection = rows[0];
  if (!inspection) throw inspectionNotFound();
  return { plan, inspection };
}
