import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import type { AuditEvent } from "~/generated/prisma/client";
import {
  checkCheckpointList,
  verifyConsistencyDocument,
  verifyInclusionDocument,
  type ConsistencyDocument,
  type InclusionDocument,
  type PublishedCheckpoint,
  type PublishedKey,
} from "~/lib/audit-public";
import { eventLeafHash, rootOfLeafHashes } from "~/lib/merkle";
import { loader as consistencyLoader } from "~/routes/audit.consistency.json";
import { loader as feedLoader } from "~/routes/audit.checkpoints.json";
import { loader as inclusionLoader } from "~/routes/audit.inclusion.json";
import { appendAudit, checkpointAudit, verifyAuditLog } from "~/services/audit/audit.server";
import { auditHash, GENESIS } from "~/services/audit/hash";
import { getRequest, routeArgs } from "../support/http";

/**
 * The Merkle log (decision 023) end to end on a real database: signed tree
 * heads, the public proof endpoints, the standalone verifier, and a log
 * tampered with after its checkpoints — events deleted, reordered, a whole
 * chain rewritten with valid hashes — failing against them. Every test puts
 * the rows back, so the log verifies again for the next.
 */
type Feed = { checkpoints: PublishedCheckpoint[]; keys: PublishedKey[] };

async function record(aggregateId: string, n: number) {
  const db = await getDb();
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      appendAudit(tx, { aggregateType: "mk", aggregateId, fromState: "A", event: `E${i}`, toState: "B", actorId: null, payload: { i } }),
    );
  }
}

async function json<T>(res: unknown): Promise<{ status: number; body: T; cache: string | null }> {
  const r = res as Response;
  return { status: r.status, body: (await r.json()) as T, cache: r.headers.get("Cache-Control") };
}

const feed = async () => (await json<Feed>(await feedLoader(routeArgs(getRequest("/audit/checkpoints.json"))))).body;
const inclusion = (query: string) =>
  inclusionLoader(routeArgs(getRequest(`/audit/inclusion.json?${query}`))).then((r) => json<InclusionDocument>(r));
const consistency = (query: string) =>
  consistencyLoader(routeArgs(getRequest(`/audit/consistency.json?${query}`))).then((r) => json<ConsistencyDocument>(r));

async function logRows(): Promise<AuditEvent[]> {
  return (await getDb()).auditEvent.findMany({ where: { logIndex: { not: null } }, orderBy: { logIndex: "asc" } });
}

/** The standalone verifier as an outsider runs it: a separate process, files only, no database. */
function verifyPublic(files: Record<string, unknown>): { status: number; out: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "zj-verify-"));
  const paths = Object.entries(files).map(([name, body]) => {
    const p = path.join(dir, name);
    writeFileSync(p, JSON.stringify(body));
    return p;
  });
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/verify-public.ts", ...paths], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" }, // no DATABASE_URL: it must not need one
  });
  return { status: run.status ?? 1, out: run.stdout + run.stderr };
}

