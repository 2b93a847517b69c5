// 合同备案 (decision 034) at its boundaries, calling the command directly: a contract for exactly the
// awarded amount, signed on the very day the award's publicity ended, is recorded — and what that writes
// (the record, the request's version, the audit event, the announcement's text and facts, who is told);
// a day earlier, a cent more, no file, a user of the enterprise's organisation in another role are
// refused by their keys; one request's record does not stop another's; a failure after the file was
// stored leaves neither the file nor the record. Mutation testing uses this file
// (docs/mutation-testing.md, stryker.commands.config.json).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-contract-record-rules-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

/** notify fails once when told to: a failure inside the transaction after the file was stored. */
const hook = vi.hoisted(() => ({ failNotify: false }));
vi.mock("~/services/notifications/notify.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/services/notifications/notify.server")>();
  return {
    ...real,
    notify: async (...args: Parameters<typeof real.notify>) => {
      if (hook.failNotify) {
        hook.failNotify = false;
        throw new Error("injected: notification store unavailable");
      }
      return real.notify(...args);
    },
  };
});

import { readdirSync, rmSync } from "node:fs";
import { getDb, type Db } from "~/db/client.server";
import { formatDate } from "~/lib/format";
import type { SessionUser } from "~/lib/session.server";
import { dbNow } from "~/services/clock.server";
import { recordContract } from "~/services/requests/commands/record-contract.server";
import { seedCatalogue } from "../../seeds/seed";
import { inServiceRequest, pdf } from "../support/ratings";
import { enterpriseUser, listedAgencies } from "../support/requests";

const DAY = 86_400_000;
let db: Db;
let agencies: Awaited<ReturnType<typeof listedAgencies>>;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  agencies = await listedAgencies(db, 3);
});

afterEach(() => {
  hook.failNotify = false;
});

afterAll(() => rmSync(uploads, { recursive: true, force: true }));

const storedFiles = () => readdirSync(uploads, { recursive: true }).filter((f) => String(f).length > 2).length;

/** In service, its publicity ended two days ago (Beijing); the awarded amount and the dates around that end. */
async function serving() {
  const owner = await enterpriseUser(db);
  const r = await inServiceRequest(db, { owner, agencies });
  const now = await dbNow(db);
  const publicityEndsAt = new Date(now.getTime() - 2 * DAY);
  await db.serviceRequest.update({ where: { id: r.id }, data: { publicityEndsAt } });
  const request = await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id }, select: { awardedBidId: true, version: true } });
  const bid = await db.bid.findUniqueOrThrow({ where: { id: request.awardedBidId! }, select: { amountFen: true } });
  const endDay = formatDate(publicityEndsAt);
  const dayBefore = formatDate(new Date(publicityEndsAt.getTime() - DAY));
  return { ...r, award: bid.amountFen, version: request.version, endDay, dayBefore, today: formatDate(now) };
}

const facts = (amount: bigint, signedOn: string, endsOn = "2099-12-31") => ({ amount, signedOn, startsOn: signedOn, endsOn });

