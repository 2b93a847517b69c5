import type { Tx } from "~/db/client.server";
import { countingCredential } from "~/services/agencies/credential-review.server";
import { blacklistInForce } from "~/services/supervision/blacklist.server";

// Credential levels in descending order of standing; a higher level satisfies a lower requirement.
const LEVEL_RANK: Record<string, number> = {
  综合类: 0,
  综合: 0,
  甲级: 1,
  甲: 1,
  一类: 1,
  一级: 1,
  乙级: 2,
  乙: 2,
  二类: 2,
  二级: 2,
  丙级: 3,
  丙: 3,
  三类: 3,
  三级: 3,
};

export function levelSatisfies(held: string, required: string): boolean {
  if (!required) return true;
  if (held === required) return true;
  const h = LEVEL_RANK[held];
  const r = LEVEL_RANK[required];
  return h !== undefined && r !== undefined && h <= r;
}

/**
 * Why an agency may not bid on a request (empty = eligible). Principle 2:
 * LISTED, an unexpired credential covering the item and meeting every stated
 * requirement, and not on the request's avoidance list. Region is never read.
 * Only credentials a regulator verified count (decision 015): one added after
 * listing covers nothing until it is verified, and a rejected one never does.
 */
export async function ineligibilityReasons(
  tx: Tx,
  request: { id: string; itemId: string; qualificationReqs: unknown },
  agencyId: string,
  now: Date,
): Promise<string[]> {
  const agency = await tx.agency.findUnique({
    where: { id: agencyId },
    select: {
      status: true,
      credentials: { where: countingCredential(now), select: { type: true, level: true, items: { select: { itemId: true } } } },
    },
  });
  if (!agency) return ["requests.eligibility.notAgency"];
  const reasons: string[] = [];
  if (agency.status !== "LISTED") reasons.push(`requests.eligibility.notListed::${agency.status}`);
  // Principle 2: a blacklist entry in force blocks bidding whatever the listing says.
  if (await blacklistInForce(tx, agencyId, now)) reasons.push("requests.eligibility.blacklisted");
  if (!agency.credentials.some((c) => c.items.some((i) => i.itemId === request.itemId))) reasons.push("requests.eligibility.noCredential");
  const reqs = Array.isArray(request.qualificationReqs) ? (request.qualificationReqs as { type: string; level: string }[]) : [];
  for (const r of reqs) {
    if (!agency.credentials.some((c) => c.type === r.type && levelSatisfies(c.level, r.level))) {
      reasons.push(`requests.eligibility.missingQualification::${r.type}${r.level ? ` ${r.level}` : ""}`);
    }
  }
  const avoided = await tx.requestAvoidance.findUnique({
    where: { requestId_agencyId: { requestId: request.id, agencyId } },
    select: { reason: true },
  });
  if (avoided) reasons.push(`requests.eligibility.avoided::${avoided.reason}`);
  return reasons;
}