describe("the Merkle log and its proofs", () => {
  it("each checkpoint signs the tree head of every event so far; consistency holds across ten checkpoints", async () => {
    const db = await getDb();
    const sizes: number[] = [];
    for (let k = 0; k < 10; k++) {
      await record(`grow-${k % 3}`, k + 1);
      sizes.push(Number((await checkpointAudit(db)).treeSize));
    }
    const log = await logRows();
    expect(log.map((e) => Number(e.logIndex))).toEqual(log.map((_, i) => i));
    const f = await feed();
    expect(checkCheckpointList(f.checkpoints, f.keys)).toEqual([]);
    // Each signed root is the RFC 9162 root of the first treeSize events.
    for (const size of sizes) {
      const cp = f.checkpoints.find((c) => c.treeSize === size)!;
      expect(cp.root).toBe(rootOfLeafHashes(log.slice(0, size).map((e) => eventLeafHash(e.hash))));
    }
    // Every earlier checkpoint to every later one, and each to the newest by default.
    for (let a = 0; a < sizes.length; a++) {
      for (let b = a + 1; b < sizes.length; b++) {
        const res = await consistency(`first=${sizes[a]}&second=${sizes[b]}`);
        expect(res.status).toBe(200);
        expect(res.cache).toContain("immutable");
        expect(verifyConsistencyDocument(res.body, f.keys), `${sizes[a]} → ${sizes[b]}`).toEqual([]);
      }
      const latest = await consistency(`first=${sizes[a]}`);
      expect(latest.body.second).toBe(sizes[sizes.length - 1]);
      expect(latest.cache).toBe("public, max-age=60");
      expect(verifyConsistencyDocument(latest.body, f.keys)).toEqual([]);
    }
    expect((await verifyAuditLog(db)).errors).toEqual([]);
  });

  it("an inclusion proof for an event, by hash, by id and by aggregate and seq, verifies against the signed root", async () => {
    const db = await getDb();
    await record("incl", 4);
    const cp = await checkpointAudit(db);
    const f = await feed();
    const third = await db.auditEvent.findFirstOrThrow({ where: { aggregateType: "mk", aggregateId: "incl", seq: 3 } });
    for (const q of [`hash=${third.hash}`, `event=${third.id}`, `aggregate=mk:incl&seq=3`, `hash=${third.hash}&treeSize=${cp.treeSize}`]) {
      const res = await inclusion(q);
      expect(res.status, q).toBe(200);
      expect(res.body).toMatchObject({ leafIndex: Number(third.logIndex), treeSize: Number(cp.treeSize), eventHash: third.hash });
      expect(verifyInclusionDocument(res.body, f.keys), q).toEqual([]);
      // Hashes only: the event's fields (who filed, what was bid) are not published by the proof.
      expect(JSON.stringify(res.body)).not.toContain('"payload"');
    }
    // A tampered proof is refused.
    const res = await inclusion(`hash=${third.hash}`);
    const bad = { ...res.body, path: res.body.path.map((h, i) => (i === 0 ? h.replace(/^./, (c) => (c === "0" ? "1" : "0")) : h)) };
    expect(verifyInclusionDocument(bad, f.keys)).toEqual([expect.stringMatching(/^the path does not lead from leaf/)]);
    // An event not yet sequenced by a checkpoint has no proof yet.
    await record("incl", 1);
    const fifth = await db.auditEvent.findFirstOrThrow({ where: { aggregateType: "mk", aggregateId: "incl", seq: 5 } });
    const pending = await inclusion(`hash=${fifth.hash}`);
    expect(pending.status).toBe(404);
    expect(pending.body).toMatchObject({ error: "not_yet_in_log" });
  });

  it("bad parameters are a 400 with a message, unknown ones a 404, never a 500", async () => {
    for (const q of [
      "",
      "hash=xyz",
      "hash=" + "A".repeat(64),
      "event=-1",
      "event=abc",
      "aggregate=mk&seq=1",
      "aggregate=mk:incl",
      "aggregate=mk:incl&seq=0",
      "aggregate=mk:incl&seq=1.5",
      "treeSize=-3&event=1",
      "hash=" + "a".repeat(64) + "&event=1",
    ]) {
      const res = await inclusion(q);
      expect(res.status, q).toBe(400);
      expect(res.body, q).toMatchObject({ error: "bad_request", message: expect.any(String) });
    }
    for (const q of ["", "first=x", "first=1e3", "first=5&second=2", "first=1&second=-1", "first=99999999999999999999"]) {
      const res = await consistency(q);
      expect(res.status, q).toBe(400);
      expect(res.body, q).toMatchObject({ error: "bad_request" });
    }
    expect((await inclusion("hash=" + "0".repeat(64))).status).toBe(404);
    expect((await inclusion("event=1&treeSize=999999")).status).toBe(404);
    expect((await consistency("first=999999")).status).toBe(400);
    expect((await consistency("first=1&second=999999")).body).toMatchObject({ error: "no_checkpoint" });
  });

  it("the standalone verifier accepts the published feed and proofs, and refuses a tampered one", async () => {
    const db = await getDb();
    await record("outsider", 3);
    const older = await checkpointAudit(db);
    await record("outsider", 2);
    await checkpointAudit(db);
    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateType: "mk", aggregateId: "outsider", seq: 2 } });
    const files = {
      "checkpoints.json": await feed(),
      "inclusion.json": (await inclusion(`event=${event.id}`)).body,
      "consistency.json": (await consistency(`first=${older.treeSize}`)).body,
    };
    const good = verifyPublic(files);
    expect(good.out).toContain("OK: everything verified.");
    expect(good.status).toBe(0);
    const c = files["consistency.json"];
    const forged = { ...c, path: [...c.path.slice(1)] };
    const bad = verifyPublic({ ...files, "consistency.json": forged });
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/FAIL {2}consistency \d+ → \d+/);
    expect(bad.out).toContain("history was rewritten");
  }, 60_000);
});

