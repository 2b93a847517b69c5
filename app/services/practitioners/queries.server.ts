import type { Db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { validateResidentId } from "~/lib/resident-id";
import { identityOf } from "./identity.server";
import { barringSanctions, inForceWhere } from "./restrictions.server";

/**
 * Read models of practitioners and their sanctions. Every select is a whitelist: the identity's
 * HMAC never leaves this module, the masked number is the only form of the ID shown.
 */

export type PractitionerSanctionState = "active" | "expired" | "revoked";

function stateOf(s: { status: string; endsAt: Date | null }, now: Date): PractitionerSanctionState {
  if (s.status === "REVOKED") return "revoked";
  return s.endsAt && s.endsAt.getTime() <= now.getTime() ? "expired" : "active";
}

const SEARCH_LIMIT = 50;

/**
 * The regulator's search: by name, certificate number or masked ID fragment; a whole valid ID
 * number typed in finds the person by identity (then forgotten: it is not logged or returned).
 */
export async function searchPractitioners(db: Db, q: string | undefined, now: Date) {
  const term = q?.trim() ?? "";
  let where: Prisma.PractitionerWhereInput = {};
  if (term) {
    const id = validateResidentId(term);
    where = id.ok
      ? { idHash: identityOf(id.id).idHash }
      : {
          OR: [
            { name: { contains: term } },
            { certificateNo: { contains: term, mode: "insensitive" } },
            { idMasked: { contains: term.toUpperCase() } },
          ],
        };
  }
  const rows = await db.practitioner.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SEARCH_LIMIT + 1,
    select: {
      id: true,
      name: true,
      qualification: true,
      certificateNo: true,
      idMasked: true,
      idHash: true,
      agency: { select: { id: true, organization: { select: { name: true } } } },
    },
  });
  const barred = await barringSanctions(
    db,
    rows.flatMap((r) => (r.idHash ? [r.idHash] : [])),
    now,
  );
  return {
    more: rows.length > SEARCH_LIMIT,
    practitioners: rows.slice(0, SEARCH_LIMIT).map(({ idHash, agency, ...r }) => ({
      ...r,
      agency: { id: agency.id, name: agency.organization.name },
      barred: idHash ? (barred.get(idHash)?.kind ?? null) : null,
    })),
  };
}

const sanctionSelect = {
  id: true,
  name: true,
  idMasked: true,
  agencyId: true,
  agencyName: true,
  kind: true,
  status: true,
  reason: true,
  legalBasis: true,
  evidence: true,
  authority: true,
  startsAt: true,
  endsAt: true,
  revokedAt: true,
  revokedReason: true,
} satisfies Prisma.PractitionerSanctionSelect;

type SanctionRow = Prisma.PractitionerSanctionGetPayload<{ select: typeof sanctionSelect }>;

/** 申诉/复核 (decision 040) as published: when the agency objected, and the regulator's decision with its reason. */
export type PractitionerSanctionReview = {
  objectedAt: Date;
  outcome: "UPHELD" | "REVOKED" | null;
  decidedAt: Date | null;
  decisionReason: string | null;
};

function entry(s: SanctionRow, now: Date, reviews?: Map<string, PractitionerSanctionReview>) {
  const { status, ...rest } = s;
  return { ...rest, state: stateOf({ status, endsAt: s.endsAt }, now), review: reviews?.get(s.id) ?? null };
}

/** The objections of these sanctions, by sanction id (never who filed them, nor their text). */
async function reviewsOf(db: Db, ids: string[]): Promise<Map<string, PractitionerSanctionReview>> {
  if (ids.length === 0) return new Map();
  const rows = await db.practitionerSanctionObjection.findMany({
    where: { sanctionId: { in: ids } },
    select: { sanctionId: true, filedAt: true, outcome: true, decidedAt: true, decisionReason: true },
  });
  return new Map(
    rows.map((r) => [
      r.sanctionId,
      {
        objectedAt: r.filedAt,
        outcome: r.outcome === "UPHELD" || r.outcome === "REVOKED" ? r.outcome : null,
        decidedAt: r.decidedAt,
        decisionReason: r.decisionReason,
      },
    ]),
  );
}
export type PractitionerSanctionEntry = ReturnType<typeof entry>;

async function withReviews(db: Db, rows: SanctionRow[], now: Date) {
  const reviews = await reviewsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((s) => entry(s, now, reviews));
}

