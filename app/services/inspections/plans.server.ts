import { decide, initialStateOf } from "~/machines/apply";
import { inspectionMachine, inspectionPlanMachine } from "~/machines/inspection.machine";
import type { Db, Tx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { creditGrade } from "~/lib/credit-grade";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import type { NewPlanInput, RecordResultInput } from "~/schemas/inspection";
import { countingCredential } from "~/services/agencies/credential-review.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { recomputeCreditScore } from "~/services/credit/recompute.server";
import { inspectUpload, removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { notify } from "~/services/notifications/notify.server";
import { nextCaseCode } from "~/services/supervision/commands/file-complaint.server";
import { drawCommitment, GRADE_WEIGHTS, inspectionDraw, INSPECTORS_PER_INSPECTION, newSeed, type PlanEntrant } from "./draw";
import { inspectionNotFound, lockInspection, lockPlan, planNotFound } from "./data.server";

/**
 * Random inspections (双随机、一公开, decision 030): create a plan (commit),
 * draw it (reveal), record each result with evidence, publish the results.
 * Each command: lock → facts → decide() → write the verdict's target → audit →
 * notify, in one transaction.
 */

/** Document.kind of inspection evidence: owned by the inspected agency's organization, read by it and regulators. */
export const INSPECTION_EVIDENCE_KIND = "INSPECTION_EVIDENCE";

export type StoredEntrant = PlanEntrant & { name: string };
export type StoredInspector = { userId: string; name: string };

const forbidden = (key = "inspections.errors.regulatorOnly") => new DomainError("FORBIDDEN", 403, key);
const conflict = (key = "inspections.errors.conflict") => new DomainError("CONFLICT", 409, key);

function requireRegulator(user: SessionUser) {
  if (user.role !== "REGULATOR") throw forbidden();
}

/** JC20261204-0001: per Beijing calendar day, numbered in order (an advisory lock serializes numbering). */
async function nextPlanCode(tx: Tx, now: Date): Promise<string> {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, "");
  const prefix = `JC${day}-`;
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`inspection-code:${day}`}))) AS l`;
  const last = await tx.inspectionPlan.findFirst({
    where: { code: { startsWith: prefix } },
    orderBy: { code: "desc" },
    select: { code: true },
  });
  const n = last ? Number(last.code.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, "0")}`;
}

