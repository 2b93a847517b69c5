import { decide } from "~/machines/apply";
import { caseMachine } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { formatDateTime } from "~/lib/format";
import type { SessionUser } from "~/lib/session.server";
import { CASE_LIMITS } from "~/schemas/case";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { checkVersion, conflict, DAY, HEARING_LEAD_DAYS, lockCaseAndAgency, requireRegulator, text } from "./common.server";

/** The regulator sets the hearing's date and place, at least HEARING_LEAD_DAYS ahead (art. 64), and tells the agency. */
export async function scheduleHearing(
  db: Db,
  user: SessionUser,
  caseId: string,
  input: { hearingAt: Date; place: string; expectedVersion: number },
) {
  requireRegulator(user);
  const place = text(input.place, "place", CASE_LIMITS.legalBasis);
  return db.$transaction(async (tx) => {
    const { agency, c } = await lockCaseAndAgency(tx, caseId);
    checkVersion(c, input.expectedVersion);
    const now = await dbNow(tx);
    const isFarEnoughAhead = input.hearingAt.getTime() >= now.getTime() + HEARING_LEAD_DAYS * DAY;
    const r = decide(caseMachine, c.status, { type: "SCHEDULE_HEARING", place, isFarEnoughAhead });
    if (!r.ok) {
      if (c.status === "HEARING_REQUESTED")
        throw new DomainError("TOO_SOON", 422, "cases.errors.hearingTooSoon", "hearingAt", { days: HEARING_LEAD_DAYS });
      throw conflict();
    }
    await tx.supervisionCase.update({
      where: { id: c.id },
      data: { status: r.to, hearingAt: input.hearingAt, hearingPlace: place, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "case",
      aggregateId: c.id,
      fromState: c.status,
      event: "SCHEDULE_HEARING",
      toState: r.to,
      actorId: user.id,
      payload: { hearingAt: input.hearingAt.toISOString(), place },
    });
    await notify(tx, {
      orgId: agency.organizationId,
      kind: "CASE_HEARING_SCHEDULED",
      data: { caseId: c.id, code: c.code, hearingAt: formatDateTime(input.hearingAt), place },
    });
    return { status: r.to satisfies CaseStatus };
  });
}
