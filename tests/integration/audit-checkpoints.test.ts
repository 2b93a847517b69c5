import { createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import type { AuditEvent } from "~/generated/prisma/client";
import { loader as feedLoader } from "~/routes/audit.checkpoints.json";
import { appendAudit, checkpointAudit, checkpointIfDue, verifyAuditLog } from "~/services/audit/audit.server";
import { getRequest, routeArgs } from "../support/http";

/**
 * Deletions a chain recomputation cannot see, caught by earlier checkpoints:
 * the last events of a chain, or a whole chain. Each test puts the deleted rows
 * back, so the log verifies again for the next one (and so the check is shown
 * to depend on exactly those rows).
 */
async function record(aggregateId: string, n: number) {
  const db = await getDb();
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      appendAudit(tx, { aggregateType: "cp", aggregateId, fromState: "A", event: `E${i}`, toState: "B", actorId: null, payload: { i } }),
    );
  }
}

async function remove(where: { aggregateId: string; seq?: { gte: number } }): Promise<AuditEvent[]> {
  const db = await getDb();
  const rows = await db.auditEvent.findMany({ where: { aggregateType: "cp", ...where }, orderBy: { id: "asc" } });
  await db.auditEvent.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  return rows;
}

async function restore(rows: AuditEvent[]) {
  const db = await getDb();
  await db.auditEvent.createMany({ data: rows.map((r) => ({ ...r, payload: r.payload ?? {} })) });
}