/** One practitioner for the regulator: the roster row and every sanction on the person, in any agency. */
export async function practitionerForRegulator(db: Db, practitionerId: string, now: Date) {
  const p = await db.practitioner.findUnique({
    where: { id: practitionerId },
    select: {
      id: true,
      name: true,
      qualification: true,
      certificateNo: true,
      idMasked: true,
      idHash: true,
      agency: { select: { id: true, organization: { select: { name: true } } } },
    },
  });
  if (!p) return null;
  const sanctions = p.idHash
    ? await db.practitionerSanction.findMany({ where: { idHash: p.idHash }, orderBy: { createdAt: "desc" }, select: sanctionSelect })
    : [];
  const { idHash, agency, ...rest } = p;
  return {
    ...rest,
    hasIdentity: idHash !== null,
    agency: { id: agency.id, name: agency.organization.name },
    sanctions: await withReviews(db, sanctions, now),
  };
}

const DISCLOSURE_LIMIT = 100;

/**
 * The public disclosure of practitioner sanctions (/credit): name, masked ID, agency at the time,
 * the decision as published. Newest first; `q` matches the name or the agency's name.
 */
export async function practitionerSanctionDisclosure(db: Db, now: Date, q?: string) {
  const term = q?.trim();
  const where: Prisma.PractitionerSanctionWhereInput = term
    ? { OR: [{ name: { contains: term } }, { agencyName: { contains: term } }] }
    : {};
  const [rows, active] = await Promise.all([
    db.practitionerSanction.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DISCLOSURE_LIMIT,
      select: sanctionSelect,
    }),
    db.practitionerSanction.count({ where: { ...where, ...inForceWhere(now) } }),
  ]);
  return { entries: await withReviews(db, rows, now), active };
}

/** Agency states whose profile page is public (the rule of disclosure.server.ts and directory.server.ts). */
const PUBLIC_PROFILE = ["LISTED", "SUSPENDED", "REMOVED", "EXITED"] as const;

/** The kinds of a practitioner sanction and the states the open data filters by (decision 040). */
export const PRACTITIONER_SANCTION_KINDS = ["WARNING", "SUSPENSION", "BLACKLIST"] as const;
export const PRACTITIONER_SANCTION_STATES = ["active", "expired", "revoked"] as const satisfies readonly PractitionerSanctionState[];

