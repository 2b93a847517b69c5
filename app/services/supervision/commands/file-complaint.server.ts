import type { Db, Tx } from "~/db/client.server";
import { DomainError, FieldErrors } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { CASE_LIMITS } from "~/schemas/case";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { inspectUpload, removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { notify } from "~/services/notifications/notify.server";
import { CASE_EVIDENCE_KIND, forbidden, notifyRegulators, PUBLIC_AGENCY_STATES, text } from "./common.server";

/** TS20261126-0001: per Beijing calendar day, numbered in order (an advisory lock serializes numbering). */
export async function nextCaseCode(tx: Tx, now: Date): Promise<string> {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, "");
  const prefix = `TS${day}-`;
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`case-code:${day}`}))) AS l`;
  const last = await tx.supervisionCase.findFirst({
    where: { code: { startsWith: prefix } },
    orderBy: { code: "desc" },
    select: { code: true },
  });
  const n = last ? Number(last.code.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, "0")}`;
}

export type ComplaintFiling = { agencyId: string; subject: string; description: string; files: File[] };

/**
 * Anyone logged in files a complaint against an agency that has been public
 * (not its own). Evidence: 0–5 PDF/JPEG/PNG files, each checked like
 * credentials; the stored files are removed again if the transaction fails.
 * The agency learns that a complaint was filed, never by whom.
 */
export async function fileComplaint(db: Db, user: SessionUser, input: ComplaintFiling) {
  const fields: Record<string, string[]> = {};
  let subject = "";
  let description = "";
  try {
    subject = text(input.subject, "subject", CASE_LIMITS.subject);
  } catch (e) {
    fields.subject = [(e as Error).message];
  }
  try {
    description = text(input.description, "description", CASE_LIMITS.description);
  } catch (e) {
    fields.description = [(e as Error).message];
  }
  const files = input.files;
  if (files.length > CASE_LIMITS.files) fields.evidence = ["cases.errors.tooManyFiles"];
  else if (files.length && !user.organizationId) fields.evidence = ["cases.errors.evidenceNeedsOrganization"];
  else {
    // Every file is checked before anything is stored, so the form shows all problems at once.
    for (const f of files) {
      try {
        await inspectUpload(f);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        (fields.evidence ??= []).push(e.message);
      }
    }
  }
  if (Object.keys(fields).length) throw new FieldErrors(fields, fields.evidence?.includes("agencyProfile.errors.fileTooLarge") ? 413 : 400);

  const agency = await db.agency.findUnique({
    where: { id: input.agencyId },
    select: { id: true, status: true, organizationId: true, organization: { select: { name: true } } },
  });
  if (!agency || !(PUBLIC_AGENCY_STATES as readonly string[]).includes(agency.status))
    throw new DomainError("NOT_FOUND", 404, "cases.errors.agencyNotFound");
  if (user.organizationId && user.organizationId === agency.organizationId) throw forbidden("cases.errors.ownAgency");

  const stored: string[] = [];
  try {
    return await db.$transaction(
      async (tx) => {
        const now = await dbNow(tx);
        const docs = [];
        for (const file of files) {
          const doc = await storeUpload(tx, { file, ownerOrgId: user.organizationId!, kind: CASE_EVIDENCE_KIND, uploadedById: user.id });
          stored.push(doc.storageKey);
          docs.push(doc);
        }
        const code = await nextCaseCode(tx, now);
        const c = await tx.supervisionCase.create({
          data: {
            code,
            agencyId: agency.id,
            complainantUserId: user.id,
            subject,
            description,
            evidenceDocIds: docs.map((d) => d.id),
            createdAt: now,
          },
          select: { id: true, code: true },
        });
        await appendAudit(tx, {
          aggregateType: "case",
          aggregateId: c.id,
          fromState: null,
          event: "FILE",
          toState: "OPEN",
          actorId: user.id,
          payload: { code, agencyId: agency.id, evidence: docs.map((d) => ({ documentId: d.id, sha256: d.sha256, size: d.size })) },
        });
        await notify(tx, { orgId: agency.organizationId, kind: "CASE_FILED_AGENCY", data: { caseId: c.id, code } });
        await notifyRegulators(tx, "CASE_FILED", { caseId: c.id, code, agency: agency.organization.name });
        return c;
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    for (const key of stored) await removeStoredFile(key).catch(() => undefined);
    throw error;
  }
}
