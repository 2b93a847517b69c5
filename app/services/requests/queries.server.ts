import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import { UNPUBLISHED_STATES } from "./enums";
import type { SessionUser } from "~/lib/session.server";
import { credentialTypesInUse } from "~/services/agencies/credential-types.server";

/**
 * Small read models the request routes ask before calling a command:
 * ownership lives in the `where`, so a request of another organization is
 * simply not found by the owner lookups.
 */

/** The request if it belongs to this user's organization (drafts included), else null. */
export async function findOwnRequest(db: Db, user: SessionUser, id: string) {
  if (!user.organizationId) return null;
  return db.serviceRequest.findFirst({ where: { id, enterpriseOrgId: user.organizationId }, select: { id: true, status: true } });
}

/** A published request (not a draft) by id: what anyone may know exists. */
export async function findPublishedRequest(db: Db, id: string) {
  return db.serviceRequest.findFirst({
    where: { id, status: { notIn: [...UNPUBLISHED_STATES] } },
    select: { id: true, code: true, title: true, status: true },
  });
}

/** 404 unless the request is published or this user's organization's own draft. */
export async function assertVisibleRequest(db: Db, user: SessionUser, id: string): Promise<void> {
  if ((await findPublishedRequest(db, id)) || (await findOwnRequest(db, user, id))) return;
  throw new DomainError("NOT_FOUND", 404, "requests.errors.notFound");
}

/**
 * Owner-only commands, before any input is read: 404 when the request is
 * unknown to this user (missing, or another organization's draft), 403 with
 * `forbiddenKey` when it is someone else's.
 */
export async function assertOwnRequest(db: Db, user: SessionUser, id: string, forbiddenKey = "requests.errors.ownerOnly"): Promise<void> {
  if (await findOwnRequest(db, user, id)) return;
  if (await findPublishedRequest(db, id)) throw new DomainError("FORBIDDEN", 403, forbiddenKey);
  throw new DomainError("NOT_FOUND", 404, "requests.errors.notFound");
}

/** The objection if it was filed on this request (the one in the URL), else null. */
export async function findObjectionOfRequest(db: Db, requestId: string, objectionId: string) {
  if (!objectionId) return null;
  return db.objection.findFirst({ where: { id: objectionId, requestId }, select: { id: true } });
}

/**
 * What the posting form offers: the catalogue items in force, every
 * qualification type the server accepts (post.server.ts checkQualificationTypes:
 * the catalogue's and the credentials' in use), and the poster's organization kind.
 */
export async function postingFormOptions(db: Db, user: SessionUser) {
  const [items, catalogueTypes, credentialTypes, org] = await Promise.all([
    db.catalogueItem.findMany({
      where: { status: "IN_FORCE" },
      orderBy: { code: "asc" },
      select: { code: true, name: true, nameEn: true, qualificationTypes: true },
    }),
    db.catalogueItem.findMany({ select: { qualificationTypes: true } }),
    credentialTypesInUse(db),
    user.organizationId ? db.organization.findUnique({ where: { id: user.organizationId }, select: { kind: true } }) : null,
  ]);
  const knownTypes = [...new Set([...catalogueTypes.flatMap((i) => i.qualificationTypes), ...credentialTypes.map((c) => c.type)])].sort(
    (a, b) => a.localeCompare(b, "zh"),
  );
  return { items, knownTypes, organizationKind: org?.kind ?? null };
}

/** "YYYY-MM-DDTHH:mm" in Beijing time, as a datetime-local input shows it. */
const beijingLocal = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
const yuanText = (fen: bigint | null) => (fen === null ? "" : `${fen / 100n}.${(fen % 100n).toString().padStart(2, "0")}`);

/**
 * The posting form's fields for one of the organization's drafts (to change it), as the form would
 * send them; null when it is not this organization's draft.
 */
export async function draftFormValues(db: Db, user: SessionUser, id: string): Promise<Record<string, string> | null> {
  if (!user.organizationId) return null;
  const r = await db.serviceRequest.findFirst({
    where: { id, enterpriseOrgId: user.organizationId, status: "DRAFT" },
    include: {
      item: { select: { code: true } },
      avoidances: { select: { reason: true, agencyId: true } },
    },
  });
  if (!r) return null;
  const agencies = r.avoidances.length
    ? await db.agency.findMany({
        where: { id: { in: r.avoidances.map((a) => a.agencyId) } },
        select: { id: true, organization: { select: { creditCode: true } } },
      })
    : [];
  const codeOf = new Map(agencies.map((a) => [a.id, a.organization.creditCode ?? ""]));
  const weights = (r.scoringWeights ?? null) as { price?: number; credit?: number; serviceDays?: number } | null;
  const quals = Array.isArray(r.qualificationReqs) ? (r.qualificationReqs as { type: string; level: string }[]) : [];
  return {
    draftId: r.id,
    itemCode: r.item.code,
    title: r.title,
    description: r.description,
    fundingSource: r.fundingSource,
    priceMode: r.priceMode,
    priceCap: r.priceMode === "AMOUNT" ? yuanText(r.priceCapFen) : "",
    basePrice: yuanText(r.basePriceFen),
    discountRate: r.discountRateBp === null ? "" : String(r.discountRateBp / 100),
    selectionMethod: r.selectionMethod,
    weightPrice: weights?.price !== undefined ? String(weights.price) : "",
    weightCredit: weights?.credit !== undefined ? String(weights.credit) : "",
    weightDays: weights?.serviceDays !== undefined ? String(weights.serviceDays) : "",
    closesAt: beijingLocal(r.closesAt),
    minBidders: String(r.minBidders),
    serviceDays: String(r.serviceDays),
    publicityDays: String(r.publicityDays),
    qualifications: quals.map((q) => (q.level ? `${q.type}|${q.level}` : q.type)).join("\n"),
    avoidances: r.avoidances.map((a) => `${codeOf.get(a.agencyId) ?? ""}|${a.reason}`).join("\n"),
    zoneId: r.zoneId ?? "",
    zoneReason: r.zoneReason ?? "",
  };
}
