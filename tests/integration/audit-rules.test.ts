// The audit chain's rules, checked event by event: numbering from 1 per
// aggregate, each row's prevHash and hash, exactly which error a tampered row
// produces, verification across the 1,000-row pages, and the checkpoint's
// Merkle root over the chain heads. Tests restore what they tamper with, so
// each holds on its own.
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { appendAudit, checkpointAudit, verifyAuditLog } from "~/services/audit/audit.server";
import { auditHash, GENESIS } from "~/services/audit/hash";
import { eventLeafHash, rootOfLeafHashes } from "~/lib/merkle";

const append = async (aggregateId: string, event: string, payload: unknown = { event }, aggregateType = "rules") => {
  const db = await getDb();
  await db.$transaction((tx) =>
    appendAudit(tx, { aggregateType, aggregateId, fromState: "A", event, toState: "B", actorId: "actor-1", payload }),
  );
};
const chainOf = async (aggregateId: string, aggregateType = "rules") =>
  (await getDb()).auditEvent.findMany({ where: { aggregateType, aggregateId }, orderBy: { seq: "asc" } });
const errorsFor = async (key: string) => (await verifyAuditLog(await getDb())).errors.filter((e) => e.startsWith(`${key} `));

describe("appending", () => {
  it("numbers each aggregate's chain from 1, starting at GENESIS, each hash over the previous one", async () => {
    await append("chain-a", "E1");
    await append("chain-b", "E1");
    await append("chain-a", "E2");
    const a = await chainOf("chain-a");
    const b = await chainOf("chain-b");
    expect(a.map((e) => [e.seq, e.event])).toEqual([
      [1, "E1"],
      [2, "E2"],
    ]);
    expect(b.map((e) => e.seq)).toEqual([1]);
    expect(a[0]!.prevHash).toBe(GENESIS);
    expect(a[1]!.prevHash).toBe(a[0]!.hash);
    for (const row of [...a, ...b]) {
      expect(row.hash).toBe(auditHash(row.prevHash, { ...row, payload: row.payload }));
      expect(row).toMatchObject({ aggregateType: "rules", fromState: "A", toState: "B", actorId: "actor-1" });
    }
    expect(a[0]!.payload).toEqual({ event: "E1" });
  });
  it("stamps events with the database clock, in order", async () => {
    const before = Date.now();
    await append("clock", "E1");
    await append("clock", "E2");
    const [first, second] = await chainOf("clock");
    expect(first!.at.getTime()).toBeGreaterThanOrEqual(before - 60_000);
    expect(second!.at.getTime()).toBeGreaterThanOrEqual(first!.at.getTime());
  });
});

describe("verifying", () => {
  it("counts every event and every chain", async () => {
    const db = await getDb();
    const before = await verifyAuditLog(db);
    await append("count-1", "E1");
    await append("count-1", "E2");
    await append("count-2", "E1");
    const after = await verifyAuditLog(db);
    expect(after).toMatchObject({ ok: true, errors: [] });
    expect(after.events - before.events).toBe(3);
    expect(after.chains - before.chains).toBe(2);
  });
  it("an edited row is named with its own hash mismatch only", async () => {
    await append("edit", "E1");
    await append("edit", "E2");
    await append("edit", "E3");
    const db = await getDb();
    const row = (await chainOf("edit"))[1]!;
    await db.auditEvent.update({ where: { id: row.id }, data: { payload: { event: "forged" } } });
    try {
      expect(await errorsFor("rules:edit")).toEqual(["rules:edit #2: hash mismatch (row was altered)"]);
    } finally {
      await db.auditEvent.update({ where: { id: row.id }, data: { payload: row.payload as object } });
    }
    expect(await errorsFor("rules:edit")).toEqual([]);
  });
  it("a deleted row breaks the numbering and the link of the next one", async () => {
    await append("delete", "E1");
    await append("delete", "E2");
    await append("delete", "E3");
    const db = await getDb();
    const row = (await chainOf("delete"))[1]!;
    await db.auditEvent.delete({ where: { id: row.id } });
    try {
      expect(await errorsFor("rules:delete")).toEqual([
        "rules:delete #3: expected seq 2",
        "rules:delete #3: prevHash does not match the previous event",
      ]);
    } finally {
      await db.auditEvent.create({ data: { ...row, payload: row.payload as object } });
    }
  });
  it("a rewritten chain (edited row with recomputed hash) still breaks at the next link", async () => {
    await append("rewrite", "E1");
    await append("rewrite", "E2");
    const db = await getDb();
    const [first] = await chainOf("rewrite");
    const forged = { ...first!, payload: { event: "forged" } };
    await db.auditEvent.update({ where: { id: first!.id }, data: { payload: forged.payload, hash: auditHash(first!.prevHash, forged) } });
    try {
      expect(await errorsFor("rules:rewrite")).toEqual(["rules:rewrite #2: prevHash does not match the previous event"]);
    } finally {
      await db.auditEvent.update({ where: { id: first!.id }, data: { payload: first!.payload as object, hash: first!.hash } });
    }
  });
  it("verifies across pages of 1,000 rows without counting a row twice", async () => {
    const db = await getDb();
    const before = await verifyAuditLog(db);
    let prevHash = GENESIS;
    const at = new Date("2026-11-26T08:00:00Z");
    const rows = [];
    for (let seq = 1; seq <= 2005; seq++) {
      const fields = {
        aggregateType: "bulk",
        aggregateId: "pages",
        seq,
        fromState: null,
        event: "E",
        toState: null,
        actorId: null,
        at,
        payload: { seq },
      };
      const hash = auditHash(prevHash, fields);
      rows.push({ ...fields, prevHash, hash });
      prevHash = hash;
    }
    await db.auditEvent.createMany({ data: rows });
    const after = await verifyAuditLog(db);
    expect(after.errors).toEqual([]);
    expect(after.events - before.events).toBe(2005);
    expect(after.chains - before.chains).toBe(1);
  });
});

describe("checkpoints", () => {
  it("publishes the Merkle root over every event in log order, and every chain's length and latest hash", async () => {
    await append("cp-2", "E1");
    await append("cp-1", "E1");
    await append("cp-1", "E2");
    const db = await getDb();
    const cp = await checkpointAudit(db);
    const all = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    const heads = new Map<string, { seq: number; hash: string }>();
    for (const e of all) heads.set(`${e.aggregateType}:${e.aggregateId}`, { seq: e.seq, hash: e.hash });
    const sorted = [...heads.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(cp.heads).toEqual(Object.fromEntries(sorted));
    // The signed root is the RFC 9162 tree over every event in log order (decision 023).
    const log = await db.auditEvent.findMany({ orderBy: { logIndex: "asc" } });
    expect(log.map((e) => Number(e.logIndex))).toEqual(log.map((_, i) => i));
    expect(cp.treeSize).toBe(BigInt(log.length));
    expect(cp.root).toBe(rootOfLeafHashes(log.map((e) => eventLeafHash(e.hash))));
    expect((cp.heads as Record<string, { seq: number; hash: string }>)["rules:cp-1"]).toEqual({
      seq: 2,
      hash: (await chainOf("cp-1"))[1]!.hash,
    });
  });
});
