import { describe, expect, it } from "vitest";
import { ocdsErrors } from "../../../tests/support/ocds";
import { buildProcess, type ChainEvent, type ProcessFacts } from "./build";

const T0 = Date.parse("2026-03-02T02:00:00Z");
const at = (h: number) => new Date(T0 + h * 3600_000);
let nextId = 100n;

function ev(seq: number, event: string, fromState: string | null, toState: string | null, h: number, payload: object = {}): ChainEvent {
  return { id: nextId++, seq, event, fromState, toState, at: at(h), payload };
}

function facts(events: ChainEvent[], over: Partial<ProcessFacts["request"]> = {}): ProcessFacts {
  return {
    ocid: "ocds-xxxxxx-ZJ20260302-ABCDEF",
    origin: "https://zj.example",
    request: {
      id: "r1",
      code: "ZJ20260302-ABCDEF",
      title: "测试项目",
      description: "说明",
      fundingSource: "ENTERPRISE",
      selectionMethod: "LOWEST_PRICE",
      priceCapFen: 10_000_000n,
      minBidders: 1,
      serviceDays: 10,
      publicityDays: 3,
      closesAt: at(24),
      round: 1,
      qualificationReqs: [],
      item: { code: "ZJ-PT-001", name: "土地勘测", nameEn: "Land survey" },
      enterprise: { id: "o1", name: "张三", kind: "NATURAL_PERSON", creditCode: null },
      ...over,
    },
    previous: null,
    events,
    agencies: new Map([["a1", { name: "甲测绘有限公司", creditCode: "91330100MA7410201X" }]]),
    disqualified: [],
    awardNotices: [],
  };
}

/** Everything the builder published, as text. */
const text = (out: ReturnType<typeof buildProcess>) => JSON.stringify([out.releases.map((r) => r.release), out.compiled]);

const entrants = { entrants: [{ bidId: "b1", agencyId: "a1", amountFen: "8765432", serviceDays: 9, submittedAt: at(2).toISOString() }] };

