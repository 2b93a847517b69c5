import type { RawTx } from "~/db/raw-tx.server";
import { Prisma } from "~/generated/prisma/client";
import { countingCredentialSql } from "~/services/agencies/credential-review.server";
import { inForceSql } from "~/services/supervision/blacklist.server";

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

/** What eligibility is judged on, read in one statement (eligibilityFactsSql). */
export type EligibilityFacts = {
  agencyStatus: string;
  blacklisted: boolean;
  /** The agency's counting credentials (verified, unexpired) and whether each covers the request's item. */
  credentials: { type: string; level: string; coversItem: boolean }[];
  /** The reason on the request's avoidance list, or null. */
  avoided: string | null;
};

/**
 * The select list of the eligibility facts of the Agency row `a` for a
 * request at `now`: one statement instead of four (decision 025). The
 * credential and sanction conditions are countingCredentialSql and
 * inForceSql, the SQL twins of countingCredential and inForceWhere.
 */
export function eligibilityFactsSql(request: { id: string; itemId: string }, now: Date): Prisma.Sql {
  return Prisma.sql`
    a.status::text AS "agencyStatus",
    EXISTS (SELECT 1 FROM "Sanction" s WHERE s."agencyId" = a.id AND s.kind = 'BLACKLIST' AND ${inForceSql("s", now)}) AS blacklisted,
    COALESCE((
      SELECT json_agg(json_build_object('type', c.type, 'level', c.level, 'coversItem',
               EXISTS (SELECT 1 FROM "CredentialItem" ci WHERE ci."credentialId" = c.id AND ci."itemId" = ${request.itemId})) ORDER BY c.id)
      FROM "Credential" c WHERE c."agencyId" = a.id AND ${countingCredentialSql("c", now)}), '[]'::json) AS credentials,
    (SELECT v.reason FROM "RequestAvoidance" v WHERE v."requestId" = ${request.id} AND v."agencyId" = a.id) AS avoided`;
}

/**
 * Why an agency may not bid on a request (empty = eligible). Principle 2:
 * LISTED, an unexpired credential covering the item and meeting every stated
 * requirement, and not on the request's avoidance list. Region is never read.
 * Only credentials a regulator verified count (decision 015): one added after
 * listing covers nothing until it is verified, and a rejected one never does.
 * A blacklist entry in force blocks bidding whatever the listing says.
 */
export function reasonsFrom(facts: EligibilityFacts | null, request: { qualificationReqs: unknown }): string[] {
  if (!facts) return ["requests.eligibility.notAgency"];
  const reasons: string[] = [];
  if (facts.agencyStatus !== "LISTED") reasons.push(`requests.eligibility.notListed::${facts.agencyStatus}`);
  if (facts.blacklisted) reasons.push("requests.eligibility.blacklisted");
  if (!facts.credentials.some((c) => c.coversItem)) reasons.push("requests.eligibility.noCredential");
  const reqs = Array.isArray(request.qualificationReqs) ? (request.qualificationReqs as { type: string; level: string }[]) : [];
  for (const r of reqs) {
    if (!facts.credentials.some((c) => c.type === r.type && levelSatisfies(c.level, r.level))) {
      reasons.push(`requests.eligibility.missingQualification::${r.type}${r.level ? ` ${r.level}` : ""}`);
    }
  }
  if (facts.avoided !== null) reasons.push(`requests.eligibility.avoided::${facts.avoided}`);
  return reasons;
}

/** Why an agency may not bid on a request at `now` (empty = eligible): the facts, read in one statement, judged by reasonsFrom. */
export async function ineligibilityReasons(
  tx: RawTx,
  request: { id: string; itemId: string; qualificationReqs: unknown },
  agencyId: string,
  now: Date,
): Promise<string[]> {
  const rows = await tx.$queryRaw<EligibilityFacts[]>`
    SELECT ${eligibilityFactsSql(request, now)} FROM "Agency" a WHERE a.id = ${agencyId}`;
  return reasonsFrom(rows[0] ?? null, request);
}
