import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { GRADE_WEIGHTS, verifyInspectionDraw, type InspectionDrawRecord } from "./draw";
import type { StoredEntrant, StoredInspector } from "./plans.server";

/** Read models of the inspection pages (decision 030). Everything here is public except what the regulator's view adds. */

export const PLAN_PAGE_SIZE = 20;

const planSummary = {
  id: true,
  code: true,
  name: true,
  status: true,
  agencyCount: true,
  inspectorCount: true,
  createdAt: true,
  drawnAt: true,
  resultsPublishedAt: true,
  item: { select: { code: true, name: true, nameEn: true } },
} as const;

/** /inspections and /regulator/inspections: every plan, newest first (a plan is public from its creation). */
export async function listPlans(db: Db, pageInput = 1) {
  const page = Number.isInteger(pageInput) && pageInput > 0 && pageInput < 10_000 ? pageInput : 1;
  const [total, plans] = await Promise.all([
    db.inspectionPlan.count(),
    db.inspectionPlan.findMany({
      select: { ...planSummary, inspections: { where: { status: "PUBLISHED" }, select: { outcome: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PLAN_PAGE_SIZE,
      take: PLAN_PAGE_SIZE,
    }),
  ]);
  return {
    page,
    total,
    pageSize: PLAN_PAGE_SIZE,
    plans: plans.map(({ inspections, ...p }) => ({
      ...p,
      createdAt: p.createdAt.toISOString(),
      drawnAt: p.drawnAt?.toISOString() ?? null,
      resultsPublishedAt: p.resultsPublishedAt?.toISOString() ?? null,
      failed: inspections.filter((i) => i.outcome === "FAIL").length,
    })),
  };
}

/**
 * One plan as the public sees it: the weights, the commitment, the frozen
 * entrant list and inspector pool; after the draw the seed and who was drawn;
 * results only once published. The regulator's view (`forRegulator`) adds the
 * recorded, unpublished results, the evidence and the forms' facts.
 */
export async function planDetail(db: Db, id: string, viewer: SessionUser | null = null) {
  const plan = await db.inspectionPlan.findUnique({
    where: { id },
    select: {
      ...planSummary,
      commitment: true,
      seed: true,
      entrants: true,
      inspectorPool: true,
      weights: true,
      version: true,
      inspections: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          agencyId: true,
          position: true,
          grade: true,
          inspectorIds: true,
          status: true,
          outcome: true,
          findings: true,
          recordedAt: true,
          publishedAt: true,
          evidenceDocId: true,
          caseId: true,
          agency: { select: { organization: { select: { name: true } } } },
        },
      },
    },
  });
  if (!plan) return null;
  const regulator = viewer?.role === "REGULATOR";
  const pool = plan.inspectorPool as unknown as StoredInspector[];
  const nameOf = new Map(pool.map((p) => [p.userId, p.name]));
  const cases = regulator
    ? await db.supervisionCase.findMany({
        where: { id: { in: plan.inspections.map((i) => i.caseId).filter((c): c is string => !!c) } },
        select: { id: true, code: true },
      })
    : [];
  const caseCode = new Map(cases.map((c) => [c.id, c.code]));
  return {
    id: plan.id,
    code: plan.code,
    name: plan.name,
    status: plan.status,
    item: plan.item,
    agencyCount: plan.agencyCount,
    inspectorCount: plan.inspectorCount,
    createdAt: plan.createdAt.toISOString(),
    drawnAt: plan.drawnAt?.toISOString() ?? null,
    resultsPublishedAt: plan.resultsPublishedAt?.toISOString() ?? null,
    commitment: plan.commitment,
    // The seed stays secret until the draw (decision 009).
    seed: plan.status === "COMMITTED" ? null : plan.seed,
    weights: plan.weights as Record<string, number>,
    entrants: (plan.entrants as unknown as StoredEntrant[]).map((e) => ({
      agencyId: e.agencyId,
      name: e.name,
      grade: e.grade,
      weight: e.weight,
    })),
    inspectorPool: pool.map((p) => ({ userId: p.userId, name: p.name })),
    version: regulator ? plan.version : null,
    inspections: plan.inspections.map((i) => {
      const visible = i.status === "PUBLISHED" || regulator;
      return {
        id: i.id,
        agencyId: i.agencyId,
        agencyName: i.agency.organization.name,
        position: i.position,
        grade: i.grade,
        inspectors: i.inspectorIds.map((u) => ({ userId: u, name: nameOf.get(u) ?? "—" })),
        status: i.status,
        outcome: visible ? i.outcome : null,
        findings: visible ? i.findings : null,
        recordedAt: regulator ? (i.recordedAt?.toISOString() ?? null) : null,
        publishedAt: i.publishedAt?.toISOString() ?? null,
        hasEvidence: visible && !!i.evidenceDocId,
        evidenceDocId: regulator ? i.evidenceDocId : null,
        caseId: regulator ? i.caseId : null,
        caseCode: regulator && i.caseId ? (caseCode.get(i.caseId) ?? null) : null,
        mine: !!viewer && i.inspectorIds.includes(viewer.id),
      };
    }),
  };
}
export type PlanDetail = NonNullable<Awaited<ReturnType<typeof planDetail>>>;

/** The algorithm in words, published with every draw.json (decision 030). */
export const INSPECTION_DRAW_ALGORITHM = {
  commitment: "SHA-256 of the UTF-8 bytes of the seed text (64 lowercase hex characters), published when the plan was created",
  agencies:
    "weighted sampling without replacement: draw k (from 1) takes r = SHA-256(seed + ':agency:' + k) as an unsigned 256-bit integer modulo the total weight of the entrants not yet drawn; walking those in ascending agencyId order, the first whose cumulative weight exceeds r is drawn",
  inspectors: "the same with label 'inspector' over the inspector pool, each with weight 1",
  pairs: "the agency drawn i-th (from 0) gets the drawn inspectors at positions 2i mod m and 2i+1 mod m (m = inspectors drawn)",
  weights: GRADE_WEIGHTS,
};

/** GET /inspections/:id/draw.json: everything needed to recompute the draw, and our own check of it. */
export async function planDrawRecord(db: Db, id: string) {
  const plan = await db.inspectionPlan.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      commitment: true,
      seed: true,
      entrants: true,
      inspectorPool: true,
      weights: true,
      agencyCount: true,
      inspectorCount: true,
      drawnInspectors: true,
      inspections: { orderBy: { position: "asc" }, select: { agencyId: true, position: true, inspectorIds: true } },
    },
  });
  if (!plan) return null;
  const entrants = (plan.entrants as unknown as StoredEntrant[]).map((e) => ({ agencyId: e.agencyId, grade: e.grade, weight: e.weight }));
  const inspectorPool = (plan.inspectorPool as unknown as StoredInspector[]).map((p) => p.userId);
  const drawn = plan.status !== "COMMITTED";
  const base = {
    planId: plan.id,
    code: plan.code,
    name: plan.name,
    status: plan.status,
    algorithm: INSPECTION_DRAW_ALGORITHM,
    commitment: plan.commitment,
    weights: plan.weights as Record<string, number>,
    entrants,
    inspectorPool,
    agencyCount: plan.agencyCount,
    inspectorCount: plan.inspectorCount,
  };
  if (!drawn) return { ...base, seed: null, draw: null, verified: null };
  const draw = {
    agencies: plan.inspections.map((i) => ({ agencyId: i.agencyId, position: i.position, inspectorIds: i.inspectorIds })),
    inspectors: plan.drawnInspectors,
  };
  const record = { ...base, seed: plan.seed, draw };
  const check = verifyInspectionDraw(record satisfies InspectionDrawRecord);
  return { ...record, verified: check.ok, problems: check.problems };
}

/** Published results concerning one agency, for its public profile. */
export async function agencyInspectionResults(db: Db, agencyId: string) {
  const rows = await db.inspection.findMany({
    where: { agencyId, status: "PUBLISHED" },
    orderBy: { publishedAt: "desc" },
    take: 50,
    select: { id: true, outcome: true, findings: true, publishedAt: true, plan: { select: { id: true, code: true, name: true } } },
  });
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt?.toISOString() ?? null }));
}
