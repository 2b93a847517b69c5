import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { lockRequest } from "~/services/requests/data.server";
import { admitBid, awardInTx, type RankingEntry } from "../close.server";
import { conflict, forbidden, fullRequest, requestTo } from "./common.server";

/**
 * DIRECT (直接选取, Principle 4): after closing, the owning enterprise picks any
 * valid bid. The picked bid ranks first, the other valid bids follow by amount
 * (then the earlier bid), which is the order an upheld objection walks down.
 */
export async function pickBid(db: Db, user: SessionUser, requestId: string, bidId: string) {
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    if (user.role !== "ENTERPRISE" || r.enterpriseOrgId !== user.organizationId) throw forbidden();
    const full = await fullRequest(tx, requestId);
    const bids = await tx.bid.findMany({
      where: { requestId, status: "SUBMITTED" },
      select: {
        id: true,
        agencyId: true,
        amountFen: true,
        serviceDays: true,
        submittedAt: true,
        status: true,
        agency: { select: { status: true, organization: { select: { name: true } } } },
      },
    });
    const picked = bids.find((b) => b.id === bidId);
    // The bid machine admits each bid again (within the cap, agency still listed): the agency may have been sanctioned since closing.
    const admitted = new Map(bids.map((b) => [b.id, admitBid(b, full.priceCapFen)]));
    const eligible = (b: (typeof bids)[number]) => admitted.get(b.id)!.to === b.status;
    const to = requestTo(r.status, {
      type: "PICK",
      isDirect: full.selectionMethod === "DIRECT",
      isEligibleBid: !!picked && eligible(picked),
    });
    if (!to) {
      if (r.status !== "CLOSED") throw conflict("award.errors.notPickable");
      if (full.selectionMethod !== "DIRECT") throw conflict("award.errors.notDirect");
      throw new DomainError("BID_NOT_ELIGIBLE", 422, "award.errors.bidNotEligible", "bidId");
    }
    const now = await dbNow(tx);
    // Bids of agencies no longer listed cannot be promoted later either.
    for (const b of bids.filter((x) => !eligible(x))) {
      const verdict = admitted.get(b.id)!;
      await tx.bid.update({ where: { id: b.id }, data: { status: verdict.to, invalidReason: verdict.invalidReason } });
    }
    const others = bids
      .filter((b) => b.id !== bidId && eligible(b))
      .sort((a, b) =>
        a.amountFen < b.amountFen
          ? -1
          : a.amountFen > b.amountFen
            ? 1
            : a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : 1),
      );
    const entries: RankingEntry[] = [picked!, ...others].map((b, i) => ({
      rank: i + 1,
      bidId: b.id,
      agencyId: b.agencyId,
      agencyName: b.agency.organization.name,
      amountFen: b.amountFen.toString(),
      serviceDays: b.serviceDays,
      submittedAt: b.submittedAt.toISOString(),
    }));
    // awardInTx records the PICK itself without an actor; this event names who picked.
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: requestId,
      fromState: "CLOSED",
      event: "PICK_BY_ENTERPRISE",
      toState: "CLOSED",
      actorId: user.id,
      payload: { bidId },
    });
    await awardInTx(tx, full, entries, now, { event: "PICK", from: r.status, to });
    return { status: to };
  });
}
