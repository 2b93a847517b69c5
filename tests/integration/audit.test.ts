import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { appendAudit, checkpointAudit, verifyAuditLog } from "~/services/audit/audit.server";

async function record(aggregateId: string, event: string, n = 1) {
  const db = await getDb();
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      appendAudit(tx, { aggregateType: "test", aggregateId, fromState: "A", event, toState: "B", actorId: null, payload: { i } }),
    );
  }
}

describe("hash-chained audit log", () => {
  it("chains events per aggregate and verifies", async () => {
    await record("agg-1", "E", 3);
    await record("agg-2", "E", 2);
    const db = await getDb();
    const chain = await db.auditEvent.findMany({ where: { aggregateId: "agg-1" }, orderBy: { seq: "asc" } });
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    const result = await verifyAuditLog(db);
    expect(result.ok).toBe(true);
    expect(result.chains).toBeGreaterThanOrEqual(2);
  });

  it("detects an edited row", async () => {
    await record("agg-edit", "E", 3);
    const db = await getDb();
    const row = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: "agg-edit", seq: 2 } });
    await db.auditEvent.update({ where: { id: row.id }, data: { payload: { i: 99 } } });
    const result = await verifyAuditLog(db);
    expect(result.ok).toBe(false);
    expect(result.errors.join("\n")).toContain("test:agg-edit #2");
  });

  it("detects a deleted row", async () => {
    await record("agg-del", "E", 3);
    const db = await getDb();
    await db.auditEvent.deleteMany({ where: { aggregateId: "agg-del", seq: 2 } });
    expect((await verifyAuditLog(db)).ok).toBe(false);
  });

  it("concurrent appends to one aggregate keep a dense chain", async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => record("agg-race", `E${i}`)));
    const db = await getDb();
    const seqs = (await db.auditEvent.findMany({ where: { aggregateId: "agg-race" }, orderBy: { seq: "asc" } })).map((e) => e.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("checkpoints a Merkle root that changes when a head changes", async () => {
    await record("agg-cp", "E");
    const db = await getDb();
    const a = await checkpointAudit(db);
    await record("agg-cp", "F");
    const b = await checkpointAudit(db);
    expect(a.root).toMatch(/^[0-9a-f]{64}$/);
    expect(b.root).not.toBe(a.root);
  });
});
