/**
 * SIGTERM in the middle of a bid flood, and what the logs hold (decision 024).
 *
 * The production build (scripts/server.mjs, NODE_ENV=production, LOG_LEVEL=info)
 * runs as a child process on its own database. 16 agencies log in over HTTP and
 * flood POST /requests/:id intent=bid, a few of them also above the price cap
 * (refused, 422); then the server gets SIGTERM (what an orchestrator or `docker
 * stop` sends) while requests are in flight. Then:
 *   - the process exits by itself with code 0;
 *   - every request sent before SIGTERM got its answer (no request cut), every
 *     acknowledged bid is stored (its audit event, matched by the sealed
 *     digest), no answer is a 5xx; later requests find the port closed;
 *   - the log is JSON, one object a line: every request line has method, route
 *     pattern, path, status, duration and the request id that came back as
 *     X-Request-Id, and the user's id for a signed-in agency; the shutdown is
 *     logged;
 *   - no bid amount, proposal, password or session cookie appears anywhere in
 *     the output, while the bids are sealed (the request is still open).
 * Real PostgreSQL only (TEST_DB=postgres), like the other load tests.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../support/db";
import { bidFloodScene, serverSecrets, sleep, testDatabaseUrl, type LoadAgency } from "../support/load-fixtures";
import { AppServer, bidFlood, freePort, loginAll, prepareBuild, ROOT, yuanString, type BidAttempt } from "../support/load-server";

const onPostgres = process.env.TEST_DB === "postgres";
if (!onPostgres)
  console.warn("\n!!! tests/load/graceful-shutdown.test.ts needs real PostgreSQL (TEST_DB=postgres TEST_DATABASE_URL=…): SKIPPED !!!\n");

const AGENCIES = 16;
const PASSWORD = "Load@2026term";
const FLOOD_BEFORE_SIGTERM_MS = 3_000;

type Attempt = BidAttempt;

describe.skipIf(!onPostgres)("SIGTERM of the production server during a bid flood", () => {
  let mine: Awaited<ReturnType<typeof createTestDb>>;
  let agencies: LoadAgency[];
  let server: AppServer | undefined;
  let r1: string;
  let priceCapFen: bigint;
  const uploads = path.join(ROOT, `tests/.tmp/term-uploads-${process.pid}`);

  beforeAll(async () => {
    const build = await prepareBuild();
    mine = await createTestDb();
    const url = testDatabaseUrl(mine.name);
    const scene = await bidFloodScene(mine.prisma, url, { agencies: AGENCIES, password: PASSWORD, titles: ["平滑停机测试：持续竞价项目"] });
    agencies = scene.agencies;
    r1 = scene.requestIds[0]!;
    priceCapFen = (await mine.prisma.serviceRequest.findUniqueOrThrow({ where: { id: r1 } })).priceCapFen;
    mkdirSync(uploads, { recursive: true });
    server = new AppServer(await freePort(), build, {
      DATABASE_URL: url,
      ...serverSecrets("sigterm"),
      SCHEDULER_INTERVAL_MS: "300",
      UPLOADS_DIR: uploads,
      LOG_LEVEL: "info",
    });
    server.captureStdout = true;
    await server.start();
  }, 900_000);

  afterAll(async () => {
    await server?.stop();
    await mine?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  it("finishes the requests in flight, stores every acknowledged bid, exits 0, and logs no sealed amount", async () => {
    const db = mine.prisma;
    const srv = server!;
    const base = srv.base;
    const child = srv.child!;

    const cookies = await loginAll(
      base,
      agencies.map((a) => a.email),
      PASSWORD,
    );

    // X-Request-Id: ours is echoed when it is a plain token, a new one made otherwise.
    const mineId = `test-${randomBytes(6).toString("hex")}`;
    const echoed = await fetch(`${base}/requests/${r1}`, { headers: { "X-Request-Id": mineId, Cookie: cookies[0]! } });
    await echoed.text();
    const made = await fetch(`${base}/healthz`, { headers: { "X-Request-Id": "bad id\twith spaces" } });
    await made.text();
    // No METRICS_TOKEN configured: /metrics does not exist.
    const metrics = await fetch(`${base}/metrics`);
    await metrics.text();

    // Every other bid of the last two agencies, the first included, is above the cap: refused (422), never written.
    const flood = bidFlood({
      base,
      cookies,
      requestId: r1,
      label: "sealed-proposal",
      timeoutMs: 20_000,
      amountFen: (i, seq) =>
        i >= AGENCIES - 2 && seq % 2 === 1
          ? priceCapFen + BigInt(1 + Math.floor(Math.random() * 99_999))
          : BigInt(50_000 + Math.floor(Math.random() * 49_999)) * 100n + BigInt(1 + Math.floor(Math.random() * 98)),
    });
    const { attempts } = flood;

    await sleep(FLOOD_BEFORE_SIGTERM_MS);
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    const termMs = performance.now();
    child.kill("SIGTERM");
    const exit = await exited;
    const exitedMs = performance.now();
    await flood.stop();

    // ---------------------------------------------------------------- what was stored
    const events = await db.auditEvent.findMany({
      where: { aggregateType: "request", aggregateId: r1, event: { in: ["BID_SUBMITTED", "BID_REVISED"] } },
    });
    const digests = new Set(events.map((e) => (e.payload as { sealed: string }).sealed));
    const bidIds = new Map(
      (await db.bid.findMany({ where: { requestId: r1 }, select: { id: true, agencyId: true } })).map((b) => [b.agencyId, b.id]),
    );
    const isCommitted = (a: Attempt) => {
      const bidId = bidIds.get(agencies[a.agency]!.agencyId);
      if (!bidId) return false;
      for (let rev = 1; rev <= 200; rev++)
        if (digests.has(createHash("sha256").update(`${bidId}|${rev}|${a.amountFen}|${a.serviceDays}|${a.proposal}`).digest("hex")))
          return true;
      return false;
    };
    const sentBefore = attempts.filter((a) => a.startedMs < termMs);
    const inFlight = sentBefore.filter((a) => a.endedMs >= termMs);
    const after = attempts.filter((a) => a.startedMs >= termMs);
    const tally = (list: Attempt[]) => {
      const m: Record<string, number> = {};
      for (const a of list) {
        const k = a.outcome.kind === "network" ? `network ${a.outcome.message}` : `${a.outcome.kind} ${a.outcome.status}`;
        m[k] = (m[k] ?? 0) + 1;
      }
      return JSON.stringify(m);
    };

    // ---------------------------------------------------------------- the log
    const lines = srv.stdout.split("\n").filter((l) => l.trim());
    const parsed = lines.map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return null;
      }
    });
    const requestLines = parsed.filter((o): o is Record<string, unknown> => o?.event === "request");
    const bidLines = requestLines.filter((o) => o.method === "POST" && o.route === "/requests/:id");
    const sample = (o: Record<string, unknown> | undefined) => JSON.stringify(o ?? null).slice(0, 400);
    const output = srv.logs.join("") + srv.stdout;
    const leaks: string[] = [];
    for (const a of attempts) {
      const yuan = yuanString(a.amountFen);
      if (output.includes(yuan)) leaks.push(`amount ${yuan} of agency ${a.agency} #${a.seq}`);
      if (new RegExp(`(?<![0-9a-f.])${a.amountFen}(?![0-9a-f])`).test(output)) leaks.push(`amount in fen ${a.amountFen}`);
      if (output.includes(a.proposal)) leaks.push(`proposal "${a.proposal}"`);
    }
    for (const c of cookies) if (output.includes(c.split("=")[1]!.slice(0, 24))) leaks.push("a session cookie");
    if (output.includes(PASSWORD)) leaks.push("the password");

    console.log(
      [
        `[sigterm] ${AGENCIES} agencies, ${attempts.length} POSTs; SIGTERM after ${FLOOD_BEFORE_SIGTERM_MS} ms with ${inFlight.length} bids in flight`,
        `  exit ${exit.code ?? exit.signal} ${(exitedMs - termMs).toFixed(0)} ms after SIGTERM`,
        `  sent before SIGTERM: ${tally(sentBefore)}; of them in flight at SIGTERM: ${tally(inFlight)}`,
        `  sent after SIGTERM: ${tally(after)}`,
        `  log: ${lines.length} lines, ${parsed.filter((o) => o === null).length} not JSON, ${requestLines.length} request lines (${bidLines.length} bid POSTs)`,
        `  sample request line: ${sample(bidLines.find((o) => o.status === 302))}`,
        `  sample refusal line: ${sample(bidLines.find((o) => o.status === 422))}`,
        `  shutdown lines: ${parsed
          .filter((o) => typeof o?.event === "string" && String(o.event).startsWith("shutdown"))
          .map((o) => sample(o!))
          .join("\n                  ")}`,
      ].join("\n"),
    );

    // ---------------------------------------------------------------- assertions
    expect(exit, "the process exits by itself with code 0").toEqual({ code: 0, signal: null });
    expect(inFlight.length, "bids in flight when SIGTERM came").toBeGreaterThan(0);
    expect(
      sentBefore
        .filter((a) => a.outcome.kind !== "ack" && !(a.outcome.kind === "refused" && a.outcome.status === 422))
        .map((a) => a.outcome),
      "requests sent before SIGTERM that were not answered in full",
    ).toEqual([]);
    expect(
      attempts.filter((a) => a.outcome.kind === "error").map((a) => a.outcome.status),
      "5xx or unexpected answers",
    ).toEqual([]);
    expect(
      after.filter((a) => a.outcome.kind === "network" && !/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|SocketError/.test(a.outcome.message)),
      "requests after SIGTERM fail only by finding the server gone",
    ).toEqual([]);
    const lost = attempts.filter((a) => a.outcome.kind === "ack" && !isCommitted(a));
    expect(
      lost.map((a) => `agency ${a.agency} #${a.seq}`),
      "acknowledged bids not stored",
    ).toEqual([]);
    const refusedStored = attempts.filter((a) => a.outcome.kind === "refused" && isCommitted(a));
    expect(refusedStored.length, "refused bids stored").toBe(0);
    expect(attempts.filter((a) => a.outcome.kind === "refused").length, "bids above the cap refused").toBeGreaterThan(0);

    // The log: JSON lines, one per request, with the ids an operator follows.
    expect(
      parsed.filter((o) => o === null),
      "log lines that are not JSON",
    ).toEqual([]);
    expect(metrics.status, "/metrics without METRICS_TOKEN").toBe(404);
    expect(echoed.headers.get("x-request-id")).toBe(mineId);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines.some((o) => o.reqId === mineId && o.route === "/requests/:id" && o.userId === agencies[0]!.user.id)).toBe(true);
    expect(bidLines.length, "one request line per bid answered").toBeGreaterThanOrEqual(
      attempts.filter((a) => a.outcome.kind !== "network").length,
    );
    for (const o of bidLines) {
      expect(o).toMatchObject({ level: "info", method: "POST", route: "/requests/:id" });
      expect(typeof o.reqId === "string" && typeof o.userId === "string" && typeof o.durationMs === "number", sample(o)).toBe(true);
      expect(String(o.path)).toBe(`/requests/${r1}`);
      expect([302, 422]).toContain(o.status);
    }
    expect(parsed.some((o) => o?.event === "shutdown")).toBe(true);
    expect(parsed.some((o) => o?.event === "shutdown_done")).toBe(true);

    // Sealed bids: the request is still open, and nothing of a bid, a password or a session is in the output.
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: r1 } })).status).toBe("OPEN");
    expect(leaks, "secrets in the server's output").toEqual([]);
  });
});