/**
 * The public endpoints over real HTTP (the route loaders behind node:http), for
 * the verifier's URL mode: it fetches every page, proofs and records itself.
 */
async function withSite<T>(fn: (base: string) => Promise<T>): Promise<T> {
  const routes: [RegExp, (args: never) => Promise<unknown>][] = [
    [/^\/audit\/checkpoints\.json$/, feedLoader],
    [/^\/audit\/inclusion\.json$/, inclusionLoader],
    [/^\/audit\/consistency\.json$/, consistencyLoader],
  ];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = routes.find(([re]) => re.test(url.pathname));
    if (!route) return void res.writeHead(404).end("{}");
    route[1](routeArgs(new Request(url)))
      .then(async (r) => {
        const response = r as Response;
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(await response.text());
      })
      .catch(() => res.writeHead(500).end("{}"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}

/** The verifier in its own process, without blocking this one (which serves it). */
function verifyPublicAsync(args: string[]): Promise<{ status: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/verify-public.ts", ...args], {
      env: { PATH: process.env.PATH ?? "" },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("close", (code) => resolve({ status: code ?? 1, out }));
  });
}

describe("the verifier against the site", () => {
  it("fetches every checkpoint and proof by URL, keeps the feed, and later finds a replaced checkpoint", async () => {
    const db = await getDb();
    await record("url", 2);
    await checkpointAudit(db);
    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateType: "mk", aggregateId: "url", seq: 2 } });
    const kept = path.join(mkdtempSync(path.join(tmpdir(), "zj-kept-")), "checkpoints.json");
    await withSite(async (base) => {
      const first = await verifyPublicAsync([base, "--event", "mk:url:2", "--event", event.hash, "--out", kept]);
      expect(first.out).toContain("OK: everything verified.");
      expect(first.out).toMatch(/ok {4}every signed tree extends the one before it/);
      expect(first.status).toBe(0);
      const saved = JSON.parse(readFileSync(kept, "utf8")) as Feed;
      expect(saved.checkpoints.length).toBeGreaterThan(0);

      // The log grows; the kept feed is still consistent with it.
      await record("url", 1);
      await checkpointAudit(db);
      const later = await verifyPublicAsync([base, "--saved", kept]);
      expect(later.out).toMatch(/ok {4}the newest log \(\d+ events\) extends every tree you kept/);
      expect(later.status).toBe(0);

      // The operator re-signs an old checkpoint with another root: the kept copy shows it.
      const victim = saved.checkpoints.find((c) => c.treeSize)!;
      const original = await db.auditCheckpoint.findUniqueOrThrow({ where: { id: BigInt(victim.id) } });
      const fake = original.statement!.replace(original.root, "f".repeat(64));
      const { signStatement } = await import("~/services/audit/signing.server");
      await db.auditCheckpoint.update({
        where: { id: original.id },
        data: { statement: fake, root: "f".repeat(64), signature: signStatement(fake).signature },
      });
      const caught = await verifyPublicAsync([base, "--saved", kept]);
      expect(caught.status).toBe(1);
      expect(caught.out).toContain(`checkpoint ${victim.id} (${victim.createdAt}) was replaced: it signed another statement then`);
      await db.auditCheckpoint.update({
        where: { id: original.id },
        data: { statement: original.statement, root: original.root, signature: original.signature },
      });
    });
    expect((await verifyAuditLog(db)).errors).toEqual([]);
  }, 120_000);
});

