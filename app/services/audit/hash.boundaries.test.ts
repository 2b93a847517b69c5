// The audit chain's hash and the published Merkle root, checked against their
// documented definitions (what an outside auditor recomputes):
//   hash = SHA-256(prevHash ‖ canonical JSON of the event's fields), hex
//   leaf = SHA-256(0x00 ‖ head), node = SHA-256(0x01 ‖ left ‖ right), an odd
//   node is paired with itself, no leaves → GENESIS.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "~/lib/canonical-json";
import { auditHash, GENESIS, merkleRoot, type AuditFields } from "./hash";

const sha = (...parts: string[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex");
};

const event: AuditFields = {
  aggregateType: "request",
  aggregateId: "req-1",
  seq: 3,
  fromState: "OPEN",
  event: "CLOSE",
  toState: "CLOSED",
  actorId: "user-9",
  at: new Date("2026-11-26T08:00:00.123Z"),
  payload: { bids: 4, note: "截止" },
};

describe("audit hash", () => {
  it("GENESIS is 64 zero hex digits", () => {
    expect(GENESIS).toBe("0".repeat(64));
    expect(GENESIS).toMatch(/^0{64}$/);
  });

  it("is SHA-256 over the previous hash and the canonical JSON of every field", () => {
    const prev = "ab".repeat(32);
    const body = canonicalJson({
      aggregateType: "request",
      aggregateId: "req-1",
      seq: 3,
      fromState: "OPEN",
      event: "CLOSE",
      toState: "CLOSED",
      actorId: "user-9",
      at: "2026-11-26T08:00:00.123Z",
      payload: { bids: 4, note: "截止" },
    });
    expect(auditHash(prev, event)).toBe(sha(prev, body));
    expect(auditHash(prev, event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when the previous hash or any one field changes", () => {
    const base = auditHash(GENESIS, event);
    const variants: Partial<AuditFields>[] = [
      { aggregateType: "agency" },
      { aggregateId: "req-2" },
      { seq: 4 },
      { fromState: null },
      { event: "CANCEL" },
      { toState: null },
      { actorId: null },
      { at: new Date("2026-11-26T08:00:00.124Z") },
      { payload: { bids: 5, note: "截止" } },
      { payload: null },
    ];
    for (const v of variants) expect(auditHash(GENESIS, { ...event, ...v }), JSON.stringify(v)).not.toBe(base);
    expect(auditHash("f".repeat(64), event)).not.toBe(base);
  });

  it("an absent payload hashes as null", () => {
    expect(auditHash(GENESIS, { ...event, payload: undefined })).toBe(auditHash(GENESIS, { ...event, payload: null }));
    expect(auditHash(GENESIS, { ...event, payload: undefined })).toBe(
      sha(GENESIS, canonicalJson({ ...event, at: event.at.toISOString(), payload: null })),
    );
  });
});

describe("Merkle root over chain heads", () => {
  const leaf = (l: string) => createHash("sha256").update("\x00").update(l).digest("hex");
  const node = (a: string, b: string) => createHash("sha256").update("\x01").update(a).update(b).digest("hex");
  const heads = ["agency:1", "case:2", "request:3", "request:4", "user:5"];

  it("no leaves → GENESIS; one leaf → its leaf hash", () => {
    expect(merkleRoot([])).toBe(GENESIS);
    expect(merkleRoot(["agency:1"])).toBe(leaf("agency:1"));
  });
  it("two leaves → one node", () => {
    expect(merkleRoot(heads.slice(0, 2))).toBe(node(leaf(heads[0]!), leaf(heads[1]!)));
  });
  it("an odd node is paired with itself, level by level", () => {
    const [a, b, c, d, e] = heads.map(leaf) as [string, string, string, string, string];
    expect(merkleRoot(heads.slice(0, 3))).toBe(node(node(a, b), node(c, c)));
    expect(merkleRoot(heads.slice(0, 4))).toBe(node(node(a, b), node(c, d)));
    expect(merkleRoot(heads)).toBe(node(node(node(a, b), node(c, d)), node(node(e, e), node(e, e))));
  });
  it("depends on the order of the leaves", () => {
    expect(merkleRoot([heads[1]!, heads[0]!])).not.toBe(merkleRoot(heads.slice(0, 2)));
  });
});