describe("buildProcess", () => {
  it("publishes nothing for a request cancelled or edited before publication", () => {
    const out = buildProcess(
      facts([
        ev(1, "CREATE", null, "DRAFT", 0),
        ev(2, "EDIT", "DRAFT", "DRAFT", 1),
        ev(3, "CANCEL", "DRAFT", "CANCELLED", 2, { reason: "x" }),
      ]),
    );
    expect(out).toEqual({ releases: [], compiled: null });
  });

  it("never states a bid amount before CLOSE, whatever the earlier events carry", () => {
    const out = buildProcess(
      facts([
        ev(1, "CREATE", null, "DRAFT", 0),
        ev(2, "PUBLISH", "DRAFT", "OPEN", 1, { closesAt: at(24).toISOString(), commitment: null }),
        ev(3, "BID_SUBMITTED", null, "SUBMITTED", 2, { bidId: "b1", agencyId: "a1", amountFen: "8765432" }),
        // An award-shaped event without a CLOSE before it names no amount either.
        ev(4, "SELECT", "CLOSED", "AWARD_PUBLICITY", 3, { winnerBidId: "b1" }),
      ]),
    );
    expect(text(out)).not.toContain("87654.32");
    expect(out.releases.map((r) => r.release.tag)).toEqual([["planning", "tender"]]);
  });

  it("a recorded contract (合同备案) updates the contract's value, signing date and term, and stays valid OCDS", () => {
    const out = buildProcess(
      facts([
        ev(1, "CREATE", null, "DRAFT", 0),
        ev(2, "PUBLISH", "DRAFT", "OPEN", 1, { closesAt: at(24).toISOString(), commitment: null }),
        ev(3, "CLOSE", "OPEN", "CLOSED", 24, entrants),
        ev(4, "SELECT", "CLOSED", "AWARD_PUBLICITY", 24, { winnerBidId: "b1", draw: null }),
        ev(5, "CONFIRM_CONTRACT", "AWARD_PUBLICITY", "CONTRACTED", 98, { side: "AGENCY" }),
        ev(6, "START_SERVICE", "CONTRACTED", "IN_SERVICE", 98, { serviceDays: 9, dueAt: at(98 + 216).toISOString() }),
        ev(7, "RECORD_CONTRACT", "IN_SERVICE", "IN_SERVICE", 100, {
          amountFen: "8000000",
          signedOn: "2026-03-06",
          startsOn: "2026-03-07",
          endsOn: "2026-03-31",
          documentId: "d1",
        }),
      ]),
    );
    expect(out.releases.at(-1)!.release.tag).toEqual(["contractUpdate"]);
    const c = (out.compiled! as unknown as { contracts: Record<string, unknown>[] }).contracts[0]!;
    expect(c).toMatchObject({
      value: { amount: 80000, currency: "CNY" },
      dateSigned: "2026-03-05T16:00:00.000Z",
      period: { startDate: "2026-03-06T16:00:00.000Z", endDate: "2026-03-31T15:59:59.000Z" },
      documents: [{ documentType: "contractSigned" }],
    });
    expect(text(out)).not.toContain("d1");
    const releases = [...out.releases.map((r) => r.release), out.compiled!];
    expect(ocdsErrors({ version: "1.1", releases } as never, "release")).toEqual([]);
  });

  it("an amended contract record (合同备案变更): contractAmendment with the facts after it and the reason, still valid OCDS", () => {
    const out = buildProcess(
      facts([
        ev(1, "CREATE", null, "DRAFT", 0),
        ev(2, "PUBLISH", "DRAFT", "OPEN", 1, { closesAt: at(24).toISOString(), commitment: null }),
        ev(3, "CLOSE", "OPEN", "CLOSED", 24, entrants),
        ev(4, "SELECT", "CLOSED", "AWARD_PUBLICITY", 24, { winnerBidId: "b1", draw: null }),
        ev(5, "CONFIRM_CONTRACT", "AWARD_PUBLICITY", "CONTRACTED", 98, { side: "AGENCY" }),
        ev(6, "START_SERVICE", "CONTRACTED", "IN_SERVICE", 98, { serviceDays: 9, dueAt: at(98 + 216).toISOString() }),
        ev(7, "RECORD_CONTRACT", "IN_SERVICE", "IN_SERVICE", 100, {
          amountFen: "8000000",
          signedOn: "2026-03-06",
          startsOn: "2026-03-07",
          endsOn: "2026-03-31",
          documentId: "d1",
        }),
        ev(8, "AMEND_CONTRACT", "IN_SERVICE", "IN_SERVICE", 120, {
          amountFen: "7500000",
          signedOn: "2026-03-06",
          startsOn: "2026-03-07",
          endsOn: "2026-04-15",
          previousAmountFen: "8000000",
          previousSignedOn: "2026-03-06",
          previousStartsOn: "2026-03-07",
          previousEndsOn: "2026-03-31",
          newFile: true,
          reason: "补充协议：调减金额并延长履行期限",
          documentId: "d2",
        }),
      ]),
    );
    expect(out.releases.at(-1)!.release.tag).toEqual(["contractAmendment"]);
    const c = (out.compiled! as unknown as { contracts: Record<string, unknown>[] }).contracts[0]!;
    expect(c).toMatchObject({
      value: { amount: 75000, currency: "CNY" },
      period: { endDate: "2026-04-15T15:59:59.000Z" },
      amendments: [{ rationale: "补充协议：调减金额并延长履行期限" }],
    });
    expect((c.amendments as { description: string }[])[0]!.description).toContain("80000 → 75000 CNY");
    expect(text(out)).not.toContain("d2");
    const releases = [...out.releases.map((r) => r.release), out.compiled!];
    expect(ocdsErrors({ version: "1.1", releases } as never, "release")).toEqual([]);
  });

  it("a terminated contract: contractTermination, contract terminated and incomplete, the delivery not met", () => {
    const out = buildProcess(
      facts([
        ev(1, "CREATE", null, "DRAFT", 0),
        ev(2, "PUBLISH", "DRAFT", "OPEN", 1, { closesAt: at(24).toISOString(), commitment: null }),
        ev(3, "CLOSE", "OPEN", "CLOSED", 24, entrants),
        ev(4, "SELECT", "CLOSED", "AWARD_PUBLICITY", 24, { winnerBidId: "b1", draw: null }),
        ev(5, "PUBLICITY_ENDED", "AWARD_PUBLICITY", "AWARD_PUBLICITY", 96),
        ev(6, "CONFIRM_CONTRACT", "AWARD_PUBLICITY", "AWARD_PUBLICITY", 97, { side: "ENTERPRISE" }),
        ev(7, "CONFIRM_CONTRACT", "AWARD_PUBLICITY", "CONTRACTED", 98, { side: "AGENCY" }),
        ev(8, "START_SERVICE", "CONTRACTED", "IN_SERVICE", 98, { serviceDays: 9, dueAt: at(98 + 216).toISOString() }),
        ev(9, "TERMINATE", "IN_SERVICE", "TERMINATED", 120, { reason: "机构被暂停" }),
      ]),
    );
    expect(out.releases.map((r) => r.release.tag.join("+"))).toEqual([
      "planning+tender",
      "tenderUpdate",
      "award",
      "awardUpdate",
      "contract",
      "implementation",
      "contractTermination",
    ]);
    const c = out.compiled! as unknown as {
      contracts: { status: string; finalStatus: string; value: { amount: number }; implementation: { milestones: { status: string }[] } }[];
      buyer: { name: string };
      parties: { roles: string[]; identifier?: unknown; name: string }[];
    };
    expect(c.contracts[0]).toMatchObject({ status: "terminated", finalStatus: "incomplete", value: { amount: 87654.32 } });
    expect(c.contracts[0]!.implementation.milestones[0]!.status).toBe("notMet");
    // A natural person is not named.
    expect(c.buyer.name).not.toContain("张三");
    expect(text(out)).not.toContain("张三");
    expect(c.parties[1]).toMatchObject({ name: "甲测绘有限公司", roles: ["tenderer", "supplier"] });
    // Valid OCDS, codelists included.
    const releases = [...out.releases.map((r) => r.release), out.compiled!];
    expect(ocdsErrors({ version: "1.1", releases } as never, "release")).toEqual([]);
    // Release ids: ocid, event, seq; unique.
    expect(out.releases.map((r) => r.release.id)).toContain("ocds-xxxxxx-ZJ20260302-ABCDEF-terminate-9");
  });

  it("each release is its own copy: a later event does not change an earlier release", () => {
    const out = buildProcess(
      facts([
        ev(1, "PUBLISH", "DRAFT", "OPEN", 1, { closesAt: at(24).toISOString(), commitment: null }),
        ev(2, "CLOSE", "OPEN", "CLOSED", 24, entrants),
        ev(3, "SELECT", "CLOSED", "AWARD_PUBLICITY", 24, { winnerBidId: "b1", draw: null }),
        ev(4, "PUBLICITY_ENDED", "AWARD_PUBLICITY", "AWARD_PUBLICITY", 96),
      ]),
    );
    const award = (i: number) => (out.releases[i]!.release.awards as { status: string }[])[0]!.status;
    expect(award(2)).toBe("pending");
    expect(award(3)).toBe("active");
  });
});
