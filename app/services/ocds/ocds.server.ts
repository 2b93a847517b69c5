import type { Db } from "~/db/client.server";
import { buildProcess, RELEASE_EVENTS, type ChainEvent, type OcdsMethod, type ProcessFacts, type Release } from "./build";
import { OCDS_LICENSE, OCDS_VERSION, codeOfOcid, extensionsOf, ocidOf } from "./config.server";

/**
 * OCDS 1.1 open data (docs/ocds.md, decision 027): release packages in a
 * stable order (the audit event id of the event each release states), record
 * packages with a compiled release, and a bulk record package. Everything is
 * derived from the requests' audit chains and rows; nothing is stored.
 */

export type ReleaseQuery = { since?: Date; after?: bigint; limit: number };

type Built = ReturnType<typeof buildProcess> & { ocid: string };

const publisher = (origin: string) => ({ name: "中介超市 (intermediary-service marketplace)", uri: origin });

/** The package metadata shared by release and record packages. */
function packageMeta(origin: string, uri: string, publishedDate: string) {
  return {
    uri,
    version: OCDS_VERSION,
    extensions: extensionsOf(origin),
    publishedDate,
    publisher: publisher(origin),
    license: OCDS_LICENSE,
  };
}

/** Builds the processes of these requests (only those that were ever published yield releases). */
async function buildProcesses(db: Db, requestIds: string[], origin: string): Promise<Map<string, Built>> {
  const out = new Map<string, Built>();
  if (requestIds.length === 0) return out;
  const [requests, events, disqualified, notices] = await Promise.all([
    db.serviceRequest.findMany({
      where: { id: { in: requestIds } },
      select: {
        id: true,
        code: true,
        title: true,
        description: true,
        fundingSource: true,
        selectionMethod: true,
        priceCapFen: true,
        minBidders: true,
        serviceDays: true,
        publicityDays: true,
        closesAt: true,
        round: true,
        previousRoundId: true,
        qualificationReqs: true,
        item: { select: { code: true, name: true, nameEn: true } },
        enterprise: { select: { id: true, name: true, kind: true, creditCode: true } },
      },
    }),
    db.auditEvent.findMany({
      where: { aggregateType: "request", aggregateId: { in: requestIds } },
      orderBy: [{ aggregateId: "asc" }, { seq: "asc" }],
      select: { id: true, aggregateId: true, seq: true, event: true, fromState: true, toState: true, at: true, payload: true },
    }),
    // Only INVALIDATED bids: they are shown from the CLOSE release on, like the request page shows them after closing.
    db.bid.findMany({
      where: { requestId: { in: requestIds }, status: "INVALIDATED" },
      select: { id: true, requestId: true, agencyId: true, amountFen: true, submittedAt: true, invalidReason: true },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    }),
    db.announcement.findMany({
      where: { entityType: "request", entityId: { in: requestIds }, kind: "AWARD" },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: { id: true, entityId: true },
    }),
  ]);
  // Imported history: the rows stand for the stages its single audit event does not list.
  const imported = [...new Set(events.filter((e) => e.event === "IMPORT_HISTORY").map((e) => e.aggregateId))];
  const [historyRows, historyBids, historyDeliveries] = imported.length
    ? await Promise.all([
        db.serviceRequest.findMany({
          where: { id: { in: imported } },
          select: { id: true, drawSeed: true, drawCommitment: true, publicityEndsAt: true },
        }),
        db.bid.findMany({
          where: { requestId: { in: imported }, status: { in: ["WON", "LOST"] } },
          select: {
            id: true,
            requestId: true,
            agencyId: true,
            amountFen: true,
            serviceDays: true,
            submittedAt: true,
            status: true,
            rank: true,
          },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        }),
        db.delivery.findMany({
          where: { requestId: { in: imported } },
          select: { id: true, requestId: true, createdAt: true, accepted: true, decidedAt: true },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
      ])
    : [[], [], []];
  const previousIds = requests.map((r) => r.previousRoundId).filter((x): x is string => !!x);
  const previous = previousIds.length
    ? await db.serviceRequest.findMany({ where: { id: { in: previousIds } }, select: { id: true, code: true, title: true } })
    : [];
  const agencyIds = new Set<string>([...disqualified, ...historyBids].map((b) => b.agencyId));
  for (const e of events) collectAgencyIds(e.payload, agencyIds);
  const agencies = await db.agency.findMany({
    where: { id: { in: [...agencyIds] } },
    select: { id: true, organization: { select: { name: true, creditCode: true } } },
  });
  const agencyMap = new Map(agencies.map((a) => [a.id, { name: a.organization.name, creditCode: a.organization.creditCode }]));
  for (const r of requests) {
    const chain: ChainEvent[] = events.filter((e) => e.aggregateId === r.id);
    const prev = previous.find((p) => p.id === r.previousRoundId);
    const facts: ProcessFacts = {
      ocid: ocidOf(r.code),
      origin,
      request: { ...r, selectionMethod: r.selectionMethod as OcdsMethod },
      previous: prev ? { ocid: ocidOf(prev.code), title: prev.title } : null,
      events: chain,
      agencies: agencyMap,
      disqualified: disqualified.filter((b) => b.requestId === r.id),
      awardNotices: notices.filter((n) => n.entityId === r.id).map((n) => n.id),
    };
    const h = historyRows.find((x) => x.id === r.id);
    if (h)
      facts.history = {
        ...h,
        // Seeded history closed long ago: its bid rows are the frozen entrants (read only to restate CLOSE).
        bids: historyBids.filter((b) => b.requestId === r.id),
        deliveries: historyDeliveries.filter((d) => d.requestId === r.id),
      };
    out.set(r.id, { ...buildProcess(facts), ocid: facts.ocid });
  }
  return out;
}

function collectAgencyIds(payload: unknown, into: Set<string>) {
  const p = (payload ?? {}) as Record<string, unknown>;
  const rows = [p.entrants, p.ranking].flatMap((x) => (Array.isArray(x) ? x : []));
  for (const x of rows) {
    const id = (x as { agencyId?: unknown }).agencyId;
    if (typeof id === "string") into.add(id);
  }
}

/**
 * One page of releases: those of the release-worthy events with an id after
 * `after` (the cursor) and a date at or after `since`, in event id order. A
 * page may hold fewer releases than `limit` (events that state nothing, such
 * as cancelling a draft, are skipped); `links.next` is present while more
 * events may follow.
 */
export async function releasePackagePage(db: Db, query: ReleaseQuery, origin: string, selfUrl: string) {
  const candidates = await db.auditEvent.findMany({
    where: {
      aggregateType: "request",
      event: { in: [...RELEASE_EVENTS] },
      ...(query.after !== undefined ? { id: { gt: query.after } } : {}),
      ...(query.since ? { at: { gte: query.since } } : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit,
    select: { id: true, aggregateId: true },
  });
  const processes = await buildProcesses(db, [...new Set(candidates.map((c) => c.aggregateId))], origin);
  // An imported request's stages all sit at its import event's position.
  const byEvent = new Map<bigint, Release[]>();
  for (const p of processes.values()) for (const r of p.releases) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r.release]);
  const releases = candidates.flatMap((c) => byEvent.get(c.id) ?? []);
  const last = candidates.at(-1);
  let next: string | null = null;
  if (last && candidates.length === query.limit) {
    const url = new URL(selfUrl);
    url.searchParams.set("after", last.id.toString());
    url.searchParams.set("limit", String(query.limit));
    next = url.toString();
  }
  // publishedDate: the latest change to the contents; an empty page has none (and so a stable ETag).
  const { publishedDate, ...meta } = packageMeta(origin, selfUrl, releases.length ? maxDate(releases) : "");
  return {
    ...meta,
    ...(releases.length ? { publishedDate } : {}),
    releases,
    // Pagination as OCDS recommends for packages (links.next); absent on the last page.
    ...(next ? { links: { next } } : {}),
  };
}

const maxDate = (releases: Release[]) => releases.map((r) => r.date).reduce((a, b) => (b > a ? b : a));

function recordOf(p: Built) {
  return { ocid: p.ocid, releases: p.releases.map((r) => r.release), compiledRelease: p.compiled! };
}

/** The record package of one process, or null for an unknown ocid or a request that was never published. */
export async function recordPackage(db: Db, ocid: string, origin: string) {
  const code = codeOfOcid(ocid);
  if (!code) return null;
  const r = await db.serviceRequest.findUnique({ where: { code }, select: { id: true } });
  if (!r) return null;
  const p = (await buildProcesses(db, [r.id], origin)).get(r.id);
  if (!p || !p.compiled) return null;
  return {
    ...packageMeta(origin, `${origin}/ocds/records/${ocid}.json`, p.compiled.date),
    records: [recordOf(p)],
  };
}

/**
 * Every record, for the bulk download: processes in the order they were
 * opened, `batch` at a time, so the caller can stream them.
 */
export async function* allRecords(db: Db, origin: string, batch = 50) {
  let after: bigint | undefined;
  for (;;) {
    const opened = await db.auditEvent.findMany({
      where: {
        aggregateType: "request",
        OR: [{ event: { in: ["PUBLISH", "APPROVE_FAIRNESS"] }, toState: "OPEN" }, { event: "IMPORT_HISTORY" }],
        ...(after !== undefined ? { id: { gt: after } } : {}),
      },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, aggregateId: true },
    });
    if (opened.length === 0) return;
    const processes = await buildProcesses(db, [...new Set(opened.map((o) => o.aggregateId))], origin);
    for (const o of opened) {
      const p = processes.get(o.aggregateId);
      if (p?.compiled) yield recordOf(p);
    }
    if (opened.length < batch) return;
    after = opened.at(-1)!.id;
  }
}

/** The opening of the bulk record package (the records follow, then `]}`). */
export function bulkHead(origin: string, publishedDate: string): string {
  const head = JSON.stringify({ ...packageMeta(origin, `${origin}/ocds/bulk.json`, publishedDate), records: [] });
  return head.slice(0, -2); // drop the closing `]}`
}