function practitionerStateWhere(state: PractitionerSanctionState, now: Date): Prisma.PractitionerSanctionWhereInput {
  if (state === "revoked") return { status: "REVOKED" };
  if (state === "expired") return { status: "IN_FORCE", endsAt: { lte: now } };
  return { status: "IN_FORCE", OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
}

/**
 * Practitioner sanctions as open data (/credit.json and the API, decision 040): filtered by a name
 * or agency-name fragment, a kind and a state (against the database clock), newest first, paged.
 * Only the whitelisted fields (`sanctionSelect`): the masked number, never the HMAC.
 */
export async function searchPractitionerSanctions(
  db: Db,
  query: { q?: string; kind?: string; state?: string; page: number; pageSize: number },
  now: Date,
) {
  const term = query.q?.trim();
  const kind = (PRACTITIONER_SANCTION_KINDS as readonly string[]).includes(query.kind ?? "")
    ? (query.kind as (typeof PRACTITIONER_SANCTION_KINDS)[number])
    : undefined;
  const state = (PRACTITIONER_SANCTION_STATES as readonly string[]).includes(query.state ?? "")
    ? (query.state as PractitionerSanctionState)
    : undefined;
  // A kind or state that no practitioner sanction can have (an agency-only kind, "pending") matches nothing.
  const impossible = (query.kind && !kind) || (query.state && !state);
  const where: Prisma.PractitionerSanctionWhereInput = impossible
    ? { id: { in: [] } }
    : {
        AND: [
          term ? { OR: [{ name: { contains: term } }, { agencyName: { contains: term } }] } : {},
          kind ? { kind } : {},
          state ? practitionerStateWhere(state, now) : {},
        ],
      };
  const [rows, total] = await Promise.all([
    db.practitionerSanction.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { ...sanctionSelect, createdAt: true },
    }),
    db.practitionerSanction.count({ where }),
  ]);
  // The agency's page is linked only where it is public (as the agency disclosure does).
  const agencyIds = [...new Set(rows.flatMap((r) => (r.agencyId ? [r.agencyId] : [])))];
  const publicAgencies = new Set(
    (await db.agency.findMany({ where: { id: { in: agencyIds }, status: { in: [...PUBLIC_PROFILE] } }, select: { id: true } })).map(
      (a) => a.id,
    ),
  );
  const reviews = await reviewsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    entries: rows.map(({ createdAt, ...s }) => ({
      ...entry(s, now, reviews),
      publishedAt: createdAt,
      agencyPublic: !!s.agencyId && publicAgencies.has(s.agencyId),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}
export type PractitionerSanctionOpenEntry = Awaited<ReturnType<typeof searchPractitionerSanctions>>["entries"][number];

/**
 * One practitioner sanction as open data: the person's name and masked ID number (310***********0183),
 * the agency at the time, the decision as published. Never the ID number or its HMAC (decision 035).
 */
export function practitionerSanctionRecord(e: PractitionerSanctionOpenEntry, origin: string) {
  return {
    id: e.id,
    kind: e.kind,
    state: e.state,
    practitioner: { name: e.name, idMasked: e.idMasked },
    agency: e.agencyName
      ? { id: e.agencyId, name: e.agencyName, profileUrl: e.agencyPublic ? `${origin}/agencies/${e.agencyId}` : null }
      : null,
    reason: e.reason,
    legalBasis: e.legalBasis,
    evidence: e.evidence,
    authority: e.authority,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt?.toISOString() ?? null,
    revokedAt: e.revokedAt?.toISOString() ?? null,
    revokedReason: e.revokedReason,
    review: e.review
      ? {
          objectedAt: e.review.objectedAt.toISOString(),
          outcome: e.review.outcome,
          decidedAt: e.review.decidedAt?.toISOString() ?? null,
          decisionReason: e.review.decisionReason,
        }
      : null,
    publishedAt: e.publishedAt.toISOString(),
  };
}

/**
 * Sanctions to show on an agency's public page: those imposed while the person was on this agency's
 * roster, and those that follow a person now on it from elsewhere (matched by identity, which is
 * not disclosed).
 */
export async function agencyPractitionerSanctions(db: Db, agencyId: string, now: Date) {
  const roster = await db.practitioner.findMany({ where: { agencyId, idHash: { not: null } }, select: { idHash: true } });
  const hashes = roster.map((r) => r.idHash!);
  const rows = await db.practitionerSanction.findMany({
    where: { OR: [{ agencyId }, ...(hashes.length ? [{ idHash: { in: hashes } }] : [])] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DISCLOSURE_LIMIT,
    select: sanctionSelect,
  });
  return withReviews(db, rows, now);
}

/** The winning agency's roster as the delivery form offers it: who may sign, who is barred. */
export async function deliveryRoster(db: Db, agencyId: string, now: Date) {
  const rows = await db.practitioner.findMany({
    where: { agencyId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, qualification: true, idHash: true },
  });
  const barred = await barringSanctions(
    db,
    rows.flatMap((r) => (r.idHash ? [r.idHash] : [])),
    now,
  );
  return rows.map(({ idHash, ...r }) => ({ ...r, barred: idHash ? (barred.get(idHash)?.kind ?? null) : null }));
}

/**
 * The sanctions an agency may object to (申诉, decision 040) — those on its roster's people, now or
 * when sanctioned (agencyPractitionerSanctions) — each with whether the objection form applies:
 * not revoked, not yet objected, within `windowDays` of the decision. Null for an unknown agency.
 */
export async function sanctionsForAgencyObjection(db: Db, organizationId: string, now: Date, windowDays: number) {
  const agency = await db.agency.findUnique({ where: { organizationId }, select: { id: true } });
  if (!agency) return null;
  const entries = await agencyPractitionerSanctions(db, agency.id, now);
  const decided = new Map(
    (
      await db.practitionerSanction.findMany({
        where: { id: { in: entries.map((e) => e.id) } },
        select: { id: true, createdAt: true },
      })
    ).map((r) => [r.id, r.createdAt]),
  );
  return entries.map((e) => ({
    ...e,
    canObject: e.state !== "revoked" && !e.review && now.getTime() <= (decided.get(e.id)?.getTime() ?? 0) + windowDays * 86_400_000,
  }));
}
