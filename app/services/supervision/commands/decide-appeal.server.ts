import { decide } from "~/machines/apply";
import { caseMachine, type AppealOutcomeKind } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { CASE_LIMITS } from "~/schemas/case";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { revokeCaseSanctions } from "../effects.server";
import { withRetry } from "../retry.server";
import { checkVersion, conflict, lockCaseAndAgency, requireRegulator, text } from "./common.server";

/** The regulator's appeal decision is final: UPHELD changes nothing; REVOKED undoes the sanctions. */
export async function decideAppeal(
  db: Db,
  user: SessionUser,
  caseId: string,
  input: { outcome: AppealOutcomeKind; reason: string; expectedVersion: number },
) {
  requireRegulator(user);
  const reason = text(input.reason, "reason", CASE_LIMITS.reason);
  if (input.outcome !== "UPHELD" && input.outcome !== "REVOKED")
    throw new DomainError("BAD_OUTCOME", 400, "errors.invalidChoice", "outcome");
  return withRetry(() =>
    db.$transaction(
      async (tx) => {
        const { agency, c } = await lockCaseAndAgency(tx, caseId);
        checkVersion(c, input.expectedVersion);
        const r = decide(caseMachine, c.status, { type: "DECIDE_APPEAL", outcome: input.outcome, reason });
        if (!r.ok) throw conflict();
        const now = await dbNow(tx);
        await tx.supervisionCase.update({
          where: { id: c.id },
          data: { status: r.to, appealOutcome: input.outcome, finalReason: reason, finalizedAt: now, version: { increment: 1 } },
        });
        await appendAudit(tx, {
          aggregateType: "case",
          aggregateId: c.id,
          fromState: c.status,
          event: "DECIDE_APPEAL",
          toState: r.to,
          actorId: user.id,
          payload: { outcome: input.outcome, reason },
        });
        const revoked =
          input.outcome === "REVOKED"
            ? await revokeCaseSanctions(tx, { agencyId: c.agencyId, caseId: c.id, caseCode: c.code, reason, actorId: user.id, now })
            : null;
        const data = { caseId: c.id, code: c.code, outcome: input.outcome };
        await notify(tx, { orgId: agency.organizationId, kind: "CASE_APPEAL_DECIDED", data });
        await notify(tx, { userId: c.complainantUserId, kind: "CASE_APPEAL_DECIDED", data });
        return { status: r.to satisfies CaseStatus, revoked };
      },
      { timeout: 30_000 },
    ),
  );
}
