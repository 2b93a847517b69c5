import { decide } from "~/machines/apply";
import { agencyMachine } from "~/machines/agency.machine";
import type { Db, Tx } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { RUNNING_STATES } from "~/machines/request.machine";
import { ownAgency } from "./queries.server";
import { lockAgency } from "~/services/agencies/data.server";

export const MAX_EXIT_REASON = 500;

/**
 * What still ties an agency to the platform: bids still in play (SUBMITTED —
 * on open requests, or on a closed DIRECT request awaiting the enterprise's
 * pick) and engagements running (its WON bid on a request in publicity,
 * contracted, in service or delivered). Listed for the agency to resolve.
 */
export async function openWork(client: Tx | Db, agencyId: string) {
  const [bids, contracts] = await Promise.all([
    client.bid.findMany({
      where: { agencyId, status: "SUBMITTED", request: { status: { in: ["OPEN", "CLOSED"] } } },
      select: { request: { select: { id: true, code: true, title: true, status: true } } },
      orderBy: { createdAt: "asc" },
    }),
    client.bid.findMany({
      where: { agencyId, status: "WON", request: { status: { in: [...RUNNING_STATES] } } },
      select: { request: { select: { id: true, code: true, title: true, status: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return { openBids: bids.map((b) => b.request), runningContracts: contracts.map((c) => c.request) };
}

/** What the exit page shows: the agency's state and what blocks leaving. */
export async function exitOverview(db: Db, user: SessionUser) {
  const agency = await ownAgency(db, user);
  return { status: agency.status, ...(await openWork(db, agency.id)) };
}

/**
 * 自愿退出: the agency leaves the directory of its own accord. Refused while it
 * has open bids or running contracts (it owes them to enterprises). The row
 * lock makes a bid racing the exit wait (bids take the agency row FOR SHARE):
 * either the bid lands first and the exit is refused, or the exit lands first
 * and the bid is refused as not listed.
 */
export async function exitAgency(db: Db, user: SessionUser, reasonInput: string) {
  const reason = reasonInput.trim();
  if (Array.from(reason).length > MAX_EXIT_REASON) throw new DomainError("TOO_LONG", 400, "errors.tooLong", "reason");
  return db.$transaction(async (tx) => {
    const own = await ownAgency(tx, user);
    const agency = await lockAgency(tx, own.id);
    const work = await openWork(tx, agency.id);
    const verdict = decide(agencyMachine, agency.status, {
      type: "EXIT",
      openBids: work.openBids.length,
      runningContracts: work.runningContracts.length,
    });
    if (!verdict.ok) {
      if (work.openBids.length || work.runningContracts.length)
        throw new DomainError("OPEN_WORK", 409, "exit.errors.openWork", undefined, {
          bids: work.openBids.length,
          contracts: work.runningContracts.length,
        });
      throw new DomainError("NOT_ALLOWED", 409, "exit.errors.notAllowed", undefined, { status: agency.status });
    }
    const now = await dbNow(tx);
    await tx.agency.update({
      where: { id: agency.id },
      data: { status: verdict.to, statusReason: reason || null, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "agency",
      aggregateId: agency.id,
      fromState: agency.status,
      event: "EXIT",
      toState: verdict.to,
      actorId: user.id,
      payload: { reason: reason || null, at: now.toISOString() },
    });
    await notify(tx, { orgId: agency.organizationId, kind: "EXIT_DONE", data: { reason: reason || null } });
    return { from: agency.status, to: verdict.to };
  });
}