describe("合同备案 at its boundaries", () => {
  it("records a contract for exactly the awarded amount, signed the day the publicity ended, and says so everywhere", async () => {
    const r = await serving();
    const result = await recordContract(db, r.owner, r.id, { ...facts(r.award, r.endDay), files: [pdf("合同.pdf")] });
    const record = await db.contractRecord.findUniqueOrThrow({ where: { requestId: r.id } });
    expect(result).toEqual({ documentId: record.documentId });
    expect([record.amountFen, formatDate(record.signedOn)]).toEqual([r.award, r.endDay]);
    const after = await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id }, select: { version: true, title: true, code: true } });
    expect(after.version).toBe(r.version + 1);

    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: r.id, event: "RECORD_CONTRACT" } });
    expect([event.aggregateType, event.fromState, event.toState, event.actorId]).toEqual([
      "request",
      "IN_SERVICE",
      "IN_SERVICE",
      r.owner.id,
    ]);
    expect(event.payload).toMatchObject({ documentId: record.documentId, amountFen: r.award.toString(), signedOn: r.endDay });

    const ann = await db.announcement.findFirstOrThrow({ where: { kind: "CONTRACT_RECORD", entityId: r.id } });
    expect([ann.entityType, ann.title]).toEqual(["request", `合同备案公告：${after.title}`]);
    const lines = ann.body.split("\n");
    expect(lines.slice(0, 2)).toEqual([`项目编号：${after.code}`, "服务事项：土地勘测"]);
    expect(lines[2]).toMatch(/^委托方：.+/);
    expect(lines[3]).toMatch(/^服务机构：.+/);
    expect(lines.slice(5, 7)).toEqual([`签订日期：${r.endDay}`, `履行期限：${r.endDay} 至 2099-12-31`]);
    expect(lines[7]).toMatch(/^备案时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
    expect(lines).toHaveLength(8);
    expect(ann.data).toMatchObject({ requestId: r.id, agencyId: r.winner.agencyId, signedOn: r.endDay });

    const told = await db.notification.findFirstOrThrow({ where: { orgId: r.winner.user.organizationId!, kind: "CONTRACT_RECORDED" } });
    expect(told.data).toEqual({ requestId: r.id, title: after.title });
  });

  it("refuses a contract signed the day before the publicity ended, or a cent above the award, storing nothing", async () => {
    const r = await serving();
    const files = () => [pdf("合同.pdf")];
    const before = storedFiles();
    await expect(recordContract(db, r.owner, r.id, { ...facts(r.award, r.dayBefore), files: files() })).rejects.toMatchObject({
      code: "EARLY",
      status: 422,
      message: "contractFiles.errors.signedBeforePublicity",
      field: "signedOn",
    });
    await expect(recordContract(db, r.owner, r.id, { ...facts(r.award + 1n, r.endDay), files: files() })).rejects.toMatchObject({
      code: "ABOVE_AWARD",
      field: "amount",
    });
    expect(await db.contractRecord.count({ where: { requestId: r.id } })).toBe(0);
    expect(storedFiles()).toBe(before);
  });

  it("refuses without a file, and a user of the enterprise's organisation who is not the enterprise", async () => {
    const r = await serving();
    await expect(recordContract(db, r.owner, r.id, { ...facts(r.award, r.endDay), files: [] })).rejects.toMatchObject({
      code: "FILE_REQUIRED",
      status: 400,
      message: "award.errors.fileRequired",
      field: "document",
    });
    const sameOrgOtherRole: SessionUser = { ...r.owner, role: "REGULATOR" };
    await expect(
      recordContract(db, sameOrgOtherRole, r.id, { ...facts(r.award, r.endDay), files: [pdf("合同.pdf")] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "requests.errors.ownerOnly" });
    expect(await db.contractRecord.count({ where: { requestId: r.id } })).toBe(0);
  });

  it("one request's record does not count as another's", async () => {
    const first = await serving();
    const second = await serving();
    await recordContract(db, first.owner, first.id, { ...facts(first.award, first.endDay), files: [pdf("合同一.pdf")] });
    await recordContract(db, second.owner, second.id, { ...facts(second.award, second.today), files: [pdf("合同二.pdf")] });
    await expect(
      recordContract(db, second.owner, second.id, { ...facts(second.award, second.today), files: [pdf("合同三.pdf")] }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "contractFiles.errors.alreadyRecorded" });
    expect(await db.contractRecord.count({ where: { requestId: { in: [first.id, second.id] } } })).toBe(2);
  });

  it("a failure after the file was stored leaves neither the file nor the record", async () => {
    const r = await serving();
    const before = storedFiles();
    hook.failNotify = true;
    await expect(recordContract(db, r.owner, r.id, { ...facts(r.award, r.endDay), files: [pdf("合同.pdf")] })).rejects.toThrow(
      "injected: notification store unavailable",
    );
    expect(await db.contractRecord.count({ where: { requestId: r.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { aggregateId: r.id, event: "RECORD_CONTRACT" } })).toBe(0);
    expect(storedFiles()).toBe(before);
    // The same contract is recorded once the failure is gone.
    await recordContract(db, r.owner, r.id, { ...facts(r.award, r.endDay), files: [pdf("合同.pdf")] });
    expect(storedFiles()).toBe(before + 1);
  });
});
