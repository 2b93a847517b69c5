import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import type { FollowInput } from "~/schemas/navigator";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";

/**
 * 关注项目 (decision 039): an enterprise saves a project it described on the navigator
 * and is notified when the project's list changes (fanout.server.ts). Following and
 * unfollowing are audited (`followedProject` chain) in the same transaction.
 */

export async function followProject(db: Db, user: SessionUser, input: FollowInput) {
  const orgId = user.organizationId;
  if (user.role !== "ENTERPRISE" || !orgId) throw new DomainError("FORBIDDEN", 403, "navigator.errors.enterpriseOnly");
  return db.$transaction(async (tx) => {
    const zoneId = input.zone || null;
    if (zoneId && !(await tx.zone.findUnique({ where: { id: zoneId }, select: { id: true } })))
      throw new DomainError("ZONE", 422, "zones.errors.zoneUnknown", "zone");
    const project = await tx.followedProject.create({
      data: {
        orgId,
        name: input.name,
        industry: input.industry,
        scale: input.scale,
        govFunded: input.govFunded === "YES",
        zoneId,
        createdById: user.id,
        createdAt: await dbNow(tx),
      },
    });
    await appendAudit(tx, {
      aggregateType: "followedProject",
      aggregateId: project.id,
      fromState: null,
      event: "FOLLOW",
      toState: null,
      actorId: user.id,
      payload: { orgId, name: project.name, industry: project.industry, scale: project.scale, govFunded: project.govFunded, zoneId },
    });
    return project;
  });
}

/** Stops following: only the enterprise's own project (another's is a 404, as if it did not exist). */
export async function unfollowProject(db: Db, user: SessionUser, projectId: string) {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; orgId: string; name: string }[]>`
      SELECT id, "orgId", name FROM "FollowedProject" WHERE id = ${projectId} FOR UPDATE`;
    const project = rows[0];
    if (!project || project.orgId !== user.organizationId) throw new DomainError("NOT_FOUND", 404, "navigator.errors.project");
    await tx.followedProject.delete({ where: { id: project.id } });
    await appendAudit(tx, {
      aggregateType: "followedProject",
      aggregateId: project.id,
      fromState: null,
      event: "UNFOLLOW",
      toState: null,
      actorId: user.id,
      payload: { orgId: project.orgId, name: project.name },
    });
  });
}
