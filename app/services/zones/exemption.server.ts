import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import { formatDate } from "~/lib/format";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { beijingToday, coveringResult } from "./data.server";

/**
 * 区域评估 at posting time (decision 036). When an enterprise posts a request for an
 * item that a valid result already covers for its project's zone, the platform says so
 * with the result, and, by the district's setting (ZONE_EXEMPTION_MODE):
 * - REFUSE (default): the request is refused at the zone field;
 * - ASK: the enterprise must give a reason, recorded on the request and its audit event.
 * Each time it says so, the telling is logged once per enterprise, item and zone
 * (ZoneExemption, with its audit event, in one transaction) for the dashboard's savings.
 */
export type ZoneExemptionMode = "REFUSE" | "ASK";

export function zoneExemptionMode(): ZoneExemptionMode {
  return process.env.ZONE_EXEMPTION_MODE?.trim().toLowerCase() === "ask" ? "ASK" : "REFUSE";
}

type Told = { zoneId: string; itemId: string; resultId: string; mode: ZoneExemptionMode };

/** Logs that this enterprise was told (the first time per item and zone), with its audit event. */
async function recordTold(db: Db, user: SessionUser, told: Told) {
  await db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const { count } = await tx.zoneExemption.createMany({
      data: [{ ...told, orgId: user.organizationId!, createdAt: now }],
      skipDuplicates: true,
    });
    if (count === 0) return;
    await appendAudit(tx, {
      aggregateType: "zone",
      aggregateId: told.zoneId,
      fromState: null,
      event: "EXEMPTION_SHOWN",
      toState: null,
      actorId: user.id,
      payload: { itemId: told.itemId, resultId: told.resultId, mode: told.mode },
    });
  });
}

/**
 * Checks the posting's project zone (empty: none): it must exist; an item covered
 * there today is refused (REFUSE) or needs a reason (ASK). The refusal carries the
 * result's zone, id, validity and whether it has a document to download.
 */
export async function checkZoneCoverage(db: Db, user: SessionUser, itemId: string, input: { zoneId?: string; zoneReason?: string }) {
  if (!input.zoneId) return;
  const zone = await db.zone.findUnique({ where: { id: input.zoneId }, select: { id: true, name: true } });
  if (!zone) throw new DomainError("ZONE", 422, "zones.errors.zoneUnknown", "zoneId");
  const result = await coveringResult(db, zone.id, itemId, beijingToday(await dbNow(db)));
  if (!result) return;
  const mode = zoneExemptionMode();
  if (mode === "ASK" && input.zoneReason) return;
  await recordTold(db, user, { zoneId: zone.id, itemId, resultId: result.id, mode });
  throw new DomainError(
    "ZONE_COVERED",
    422,
    mode === "REFUSE" ? "zones.errors.covered" : "zones.errors.coveredAsk",
    mode === "REFUSE" ? "zoneId" : "zoneReason",
    {
      zone: zone.name,
      zoneId: zone.id,
      resultId: result.id,
      issuer: result.issuer,
      until: formatDate(result.validUntil),
      document: result.documentId ? 1 : 0,
    },
  );
}
