import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { dbNow } from "~/services/clock.server";
import { deliveryRoster } from "~/services/practitioners/queries.server";
import { terminationGround } from "./terminate.server";
import { isRunningState } from "~/machines/request.machine";
import { MAX_UPLOAD_BYTES } from "~/services/documents/documents.server";
import { contractConfirmations } from "./commands/confirm-contract.server";
import { isOverdue } from "./overdue";
import { MAX_NOTE_CHARS, MAX_REASON_CHARS } from "./validation";

export { isOverdue } from "./overdue";

/**
 * Data for the award / publicity / contract / delivery panel of a request page,
 * shaped for the viewer's role. Everything here is public once bidding has
 * closed (amounts, ranking, objections and their answers, Principle 6) except
 * delivery notes and files, which only the two parties and regulators see.
 * Nothing is returned for a request that has not closed (sealed bids, Principle 5).
 */
export type AwardViewer = "OWNER" | "WINNER" | "BIDDER" | "REGULATOR" | "OTHER" | "ANONYMOUS";

export type PanelBid = {
  bidId: string;
  agencyId: string;
  agencyName: string;
  amountFen: string;
  serviceDays: number;
  submittedAt: string;
  status: string;
  rank: number | null;
  invalidReason: string | null;
  mine: boolean;
};

export type PanelObjection = {
  id: string;
  agencyName: string;
  reason: string;
  status: "PENDING" | "UPHELD" | "DISMISSED";
  decisionReason: string | null;
  legalBasis: string | null;
  evidence: string | null;
  decidedAt: string | null;
  createdAt: string;
  /** Closed by the platform because another objection against the same award was upheld. */
  superseded: boolean;
  mine: boolean;
};

export type PanelDelivery = {
  id: string;
  createdAt: string;
  accepted: boolean | null;
  decisionReason: string | null;
  decidedAt: string | null;
  /** Only for the parties and regulators. */
  note: string | null;
  file: { url: string; name: string; size: number } | null;
  /** The practitioners who signed it (decision 035). */
  signers: { name: string; qualification: string }[];
};

export type AwardPanelData = {
  requestId: string;
  status: string;
  code: string;
  title: string;
  method: string;
  round: number;
  now: string;
  viewer: AwardViewer;
  statusReason: string | null;
  bids: PanelBid[];
  winner: { bidId: string; agencyId: string; agencyName: string; amountFen: string; serviceDays: number } | null;
  publicityEndsAt: string | null;
  publicityOver: boolean;
  objections: PanelObjection[];
  contract: { enterprise: boolean; agency: boolean } | null;
  contractedAt: string | null;
  serviceStartedAt: string | null;
  dueAt: string | null;
  deliveredAt: string | null;
  completedAt: string | null;
  overdue: boolean;
  deliveries: PanelDelivery[];
  previousRound: { id: string; code: string } | null;
  nextRound: { id: string; code: string; status: string } | null;
  can: {
    pick: boolean;
    object: boolean;
    decide: boolean;
    confirm: boolean;
    deliver: boolean;
    accept: boolean;
    return: boolean;
    republish: boolean;
    terminate: boolean;
  };
  terminatedAt: string | null;
  limits: { reason: number; note: number; uploadMb: number };
  /** For the winner's delivery form: its roster, who may sign (decision 035). */
  signerRoster: { id: string; name: string; qualification: string; barred: "SUSPENSION" | "BLACKLIST" | null }[];
};