describe("tampering after a checkpoint fails against it", () => {
  /** Puts rows back exactly as they were (ids, positions and hashes). */
  async function restore(rows: AuditEvent[]) {
    const db = await getDb();
    await db.auditEvent.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    await db.auditEvent.createMany({ data: rows.map((r) => ({ ...r, payload: r.payload ?? {} })) });
    expect((await verifyAuditLog(db)).errors).toEqual([]);
  }

  it("a whole chain deleted from the middle of the log: its positions are named, and no new checkpoint is signed over the hole", async () => {
    const db = await getDb();
    await record("gone", 3);
    await record("after-gone", 2);
    const cp = await checkpointAudit(db);
    const rows = await db.auditEvent.findMany({ where: { aggregateType: "mk", aggregateId: "gone" }, orderBy: { id: "asc" } });
    await db.auditEvent.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    const broken = await verifyAuditLog(db);
    expect(broken.ok).toBe(false);
    const [a, b] = [Number(rows[0]!.logIndex), Number(rows[2]!.logIndex)];
    expect(broken.errors).toContain(`positions ${a}–${b} of the log are missing (events deleted after a checkpoint)`);
    expect(broken.errors.join("\n")).toContain(`checkpoint ${cp.id} (`);
    await expect(checkpointAudit(db)).rejects.toThrow(`the audit log has no event at position ${a}`);
    await restore(rows);
  });

  it("two events swapped in the log's order: every chain still verifies, the signed tree does not", async () => {
    const db = await getDb();
    await record("swap-a", 1);
    await record("swap-b", 1);
    const cp = await checkpointAudit(db);
    const [x, y] = await Promise.all(
      ["swap-a", "swap-b"].map((id) => db.auditEvent.findFirstOrThrow({ where: { aggregateType: "mk", aggregateId: id } })),
    );
    await db.$transaction([
      db.auditEvent.update({ where: { id: x!.id }, data: { logIndex: -1 } }),
      db.auditEvent.update({ where: { id: y!.id }, data: { logIndex: x!.logIndex } }),
      db.auditEvent.update({ where: { id: x!.id }, data: { logIndex: y!.logIndex } }),
    ]);
    const broken = await verifyAuditLog(db);
    expect(broken.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^checkpoint ${cp.id} \\(.*\\) signed ${cp.treeSize} events with root .*: an event at positions \\d+–${Number(cp.treeSize) - 1} was deleted, reordered or rewritten`,
        ),
      ),
    ]);
    await restore([x!, y!]);
  });

  it("a whole chain rewritten with recomputed, valid hashes and the same length: caught by the tree, and no consistency proof leads from the kept checkpoint", async () => {
    const db = await getDb();
    await record("forged", 3);
    const kept = await checkpointAudit(db);
    const keptFeed = await feed();
    const rows = await db.auditEvent.findMany({ where: { aggregateType: "mk", aggregateId: "forged" }, orderBy: { seq: "asc" } });
    // A consistent alternative history: other payloads, every hash recomputed, same positions.
    let prev = GENESIS;
    const forged = rows.map((r) => {
      const payload = { i: 100 + r.seq };
      const hash = auditHash(prev, { ...r, payload });
      const row = { ...r, payload, prevHash: prev, hash };
      prev = hash;
      return row;
    });
    await db.auditEvent.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    await db.auditEvent.createMany({ data: forged });
    const broken = await verifyAuditLog(db);
    expect(broken.errors.filter((e) => e.includes(" #"))).toEqual([]); // the chains themselves verify
    expect(broken.errors.join("\n")).toContain(`mk:forged: checkpoint ${kept.id}`);
    expect(broken.errors.join("\n")).toMatch(new RegExp(`checkpoint ${kept.id} \\(.*\\) signed ${kept.treeSize} events with root`));
    // The operator signs a new checkpoint over the forged log; whoever kept the old one sees the break.
    await record("forged-later", 1);
    const next = await checkpointAudit(db);
    const proof = (await consistency(`first=${kept.treeSize}&second=${next.treeSize}`)).body;
    const keptCheckpoint = keptFeed.checkpoints.find((c) => c.id === kept.id.toString())!;
    expect(verifyConsistencyDocument({ ...proof, firstCheckpoint: keptCheckpoint }, keptFeed.keys)).toEqual([
      expect.stringContaining("history was rewritten"),
    ]);
    // Put the true history back and drop the checkpoint signed over the forgery.
    await db.auditCheckpoint.delete({ where: { id: next.id } });
    await restore(rows);
  });
});

describe("a log of more than two blocks of 256 events", () => {
  /** `n` events in chains of 7, hashed as appendAudit does, inserted at once (appendAudit one by one is slow). */
  async function bulk(prefix: string, n: number) {
    const db = await getDb();
    const at = new Date(Date.UTC(2026, 0, 1));
    let prev = GENESIS;
    const data = Array.from({ length: n }, (_, i) => {
      const seq = (i % 7) + 1;
      if (seq === 1) prev = GENESIS;
      const f = {
        aggregateType: "mk",
        aggregateId: `${prefix}-${Math.floor(i / 7)}`,
        seq,
        fromState: null,
        event: "E",
        toState: null,
        actorId: null,
        at,
        payload: { i },
      };
      const hash = auditHash(prev, f);
      const row = { ...f, prevHash: prev, hash };
      prev = hash;
      return row;
    });
    await db.auditEvent.createMany({ data });
  }

  it("checkpoints and proofs built from stored blocks agree with the events; an altered event inside a block is named", async () => {
    const db = await getDb();
    const before = await checkpointAudit(db);
    await bulk("blk", 700);
    const cp = await checkpointAudit(db);
    const log = await logRows();
    expect(log).toHaveLength(Number(cp.treeSize));
    expect(cp.root).toBe(rootOfLeafHashes(log.map((e) => eventLeafHash(e.hash))));
    expect(await db.auditTreeBlock.count()).toBe(Math.floor(log.length / 256));
    const f = await feed();
    // An event in the second block, and consistency from a tree smaller than one block.
    const target = log[300]!;
    const proof = await inclusion(`hash=${target.hash}`);
    expect(verifyInclusionDocument(proof.body, f.keys)).toEqual([]);
    const cons = await consistency(`first=${before.treeSize}&second=${cp.treeSize}`);
    expect(verifyConsistencyDocument(cons.body, f.keys)).toEqual([]);
    // A later checkpoint hashes only what is new, and still signs the whole tree's root.
    await bulk("blk2", 300);
    const later = await checkpointAudit(db);
    expect(later.root).toBe(rootOfLeafHashes((await logRows()).map((e) => eventLeafHash(e.hash))));
    expect((await verifyAuditLog(db)).errors).toEqual([]);

    // One event inside block 1 (positions 256–511) rewritten, its chain rehashed to stay valid.
    const chain = await db.auditEvent.findMany({
      where: { aggregateType: "mk", aggregateId: target.aggregateId },
      orderBy: { seq: "asc" },
    });
    let prev = GENESIS;
    const forged = chain.map((r) => {
      const payload = r.id === target.id ? { i: -1 } : r.payload;
      const hash = auditHash(prev, { ...r, payload });
      const row = { ...r, payload: payload ?? {}, prevHash: prev, hash };
      prev = hash;
      return row;
    });
    await db.auditEvent.deleteMany({ where: { id: { in: chain.map((r) => r.id) } } });
    await db.auditEvent.createMany({ data: forged });
    const broken = (await verifyAuditLog(db)).errors.join("\n");
    expect(broken).toContain("the stored tree hash of positions 256–511 is not the hash of those events");
    expect(broken).toMatch(
      new RegExp(`checkpoint ${cp.id} \\(.*\\) signed ${cp.treeSize} events with root .*positions ${before.treeSize}–`),
    );
    await db.auditEvent.deleteMany({ where: { id: { in: chain.map((r) => r.id) } } });
    await db.auditEvent.createMany({ data: chain.map((r) => ({ ...r, payload: r.payload ?? {} })) });
    expect((await verifyAuditLog(db)).errors).toEqual([]);

    // A hole inside a stored block: no checkpoint is signed over it.
    const gone = log[400]!;
    await db.auditEvent.delete({ where: { id: gone.id } });
    await expect(checkpointAudit(db)).rejects.toThrow("the audit log has no event at position 400");
    await db.auditEvent.create({ data: { ...gone, payload: gone.payload ?? {} } });
    expect((await verifyAuditLog(db)).errors).toEqual([]);
  });
});