/** Who may be drawn: listed agencies (in scope: holding a counting credential for the item), with their grade now. */
async function planEntrants(tx: Tx, itemId: string | null, now: Date): Promise<StoredEntrant[]> {
  const agencies = await tx.agency.findMany({
    where: {
      status: "LISTED",
      ...(itemId ? { credentials: { some: { ...countingCredential(now), items: { some: { itemId } } } } } : {}),
    },
    select: { id: true, creditScore: true, organization: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return agencies.map((a) => {
    const grade = creditGrade(a.creditScore);
    return { agencyId: a.id, name: a.organization.name, grade, weight: GRADE_WEIGHTS[grade] };
  });
}

async function inspectorPool(tx: Tx): Promise<StoredInspector[]> {
  const users = await tx.user.findMany({ where: { role: "REGULATOR" }, select: { id: true, name: true }, orderBy: { id: "asc" } });
  return users.map((u) => ({ userId: u.id, name: u.name }));
}

/**
 * 创建抽查计划: freezes the entrant list (with grades and weights) and the
 * inspector pool, draws a secret seed and publishes its SHA-256 — all at once,
 * so nothing the draw depends on can change after anyone could know it.
 */
export async function createPlan(db: Db, user: SessionUser, input: NewPlanInput) {
  requireRegulator(user);
  return db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    let itemId: string | null = null;
    if (input.itemCode) {
      const item = await tx.catalogueItem.findUnique({ where: { code: input.itemCode }, select: { id: true, status: true } });
      if (!item || item.status !== "IN_FORCE") throw new DomainError("ITEM", 400, "inspections.errors.itemNotFound", "itemCode");
      itemId = item.id;
    }
    const entrants = await planEntrants(tx, itemId, now);
    if (entrants.length === 0) throw new DomainError("NO_ENTRANTS", 422, "inspections.errors.noEntrants", "itemCode");
    if (input.agencyCount > entrants.length)
      throw new DomainError("TOO_MANY", 400, "inspections.errors.tooManyAgencies", "agencyCount", { max: entrants.length });
    const pool = await inspectorPool(tx);
    if (input.inspectorCount > pool.length)
      throw new DomainError("TOO_MANY", 400, "inspections.errors.tooManyInspectors", "inspectorCount", { max: pool.length });
    const seed = newSeed();
    const commitment = drawCommitment(seed);
    const code = await nextPlanCode(tx, now);
    const plan = await tx.inspectionPlan.create({
      data: {
        code,
        name: input.name,
        itemId,
        agencyCount: input.agencyCount,
        inspectorCount: input.inspectorCount,
        status: initialStateOf(inspectionPlanMachine),
        commitment,
        seed,
        entrants: entrants as unknown as Prisma.InputJsonValue,
        inspectorPool: pool as unknown as Prisma.InputJsonValue,
        weights: { ...GRADE_WEIGHTS },
        createdById: user.id,
        createdAt: now,
      },
      select: { id: true, code: true },
    });
    await appendAudit(tx, {
      aggregateType: "inspectionPlan",
      aggregateId: plan.id,
      fromState: null,
      event: "COMMIT",
      toState: initialStateOf(inspectionPlanMachine),
      actorId: user.id,
      payload: {
        code,
        commitment,
        itemCode: input.itemCode || null,
        agencyCount: input.agencyCount,
        inspectorCount: input.inspectorCount,
        weights: { ...GRADE_WEIGHTS },
        entrants: entrants.map((e) => ({ agencyId: e.agencyId, grade: e.grade, weight: e.weight })),
        inspectorPool: pool.map((p) => p.userId),
      },
    });
    return plan;
  });
}

/**
 * 抽取: reveals the seed and draws the agencies and their inspectors from the
 * frozen lists. Exactly once: the plan row is locked and the machine refuses a
 * second DRAW (409), so two regulators pressing the button get one draw.
 */
export async function drawPlan(db: Db, user: SessionUser, planId: string, expectedVersion: number) {
  requireRegulator(user);
  return db.$transaction(async (tx) => {
    const locked = await lockPlan(tx, planId);
    const verdict = decide(inspectionPlanMachine, locked.status, { type: "DRAW" });
    if (!verdict.ok) throw conflict("inspections.errors.alreadyDrawn");
    if (locked.version !== expectedVersion) throw conflict();
    const plan = await tx.inspectionPlan.findUniqueOrThrow({ where: { id: planId } });
    const entrants = plan.entrants as unknown as StoredEntrant[];
    const pool = plan.inspectorPool as unknown as StoredInspector[];
    const now = await dbNow(tx);
    const draw = inspectionDraw({
      seed: plan.seed,
      entrants,
      inspectorPool: pool.map((p) => p.userId),
      agencyCount: plan.agencyCount,
      inspectorCount: plan.inspectorCount,
    });
    const gradeOf = new Map(entrants.map((e) => [e.agencyId, e.grade]));
    const agencies = await tx.agency.findMany({
      where: { id: { in: draw.agencies.map((a) => a.agencyId) } },
      select: { id: true, organizationId: true },
    });
    const orgOf = new Map(agencies.map((a) => [a.id, a.organizationId]));
    await tx.inspectionPlan.update({
      where: { id: planId },
      data: { status: verdict.to, drawnAt: now, drawnById: user.id, drawnInspectors: draw.inspectors, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "inspectionPlan",
      aggregateId: planId,
      fromState: locked.status,
      event: "DRAW",
      toState: verdict.to,
      actorId: user.id,
      payload: { seed: plan.seed, commitment: plan.commitment, agencies: draw.agencies, inspectors: draw.inspectors },
    });
    const initial = initialStateOf(inspectionMachine);
    for (const a of draw.agencies) {
      const inspection = await tx.inspection.create({
        data: {
          planId,
          agencyId: a.agencyId,
          position: a.position,
          grade: gradeOf.get(a.agencyId) ?? "D",
          inspectorIds: a.inspectorIds,
          status: initial,
        },
        select: { id: true },
      });
      await appendAudit(tx, {
        aggregateType: "inspection",
        aggregateId: inspection.id,
        fromState: null,
        event: "DRAWN",
        toState: initial,
        actorId: user.id,
        payload: { planId, code: plan.code, agencyId: a.agencyId, position: a.position, inspectorIds: a.inspectorIds },
      });
      const orgId = orgOf.get(a.agencyId);
      if (orgId) await notify(tx, { orgId, kind: "INSPECTION_DRAWN", data: { planId, code: plan.code, name: plan.name } });
    }
    for (const userId of draw.inspectors)
      await notify(tx, { userId, kind: "INSPECTION_ASSIGNED", data: { planId, code: plan.code, name: plan.name } });
    return { to: verdict.to, drawn: draw.agencies.length };
  });
}

export type RecordResult = RecordResultInput & { planId: string; file: File | null };

/**
 * 录入检查结果: one of the two drawn inspectors records the outcome, the
 * findings and the evidence (PDF/JPEG/PNG, checked like credentials; required
 * for 不合格). It may be corrected until the plan's results are published.
 */
export async function recordResult(db: Db, user: SessionUser, input: RecordResult) {
  requireRegulator(user);
  if (input.file) {
    // The upload checks answer for a field named "document"; this form's file field is "evidence".
    try {
      await inspectUpload(input.file);
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError(e.code, e.status, e.message, "evidence", e.params);
      throw e;
    }
  }
  let stored: string | null = null;
  try {
    return await db.$transaction(
      async (tx) => {
        const { plan, inspection } = await lockInspection(tx, input.inspectionId);
        if (inspection.planId !== input.planId) throw inspectionNotFound();
        if (!inspection.inspectorIds.includes(user.id)) throw forbidden("inspections.errors.notInspector");
        const verdict = decide(inspectionMachine, inspection.status, { type: "RECORD" });
        if (!verdict.ok) throw conflict("inspections.errors.alreadyPublished");
        if (input.outcome === "FAIL" && !input.file && !inspection.evidenceDocId)
          throw new DomainError("EVIDENCE", 400, "inspections.errors.evidenceRequired", "evidence");
        const now = await dbNow(tx);
        let evidence: { id: string; sha256: string; size: number } | null = null;
        if (input.file) {
          const agency = await tx.agency.findUniqueOrThrow({ where: { id: inspection.agencyId }, select: { organizationId: true } });
          const doc = await storeUpload(tx, {
            file: input.file,
            ownerOrgId: agency.organizationId,
            kind: INSPECTION_EVIDENCE_KIND,
            uploadedById: user.id,
          });
          stored = doc.storageKey;
          evidence = { id: doc.id, sha256: doc.sha256, size: doc.size };
        }
        await tx.inspection.update({
          where: { id: inspection.id },
          data: {
            status: verdict.to,
            outcome: input.outcome,
            findings: input.findings,
            recordedAt: now,
            recordedById: user.id,
            ...(evidence ? { evidenceDocId: evidence.id } : {}),
          },
        });
        await appendAudit(tx, {
          aggregateType: "inspection",
          aggregateId: inspection.id,
          fromState: inspection.status,
          event: "RECORD",
          toState: verdict.to,
          actorId: user.id,
          payload: {
            planId: plan.id,
            outcome: input.outcome,
            findings: input.findings,
            evidence: evidence ? { documentId: evidence.id, sha256: evidence.sha256, size: evidence.size } : null,
          },
        });
        return { to: verdict.to };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (stored) await removeStoredFile(stored).catch(() => undefined);
    throw error;
  }
}

/**
 * 检查结果公示: publishes every result of a drawn plan at once — only when
 * each has been recorded. In the same transaction the credit score of every
 * agency found failing is recomputed (docs/credit-score.md, 1.1) and the
 * agencies are told.
 */
export async function publishResults(db: Db, user: SessionUser, planId: string, expectedVersion: number) {
  requireRegulator(user);
  return db.$transaction(
    async (tx) => {
      const locked = await lockPlan(tx, planId);
      const rows = await tx.$queryRaw<
        { id: string; agencyId: string; status: "PENDING" | "RECORDED" | "PUBLISHED"; outcome: string | null }[]
      >`
        SELECT id, "agencyId", status, outcome FROM "Inspection" WHERE "planId" = ${planId} ORDER BY position FOR UPDATE`;
      const unrecorded = rows.filter((r) => r.status === "PENDING").length;
      const verdict = decide(inspectionPlanMachine, locked.status, { type: "PUBLISH_RESULTS", unrecorded });
      if (!verdict.ok) {
        if (locked.status === "DRAWN") throw conflict("inspections.errors.unrecorded");
        throw conflict(locked.status === "COMMITTED" ? "inspections.errors.notDrawn" : "inspections.errors.alreadyPublished");
      }
      if (locked.version !== expectedVersion) throw conflict();
      const now = await dbNow(tx);
      const plan = await tx.inspectionPlan.update({
        where: { id: planId },
        data: { status: verdict.to, resultsPublishedAt: now, version: { increment: 1 } },
        select: { code: true, name: true },
      });
      await appendAudit(tx, {
        aggregateType: "inspectionPlan",
        aggregateId: planId,
        fromState: locked.status,
        event: "PUBLISH_RESULTS",
        toState: verdict.to,
        actorId: user.id,
        payload: { results: rows.map((r) => ({ inspectionId: r.id, agencyId: r.agencyId, outcome: r.outcome })) },
      });
      for (const r of rows) {
        const v = decide(inspectionMachine, r.status, { type: "PUBLISH" });
        if (!v.ok) throw conflict();
        await tx.inspection.update({ where: { id: r.id }, data: { status: v.to, publishedAt: now } });
        await appendAudit(tx, {
          aggregateType: "inspection",
          aggregateId: r.id,
          fromState: r.status,
          event: "PUBLISH",
          toState: v.to,
          actorId: user.id,
          payload: { planId, outcome: r.outcome },
        });
        if (r.outcome === "FAIL") await recomputeCreditScore(tx, r.agencyId, now);
        const agency = await tx.agency.findUniqueOrThrow({ where: { id: r.agencyId }, select: { organizationId: true } });
        await notify(tx, {
          orgId: agency.organizationId,
          kind: "INSPECTION_PUBLISHED",
          data: { planId, code: plan.code, name: plan.name },
        });
      }
      return { to: verdict.to, published: rows.length };
    },
    { timeout: 30_000 },
  );
}

/**
 * 立案: a published failing result opens a supervision case against the
 * agency, prefilled with the plan and the findings (the case then follows the
 * cases module's due process). Once per inspection; the case and both audit
 * events commit together.
 */
export async function openCaseFromInspection(db: Db, user: SessionUser, planId: string, inspectionId: string) {
  requireRegulator(user);
  return db.$transaction(async (tx) => {
    const { plan, inspection } = await lockInspection(tx, inspectionId);
    if (inspection.planId !== planId) throw inspectionNotFound();
    const verdict = decide(inspectionMachine, inspection.status, {
      type: "OPEN_CASE",
      outcome: inspection.outcome,
      hasCase: !!inspection.caseId,
    });
    if (!verdict.ok) throw conflict(inspection.caseId ? "inspections.errors.caseExists" : "inspections.errors.caseNotAllowed");
    const full = await tx.inspection.findUniqueOrThrow({
      where: { id: inspectionId },
      select: { findings: true, evidenceDocId: true, agency: { select: { organizationId: true } }, plan: { select: { name: true } } },
    });
    const now = await dbNow(tx);
    const code = await nextCaseCode(tx, now);
    const subject = Array.from(`双随机抽查不合格：${plan.code}`).slice(0, 100).join("");
    const description = Array.from(`抽查计划 ${plan.code}（${full.plan.name}）检查结果为“不合格”。\n检查发现：${full.findings ?? ""}`)
      .slice(0, 5000)
      .join("");
    const c = await tx.supervisionCase.create({
      data: {
        code,
        agencyId: inspection.agencyId,
        complainantUserId: user.id,
        subject,
        description,
        evidenceDocIds: full.evidenceDocId ? [full.evidenceDocId] : [],
        createdAt: now,
      },
      select: { id: true, code: true },
    });
    await tx.inspection.update({ where: { id: inspectionId }, data: { caseId: c.id } });
    await appendAudit(tx, {
      aggregateType: "case",
      aggregateId: c.id,
      fromState: null,
      event: "FILE",
      toState: "OPEN",
      actorId: user.id,
      payload: {
        code,
        agencyId: inspection.agencyId,
        inspectionId,
        evidence: full.evidenceDocId ? [{ documentId: full.evidenceDocId }] : [],
      },
    });
    await appendAudit(tx, {
      aggregateType: "inspection",
      aggregateId: inspectionId,
      fromState: inspection.status,
      event: "OPEN_CASE",
      toState: verdict.to,
      actorId: user.id,
      payload: { caseId: c.id, caseCode: code },
    });
    await notify(tx, { orgId: full.agency.organizationId, kind: "CASE_FILED_AGENCY", data: { caseId: c.id, code } });
    return c;
  });
}

export { planNotFound, INSPECTORS_PER_INSPECTION };