const SEALED = new Set(["DRAFT", "FAIRNESS_REVIEW", "OPEN", "CANCELLED"]);

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function loadAwardPanel(db: Db, user: SessionUser | null, requestId: string): Promise<AwardPanelData | null> {
  const r = await db.serviceRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      selectionMethod: true,
      round: true,
      previousRoundId: true,
      enterpriseOrgId: true,
      awardedBidId: true,
      publicityEndsAt: true,
      contractedAt: true,
      serviceStartedAt: true,
      dueAt: true,
      deliveredAt: true,
      completedAt: true,
      terminatedAt: true,
      closesAt: true,
      statusReason: true,
    },
  });
  // Before closing (or cancelled before it) there is nothing to award, and amounts stay sealed.
  if (!r || SEALED.has(r.status)) return null;
  const now = await dbNow(db);

  const myAgency =
    user?.role === "AGENCY" && user.organizationId
      ? await db.agency.findUnique({ where: { organizationId: user.organizationId }, select: { id: true } })
      : null;
  const [bids, objections, deliveries, previous, next] = await Promise.all([
    db.bid.findMany({
      where: { requestId, status: { not: "WITHDRAWN" } },
      orderBy: [{ rank: { sort: "asc", nulls: "last" } }, { amountFen: "asc" }, { submittedAt: "asc" }],
      select: {
        id: true,
        agencyId: true,
        amountFen: true,
        serviceDays: true,
        submittedAt: true,
        status: true,
        rank: true,
        invalidReason: true,
        agency: { select: { organization: { select: { name: true } } } },
      },
    }),
    db.objection.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } }),
    db.delivery.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } }),
    r.previousRoundId ? db.serviceRequest.findUnique({ where: { id: r.previousRoundId }, select: { id: true, code: true } }) : null,
    r.status === "FAILED" || r.status === "TERMINATED"
      ? db.serviceRequest.findFirst({ where: { previousRoundId: r.id }, select: { id: true, code: true, status: true } })
      : null,
  ]);

  const agencyNames = new Map(bids.map((b) => [b.agencyId, b.agency.organization.name]));
  const missing = objections.map((o) => o.agencyId).filter((id) => !agencyNames.has(id));
  if (missing.length) {
    const extra = await db.agency.findMany({
      where: { id: { in: missing } },
      select: { id: true, organization: { select: { name: true } } },
    });
    for (const a of extra) agencyNames.set(a.id, a.organization.name);
  }

  const winnerBid = bids.find((b) => b.id === r.awardedBidId) ?? null;
  const myBid = myAgency ? (bids.find((b) => b.agencyId === myAgency.id) ?? null) : null;
  const viewer: AwardViewer = !user
    ? "ANONYMOUS"
    : user.role === "REGULATOR"
      ? "REGULATOR"
      : user.role === "ENTERPRISE" && user.organizationId === r.enterpriseOrgId
        ? "OWNER"
        : myBid && winnerBid && myBid.id === winnerBid.id
          ? "WINNER"
          : myBid && (myBid.status === "LOST" || myBid.status === "INVALIDATED")
            ? "BIDDER"
            : "OTHER";

  const publicityOver = !!r.publicityEndsAt && now >= r.publicityEndsAt;
  const pending = objections.filter((o) => o.status === "PENDING");
  const confirmations = r.status === "AWARD_PUBLICITY" && r.awardedBidId ? await contractConfirmations(db, r.id, r.awardedBidId) : null;
  const contract = confirmations
    ? { enterprise: confirmations.has("ENTERPRISE"), agency: confirmations.has("AGENCY") }
    : r.contractedAt
      ? { enterprise: true, agency: true }
      : null;
  const partyOrAuthority = viewer === "OWNER" || viewer === "WINNER" || viewer === "REGULATOR";
  const documents = partyOrAuthority
    ? await db.document.findMany({
        where: { id: { in: deliveries.map((d) => d.documentId).filter((x): x is string => !!x) } },
        select: { id: true, originalName: true, size: true },
      })
    : [];
  const docById = new Map(documents.map((d) => [d.id, d]));
  const mySide = viewer === "OWNER" ? "enterprise" : viewer === "WINNER" ? "agency" : null;
  // After a sanction on the awarded agency the owner may end a running engagement.
  const ground =
    viewer === "OWNER" && winnerBid && isRunningState(r.status) ? await terminationGround(db, winnerBid.agencyId, r.closesAt) : null;
  const signerRoster =
    viewer === "WINNER" && winnerBid && r.status === "IN_SERVICE" ? await deliveryRoster(db, winnerBid.agencyId, now) : [];

  return {
    requestId: r.id,
    status: r.status,
    code: r.code,
    title: r.title,
    method: r.selectionMethod,
    round: r.round,
    now: now.toISOString(),
    viewer,
    statusReason: r.statusReason,
    bids: bids.map((b) => ({
      bidId: b.id,
      agencyId: b.agencyId,
      agencyName: b.agency.organization.name,
      amountFen: b.amountFen.toString(),
      serviceDays: b.serviceDays,
      submittedAt: b.submittedAt.toISOString(),
      status: b.status,
      rank: b.rank,
      invalidReason: b.invalidReason,
      mine: myBid?.id === b.id,
    })),
    winner: winnerBid
      ? {
          bidId: winnerBid.id,
          agencyId: winnerBid.agencyId,
          agencyName: winnerBid.agency.organization.name,
          amountFen: winnerBid.amountFen.toString(),
          serviceDays: winnerBid.serviceDays,
        }
      : null,
    publicityEndsAt: iso(r.publicityEndsAt),
    publicityOver,
    objections: objections.map((o) => ({
      id: o.id,
      agencyName: agencyNames.get(o.agencyId) ?? "—",
      reason: o.reason,
      status: o.status,
      decisionReason: o.decisionReason,
      legalBasis: o.legalBasis,
      evidence: o.evidence,
      decidedAt: iso(o.decidedAt),
      createdAt: o.createdAt.toISOString(),
      superseded: o.status === "DISMISSED" && !o.decidedById,
      mine: !!myAgency && o.agencyId === myAgency.id,
    })),
    contract,
    contractedAt: iso(r.contractedAt),
    serviceStartedAt: iso(r.serviceStartedAt),
    dueAt: iso(r.dueAt),
    deliveredAt: iso(r.deliveredAt),
    completedAt: iso(r.completedAt),
    terminatedAt: iso(r.terminatedAt),
    overdue: isOverdue(r, now),
    deliveries: deliveries.map((d) => {
      const doc = d.documentId ? docById.get(d.documentId) : undefined;
      return {
        id: d.id,
        createdAt: d.createdAt.toISOString(),
        accepted: d.accepted,
        decisionReason: d.decisionReason,
        decidedAt: iso(d.decidedAt),
        note: partyOrAuthority ? d.note : null,
        file: doc ? { url: `/requests/${r.id}/deliveries/${d.id}/file`, name: doc.originalName, size: doc.size } : null,
        signers: signersOf(d.signers),
      };
    }),
    previousRound: previous,
    nextRound: next,
    can: {
      pick: viewer === "OWNER" && r.status === "CLOSED" && r.selectionMethod === "DIRECT" && bids.some((b) => b.status === "SUBMITTED"),
      object:
        viewer === "BIDDER" &&
        r.status === "AWARD_PUBLICITY" &&
        !publicityOver &&
        !objections.some((o) => o.status === "PENDING" && o.agencyId === myAgency?.id),
      decide: viewer === "REGULATOR" && r.status === "AWARD_PUBLICITY" && pending.length > 0,
      confirm: !!mySide && r.status === "AWARD_PUBLICITY" && publicityOver && pending.length === 0 && !!contract && !contract[mySide],
      deliver: viewer === "WINNER" && r.status === "IN_SERVICE",
      accept: viewer === "OWNER" && r.status === "DELIVERED",
      return: viewer === "OWNER" && r.status === "DELIVERED",
      republish: viewer === "OWNER" && (r.status === "FAILED" || r.status === "TERMINATED") && !next,
      terminate: !!ground,
    },
    limits: { reason: MAX_REASON_CHARS, note: MAX_NOTE_CHARS, uploadMb: MAX_UPLOAD_BYTES / 1024 / 1024 },
    signerRoster,
  };
}

