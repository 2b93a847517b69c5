/**
 * Agencies leaving (自愿退出) while they bid, on two app instances at once.
 * Real PostgreSQL only (TEST_DB=postgres): PGlite serializes every transaction.
 *
 * Twenty agencies each fire bids at eight open requests from one instance
 * while the other instance asks, again and again, for the same agency to exit.
 * The exit counts open bids after locking the agency row and bids take that
 * row FOR SHARE, so whichever commits first wins. Afterwards, for every agency:
 *   - EXITED ⇒ no SUBMITTED bid on an open request (nothing slipped in after),
 *   - still LISTED ⇒ its exits were all refused because of a bid that exists,
 *   - every refused bid of an exited agency was refused as not listed,
 *   - no deadlock, lock timeout or unexpected error on either side,
 * and the audit chains verify.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "~/db/client.server";
import { isDomainError } from "~/lib/errors";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { exitAgency } from "~/services/agencies/exit.server";
import { submitBid } from "~/services/requests/bids.server";
import { hashPassword } from "~/lib/password.server";
import { seedCatalogue } from "../../seeds/seed";
import { createTestDb } from "../support/db";
import { bulkListedAgencies, testDatabaseUrl, type LoadAgency } from "../support/load-fixtures";
import { enterpriseUser, openRequest, SURVEY } from "../support/requests";

const onPostgres = process.env.TEST_DB === "postgres";
if (!onPostgres)
  console.warn("\n!!! tests/load/exit-race.test.ts needs real PostgreSQL (TEST_DB=postgres TEST_DATABASE_URL=…): SKIPPED !!!\n");

const AGENCIES = 20;
const REQUESTS = 8;

describe.skipIf(!onPostgres)("voluntary exit racing bids", () => {
  let mine: Awaited<ReturnType<typeof createTestDb>>;
  let a: Awaited<ReturnType<typeof openPostgres>>;
  let b: Awaited<ReturnType<typeof openPostgres>>;

  beforeAll(async () => {
    mine = await createTestDb();
    await seedCatalogue(mine.prisma);
    const url = testDatabaseUrl(mine.name);
    a = await openPostgres(url, { migrate: false });
    b = await openPostgres(url, { migrate: false });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await mine?.close();
  });

  it("an exit and a bid never both land: no exited agency keeps an open bid", async () => {
    const db = mine.prisma;
    const owner = await enterpriseUser(db);
    const requests: string[] = [];
    for (let i = 0; i < REQUESTS; i++) requests.push((await openRequest(db, owner, { title: `退出竞态测试项目${i}` })).id);
    const agencies: LoadAgency[] = await bulkListedAgencies(testDatabaseUrl(mine.name), AGENCIES, {
      itemCode: SURVEY,
      passwordHash: await hashPassword("x-Load-2026"),
    });

    const unexpected: string[] = [];
    const refusedBids = new Map<string, string[]>();
    const exits = new Map<string, { ok: number; refused: number }>();

    await Promise.all(
      agencies.map(async (agency, n) => {
        let firstBid!: () => void;
        const firstBidDone = new Promise<void>((r) => (firstBid = r));
        const bids = (async () => {
          // Half the agencies start bidding a moment late, so both orders happen.
          if (n % 2 === 0) await new Promise((r) => setTimeout(r, 3 * (n % 5)));
          for (let i = 0; i < REQUESTS; i++) {
            try {
              await submitBid(a.prisma, agency.user, requests[(i + n) % REQUESTS]!, {
                amountFen: BigInt(50_000_00 + i),
                serviceDays: 20,
                proposal: "竞态测试报价",
              });
            } catch (error) {
              if (isDomainError(error) && error.status === 403)
                (refusedBids.get(agency.agencyId) ?? refusedBids.set(agency.agencyId, []).get(agency.agencyId)!).push(error.message);
              else unexpected.push(`bid: ${String(error)}`);
            } finally {
              firstBid();
            }
          }
        })();
        const leaving = (async () => {
          const tally = { ok: 0, refused: 0 };
          exits.set(agency.agencyId, tally);
          // Even agencies try to leave at once, racing their own bids; odd ones once their first bid is in (then every exit must be refused).
          if (n % 2) await firstBidDone;
          for (let i = 0; i < 6 && tally.ok === 0; i++) {
            try {
              await exitAgency(b.prisma, agency.user, "竞态测试");
              tally.ok++;
            } catch (error) {
              if (isDomainError(error) && error.status === 409) tally.refused++;
              else unexpected.push(`exit: ${String(error)}`);
            }
          }
        })();
        await Promise.all([bids, leaving]);
      }),
    );

    expect(unexpected).toEqual([]);
    let exited = 0;
    for (const agency of agencies) {
      const row = await db.agency.findUniqueOrThrow({ where: { id: agency.agencyId }, select: { status: true } });
      const open = await db.bid.count({ where: { agencyId: agency.agencyId, status: "SUBMITTED", request: { status: "OPEN" } } });
      if (row.status === "EXITED") {
        exited++;
        expect(open, `exited agency ${agency.agencyId} kept an open bid`).toBe(0);
        // Its later bids were refused because it is no longer listed.
        for (const key of refusedBids.get(agency.agencyId) ?? []) expect(key).toBe("requests.errors.notEligible");
        expect(exits.get(agency.agencyId)!.ok).toBe(1);
      } else {
        expect(row.status).toBe("LISTED");
        expect(open, `listed agency ${agency.agencyId} was refused an exit without an open bid`).toBeGreaterThan(0);
        expect(exits.get(agency.agencyId)!.ok).toBe(0);
      }
    }
    // Both outcomes happen, or the test did not race anything.
    console.log(`[exit-race] ${exited} of ${AGENCIES} agencies exited; ${AGENCIES - exited} kept bidding`);
    expect(exited).toBeGreaterThan(0);
    expect(exited).toBeLessThan(AGENCIES);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });
});
