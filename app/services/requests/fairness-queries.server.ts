import type { Db } from "~/db/client.server";
import { CATEGORIES, type Category } from "~/services/fair-competition/rules";
import { qualificationsOf, requestTexts, type StoredHit } from "./fair-competition";

/** Read models of the fair-competition review (公平竞争审查): the regulator's queue and the dashboard's figures. */

const hitsOf = (json: unknown): StoredHit[] => (Array.isArray(json) ? (json as StoredHit[]) : []);

/** Requests held for review, oldest first, with the texts as reviewed and the flagged words. */
export async function fairnessQueue(db: Db) {
  const rows = await db.fairnessReview.findMany({
    where: { outcome: "PENDING", requestId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      categories: true,
      hits: true,
      request: {
        select: {
          id: true,
          code: true,
          title: true,
          description: true,
          closesAt: true,
          qualificationReqs: true,
          avoidances: { select: { reason: true } },
          enterprise: { select: { name: true } },
          item: { select: { name: true, nameEn: true } },
        },
      },
    },
  });
  // The project documents' descriptions were reviewed with the request (decision 034).
  const attachments = await db.requestAttachment.findMany({
    where: { requestId: { in: rows.flatMap((row) => (row.request ? [row.request.id] : [])) } },
    orderBy: { createdAt: "asc" },
    select: { requestId: true, description: true },
  });
  const attachmentText = (id: string) =>
    attachments
      .filter((a) => a.requestId === id)
      .map((a) => a.description)
      .join("\n");
  return rows.flatMap(({ request: r, ...row }) =>
    r
      ? [
          {
            id: row.id,
            createdAt: row.createdAt,
            categories: row.categories,
            hits: hitsOf(row.hits),
            request: { id: r.id, code: r.code, closesAt: r.closesAt, enterprise: r.enterprise.name, item: r.item },
            texts: {
              ...requestTexts({ ...r, qualificationReqs: qualificationsOf(r.qualificationReqs) }),
              attachments: attachmentText(r.id),
            } as Record<string, string>,
          },
        ]
      : [],
  );
}

export type FairnessQueueEntry = Awaited<ReturnType<typeof fairnessQueue>>[number];

/** The latest review of a request (for its owner and the regulator), or null. */
export async function latestFairnessReview(db: Db, requestId: string) {
  const row = await db.fairnessReview.findFirst({
    where: { requestId },
    orderBy: { createdAt: "desc" },
    select: { outcome: true, hits: true, reason: true, createdAt: true, decidedAt: true },
  });
  return row ? { ...row, hits: hitsOf(row.hits) } : null;
}

const OUTCOMES = ["REFUSED", "PENDING", "PUBLISHED", "RETURNED", "WITHDRAWN"] as const;
type ReviewOutcome = (typeof OUTCOMES)[number];

/** Dashboard figures: reviews by outcome, and by category (a review counts once in each of its categories). */
export async function fairnessStats(db: Db) {
  const rows = await db.$queryRaw<{ outcome: ReviewOutcome; category: string | null; n: bigint }[]>`
    SELECT outcome::text AS outcome, c AS category, COUNT(*)::bigint AS n
    FROM "FairnessReview" LEFT JOIN LATERAL unnest(categories) AS c ON true
    GROUP BY 1, 2`;
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<ReviewOutcome, number>;
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, Object.fromEntries(OUTCOMES.map((o) => [o, 0]))])) as Record<
    Category,
    Record<ReviewOutcome, number>
  >;
  const reviews = await db.fairnessReview.groupBy({ by: ["outcome"], _count: { _all: true } });
  for (const r of reviews) byOutcome[r.outcome] = r._count._all;
  for (const r of rows) if (r.category && r.category in byCategory) byCategory[r.category as Category][r.outcome] += Number(r.n);
  return { byOutcome, byCategory };
}