describe("audit checkpoints catch deletions", () => {
  it("without a checkpoint, a deleted tail still verifies (what checkpoints are for)", async () => {
    await record("tail-0", 3);
    const rows = await remove({ aggregateId: "tail-0", seq: { gte: 3 } });
    expect((await verifyAuditLog(await getDb())).ok).toBe(true);
    await restore(rows);
  });

  it("the last event of a chain deleted after a checkpoint is named, with the length the checkpoint saw", async () => {
    await record("tail-1", 3);
    const db = await getDb();
    const cp = await checkpointAudit(db);
    expect((await verifyAuditLog(db)).ok).toBe(true);
    const rows = await remove({ aggregateId: "tail-1", seq: { gte: 3 } });
    const broken = await verifyAuditLog(db);
    expect(broken.ok).toBe(false);
    expect(broken.errors).toHaveLength(2);
    expect(broken.errors[0]).toMatch(
      new RegExp(`^cp:tail-1: checkpoint ${cp.id} .* recorded 3 event\\(s\\) ending in ${rows[0]!.hash.slice(0, 16)}`),
    );
    // The signed tree head sees it too: the log is one event short of the tree the checkpoint signed.
    expect(broken.errors[1]).toBe(
      `checkpoint ${cp.id} (${cp.createdAt.toISOString()}) signed ${cp.treeSize} events, the log holds ${Number(cp.treeSize) - 1} up to that size: events were deleted`,
    );
    await restore(rows);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("a whole chain deleted after a checkpoint is named", async () => {
    await record("whole", 3);
    const db = await getDb();
    await checkpointAudit(db);
    const rows = await remove({ aggregateId: "whole" });
    const broken = await verifyAuditLog(db);
    expect(broken.ok).toBe(false);
    expect(broken.errors.filter((e) => e.startsWith("cp:whole: checkpoint "))).toHaveLength(1);
    expect(broken.errors.filter((e) => !e.startsWith("cp:whole: checkpoint ")).join("\n")).toMatch(/events were deleted/);
    await restore(rows);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("a chain rewritten with valid hashes but fewer events is caught", async () => {
    await record("rewrite", 3);
    const db = await getDb();
    await checkpointAudit(db);
    const rows = await remove({ aggregateId: "rewrite" });
    await record("rewrite", 2); // a consistent, shorter history
    const broken = await verifyAuditLog(db);
    expect(broken.ok).toBe(false);
    expect(broken.errors.join("\n")).toContain("cp:rewrite: checkpoint ");
    await remove({ aggregateId: "rewrite" });
    await restore(rows);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("heads of checkpoints from before lengths were recorded are still checked by hash", async () => {
    await record("legacy", 2);
    const db = await getDb();
    const head = await db.auditEvent.findFirstOrThrow({ where: { aggregateType: "cp", aggregateId: "legacy", seq: 2 } });
    await db.auditCheckpoint.create({ data: { root: "0".repeat(64), heads: { "cp:legacy": head.hash } } });
    const rows = await remove({ aggregateId: "legacy", seq: { gte: 2 } });
    const broken = await verifyAuditLog(db);
    expect(broken.errors.filter((e) => e.startsWith("cp:legacy"))).toEqual([
      expect.stringMatching(/^cp:legacy: checkpoint \d+ .* recorded a head /),
    ]);
    await restore(rows);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("the scheduler takes one checkpoint per interval, however many instances ask at once", async () => {
    const db = await getDb();
    await record("sched", 1);
    await checkpointAudit(db);
    expect(await checkpointIfDue(db, 3_600_000)).toBe(false);
    // Sixty-one minutes later by the database clock (the rows are moved back, and put right below:
    // a checkpoint whose time differs from the time it signed is itself reported as altered).
    const shifted = (await db.auditCheckpoint.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    await db.$executeRaw`UPDATE "AuditCheckpoint" SET "createdAt" = "createdAt" - interval '61 minutes'`;
    const before = await db.auditCheckpoint.count();
    const results = await Promise.all(Array.from({ length: 4 }, () => checkpointIfDue(db, 3_600_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.auditCheckpoint.count()).toBe(before + 1);
    const newest = await db.auditCheckpoint.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect((newest.heads as Record<string, { seq: number }>)["cp:sched"]).toMatchObject({ seq: 1 });
    expect((await verifyAuditLog(db)).errors.join("\n")).toContain("the time shown is not the time signed");
    await db.$executeRaw`UPDATE "AuditCheckpoint" SET "createdAt" = "createdAt" + interval '61 minutes' WHERE id <= ${shifted}`;
    expect((await verifyAuditLog(db)).errors).toEqual([]);
  });

  it("checkpoints are signed and published: anyone verifies the statement with the published key; a changed statement fails", async () => {
    await record("signed", 2);
    const db = await getDb();
    const cp = await checkpointAudit(db);
    const res = (await feedLoader(routeArgs(getRequest("/audit/checkpoints.json")))) as Response;
    expect(res.status).toBe(200);
    const feed = (await res.json()) as {
      checkpoints: { id: string; root: string; statement: string; signature: string; keyId: string }[];
      keys: { keyId: string; publicKeyPem: string }[];
    };
    const published = feed.checkpoints.find((c) => c.id === cp.id.toString())!;
    expect(published.root).toBe(cp.root);
    const statement = JSON.parse(published.statement) as { root: string; chains: number; treeSize: number; createdAt: string; v: number };
    expect(statement).toMatchObject({ root: cp.root, createdAt: cp.createdAt.toISOString() });
    const heads = Object.values(cp.heads as Record<string, { seq: number }>);
    expect(statement.chains).toBe(heads.length);
    expect(statement.v).toBe(2);
    expect(statement.treeSize).toBe(Number(cp.treeSize));
    expect(statement.treeSize).toBeGreaterThanOrEqual(heads.reduce((n, h) => n + h.seq, 0));
    // Plain node:crypto, as an outsider with the published key would.
    const key = feed.keys.find((k) => k.keyId === published.keyId)!;
    const check = (text: string) =>
      verify(null, Buffer.from(text, "utf8"), createPublicKey(key.publicKeyPem), Buffer.from(published.signature, "base64"));
    expect(check(published.statement)).toBe(true);
    expect(check(published.statement.replace(cp.root, "0".repeat(64)))).toBe(false);
  });
});
