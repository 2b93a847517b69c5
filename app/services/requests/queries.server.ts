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
