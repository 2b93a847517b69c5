import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { can } from "~/lib/permissions";
import type { SessionUser } from "~/lib/session.server";
import type { NewZoneInput, ZoneResultInput } from "~/schemas/zone";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notifyExemptionChange } from "~/services/navigator/fanout.server";
import { inspectUpload, removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { districtRegionCode } from "~/services/supervision/indicators.server";
import { beijingToday, lockZone } from "./data.server";

/**
 * The register of regional assessments (区域评估, decision 036): the regulator or the
 * catalogue admin enters a zone, then each assessment result the district commissioned
 * for it. Each command writes its rows and its audit event in one transaction; a
 * result's document is stored with the same checks as a credential's scan and removed
 * again when the transaction fails. Results are records, not a lifecycle: a result
 * ends by its validity, so there is no status column and no machine.
 */

/** Document.kind of an assessment result's report: public, downloaded through its zone's page. */
export const ZONE_RESULT_KIND = "ZONE_RESULT";

function requireManager(user: SessionUser) {
  if (!can(user, "zone:manage")) throw new DomainError("FORBIDDEN", 403, "zones.errors.managerOnly");
}

export async function createZone(db: Db, user: SessionUser, input: NewZoneInput) {
  requireManager(user);
  const district = districtRegionCode();
  if (!input.code.startsWith(`${district}-`)) throw new DomainError("ZONE_CODE", 422, "zones.errors.codeDistrict", "code", { district });
  try {
    return await db.$transaction(async (tx) => {
      const now = await dbNow(tx);
      const zone = await tx.zone.create({
        data: { code: input.code, name: input.name, boundary: input.boundary, createdById: user.id, createdAt: now },
      });
      await appendAudit(tx, {
        aggregateType: "zone",
        aggregateId: zone.id,
        fromState: null,
        event: "CREATE",
        toState: null,
        actorId: user.id,
        payload: { code: zone.code, name: zone.name, boundary: zone.boundary },
      });
      return zone;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new DomainError("ZONE_CODE_TAKEN", 409, "zones.errors.codeTaken", "code");
    throw e;
  }
}

/** Records one assessment result for a zone, with its report (optional). */
export async function recordZoneResult(db: Db, user: SessionUser, zoneId: string, input: ZoneResultInput & { file: File | null }) {
  requireManager(user);
  if (input.file) await inspectUpload(input.file);
  const item = await db.catalogueItem.findUnique({ where: { code: input.itemCode }, select: { id: true, code: true, name: true } });
  if (!item) throw new DomainError("ITEM", 422, "zones.errors.item", "itemCode");
  let stored: string | null = null;
  try {
    return await db.$transaction(
      async (tx) => {
        const zone = await lockZone(tx, zoneId);
        const now = await dbNow(tx);
        if (input.issuedOn.getTime() > beijingToday(now).getTime())
          throw new DomainError("ISSUED_FUTURE", 422, "zones.errors.issuedFuture", "issuedOn");
        let document: { id: string; sha256: string; size: number } | null = null;
        if (input.file) {
          const doc = await storeUpload(tx, {
            file: input.file,
            ownerOrgId: user.organizationId!,
            kind: ZONE_RESULT_KIND,
            uploadedById: user.id,
          });
          stored = doc.storageKey;
          document = { id: doc.id, sha256: doc.sha256, size: doc.size };
        }
        const result = await tx.zoneAssessment.create({
          data: {
            zoneId: zone.id,
            itemId: item.id,
            issuer: input.issuer,
            issuedOn: input.issuedOn,
            validUntil: input.validUntil,
            conditions: input.conditions,
            documentId: document?.id ?? null,
            createdById: user.id,
            createdAt: now,
            // Recorded after its end: it never exempted anything, so its end tells nobody (decision 041).
            expiryHandledAt: input.validUntil.getTime() < beijingToday(now).getTime() ? now : null,
          },
        });
        await appendAudit(tx, {
          aggregateType: "zone",
          aggregateId: zone.id,
          fromState: null,
          event: "RECORD_RESULT",
          toState: null,
          actorId: user.id,
          payload: {
            resultId: result.id,
            itemCode: item.code,
            issuer: input.issuer,
            issuedOn: input.issuedOn.toISOString().slice(0, 10),
            validUntil: input.validUntil.toISOString().slice(0, 10),
            conditions: input.conditions,
            document: document ? { documentId: document.id, sha256: document.sha256, size: document.size } : null,
          },
        });
        // Followed projects in the zone that need the item are told (decision 039), when the result is still valid.
        if (input.validUntil.getTime() >= beijingToday(now).getTime())
          await notifyExemptionChange(tx, zone, item, input.validUntil.toISOString().slice(0, 10));
        return result;
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (stored) await removeStoredFile(stored).catch(() => undefined);
    throw error;
  }
}