/** The stored signers' snapshot (Delivery.signers, JSON) as the panel shows it. */
function signersOf(value: unknown): { name: string; qualification: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) =>
    v && typeof v === "object" && typeof (v as { name?: unknown }).name === "string"
      ? [{ name: (v as { name: string }).name, qualification: String((v as { qualification?: unknown }).qualification ?? "") }]
      : [],
  );
}

/** The regulator's work queue: pending objections across requests, oldest first. */
export async function objectionQueue(db: Db) {
  const objections = await db.objection.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      reason: true,
      createdAt: true,
      agencyId: true,
      request: { select: { id: true, code: true, title: true, status: true, publicityEndsAt: true, awardedBidId: true } },
    },
  });
  const agencyIds = [...new Set(objections.map((o) => o.agencyId))];
  const bidIds = objections.map((o) => o.request.awardedBidId).filter((x): x is string => !!x);
  const [agencies, winners] = await Promise.all([
    db.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, organization: { select: { name: true } } } }),
    db.bid.findMany({
      where: { id: { in: bidIds } },
      select: { id: true, amountFen: true, agency: { select: { organization: { select: { name: true } } } } },
    }),
  ]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.organization.name]));
  const winner = new Map(winners.map((w) => [w.id, { agencyName: w.agency.organization.name, amountFen: w.amountFen.toString() }]));
  return objections.map((o) => ({
    id: o.id,
    reason: o.reason,
    createdAt: o.createdAt.toISOString(),
    agencyName: agencyName.get(o.agencyId) ?? "—",
    request: {
      id: o.request.id,
      code: o.request.code,
      title: o.request.title,
      status: o.request.status,
      publicityEndsAt: iso(o.request.publicityEndsAt),
    },
    winner: o.request.awardedBidId ? (winner.get(o.request.awardedBidId) ?? null) : null,
  }));
}

/**
 * Who may download a delivered result report: the owning enterprise, the
 * agency that delivered it (the document's owner: the winner) and regulators.
 * The generic /documents/:id rule (owner organization, regulators, admins)
 * does not know the enterprise, hence this rule for delivery files.
 */
export function canReadDeliveryFile(
  user: { role: string; organizationId: string | null },
  ctx: { enterpriseOrgId: string; ownerOrgId: string },
): boolean {
  if (user.role === "REGULATOR") return true;
  if (!user.organizationId) return false;
  return (
    (user.role === "ENTERPRISE" && user.organizationId === ctx.enterpriseOrgId) ||
    (user.role === "AGENCY" && user.organizationId === ctx.ownerOrgId)
  );
}

/** The document of one delivery of one request, or null when they do not belong together. */
export async function deliveryDocument(db: Db, requestId: string, deliveryId: string) {
  const delivery = await db.delivery.findFirst({
    where: { id: deliveryId, requestId },
    select: { documentId: true, request: { select: { enterpriseOrgId: true } } },
  });
  if (!delivery?.documentId) return null;
  const doc = await db.document.findUnique({
    where: { id: delivery.documentId },
    select: { ownerOrgId: true, storageKey: true, mime: true, originalName: true, kind: true },
  });
  if (!doc || doc.kind !== "DELIVERY") return null;
  return { ...doc, enterpriseOrgId: delivery.request.enterpriseOrgId };
}
