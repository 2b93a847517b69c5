import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import { exitAgency } from "~/services/agencies/exit.server";
import { mailNeedingAttention, requeueMail } from "~/services/mail/outbox-page.server";
import { smtpTransport, type MailTransport } from "~/services/mail/transport.server";
import { deliverDueMail } from "~/services/mail/worker.server";
import { notify } from "~/services/notifications/notify.server";
import { acknowledgeBids } from "~/services/requests/bid-acks.server";
import { submitBid, withdrawBid } from "~/services/requests/bids.server";
import { addCredential, createUser, registerAgency } from "../support/factories";
import { seedCatalogue } from "../../seeds/seed";
import { enterpriseUser, listedAgencies, openRequest } from "../support/requests";
import { closedPort, startSmtp, type TestSmtp } from "../support/smtp";

/**
 * Mail that really goes out (decision 029): outbox rows written by notify() in
 * the command's transaction, delivered by the worker to a real SMTP server
 * started in this process and parsed with mailparser.
 */

let db: Db;
let smtp: TestSmtp;
const REQUEST_ID = "0190b2d0-1111-7000-8000-000000000001";

async function verifiedUser(role: "ENTERPRISE" | "REGULATOR", locale = "zh") {
  const u = await createUser(db, role);
  return db.user.update({ where: { id: u.id }, data: { emailVerifiedAt: new Date(), locale } });
}

function notifyUser(userId: string, kind = "DELIVERY_ACCEPTED", title = "测绘项目") {
  return db.$transaction((tx) => notify(tx, { userId, kind, data: { requestId: REQUEST_ID, title } }));
}

/** Every row due now (no earlier test's mail waits in the queue). */
async function clearOutbox() {
  await db.mailOutbox.deleteMany({});
}

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  await clearOutbox();
  smtp.received.length = 0;
});

describe("a notification becomes one mail", () => {
  it("is queued in the command's transaction and delivered once over SMTP, with its outbox Message-ID and an absolute link", async () => {
    const u = await verifiedUser("ENTERPRISE");
    await notifyUser(u.id);
    const [row] = await db.mailOutbox.findMany({ where: { userId: u.id } });
    expect(row).toMatchObject({ status: "PENDING", toAddress: u.email, kind: "DELIVERY_ACCEPTED", attempts: 0 });

    const run = await deliverDueMail(db, { transport: smtpTransport(smtp.url) });
    expect(run).toEqual({ sent: 1, retrying: 0, failed: 0, uncertain: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.messageId).toBe(row!.messageId);
    expect((mail.to as { text: string }).text).toBe(u.email);
    expect(mail.subject).toBe("【中介超市】项目“测绘项目”的成果已验收通过。");
    expect(mail.text).toContain(`http://localhost:3000/requests/${REQUEST_ID}`);
    expect(mail.html).toContain(`href="http://localhost:3000/requests/${REQUEST_ID}"`);
    expect(await db.mailOutbox.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "SENT", attempts: 1 });

    // Nothing left: a second pass sends nothing.
    expect((await deliverDueMail(db, { transport: smtpTransport(smtp.url) })).sent).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it("an existing command (an agency's voluntary exit) mails its organization's verified users, untouched", async () => {
    const { user } = await registerAgency(db, { name: "退出测试机构" });
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    await clearOutbox(); // the registration's verification mail
    await exitAgency(db, { ...user, organizationName: "退出测试机构" }, "业务调整");
    const rows = await db.mailOutbox.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.kind)).toEqual(["EXIT_DONE"]);
    await deliverDueMail(db, { transport: smtpTransport(smtp.url) });
    expect(smtp.received.map((m) => (m.to as { text: string }).text)).toEqual([user.email]);
  });

  it("a request that opens is mailed to the listed agencies whose credentials cover its item, not to others", async () => {
    const [covered, alsoCovered] = await listedAgencies(db, 2);
    // Not listed yet, though its credential covers the item: not told.
    const applied = await registerAgency(db, { name: "待审核测绘公司" });
    await addCredential(db, applied.agency.id, ["ZJ-PT-001"]);
    for (const id of [covered!.user.id, alsoCovered!.user.id, applied.user.id])
      await db.user.update({ where: { id }, data: { emailVerifiedAt: new Date() } });
    await db.user.update({ where: { id: alsoCovered!.user.id }, data: { locale: "en" } });
    await clearOutbox();
    const r = await openRequest(db, await enterpriseUser(db), { title: "桃浦地块勘测" });
    const rows = await db.mailOutbox.findMany({ where: { kind: "REQUEST_MATCHING" } });
    expect(rows.map((m) => m.toAddress).sort()).toEqual([covered!.user.email, alsoCovered!.user.email].sort());
    await deliverDueMail(db, { transport: smtpTransport(smtp.url) });
    const en = smtp.received.find((m) => (m.to as { text: string }).text === alsoCovered!.user.email)!;
    expect(en.subject).toMatch(/^\[Intermediary Market\] A new request “桃浦地块勘测”/);
    expect(en.text).toContain(`http://localhost:3000/requests/${(r as { id: string }).id}`);
  });

  it("a bid is acknowledged once per submission or revision, by notice and mail, off the bid's own path; a withdrawn one is not", async () => {
    const [bidder, other, withdrawing] = await listedAgencies(db, 3);
    for (const a of [bidder!, other!, withdrawing!])
      await db.user.update({ where: { id: a.user.id }, data: { emailVerifiedAt: new Date() } });
    const request = (await openRequest(db, await enterpriseUser(db), { title: "真如地块测绘" })) as { id: string };
    await clearOutbox();
    const bid = { amountFen: 5_000_000n, serviceDays: 20, proposal: "按规范完成测绘并出具成果报告" };
    await submitBid(db, bidder!.user, request.id, bid);
    await submitBid(db, other!.user, request.id, bid);
    // The bid's own transaction wrote no notice and no mail: the pass does.
    expect(await db.mailOutbox.count({ where: { kind: "BID_RECEIVED" } })).toBe(0);
    expect(await acknowledgeBids(db)).toBe(2);
    expect(await acknowledgeBids(db), "each submission once").toBe(0);
    const notices = await db.notification.findMany({ where: { kind: "BID_RECEIVED", orgId: bidder!.user.organizationId } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.data).toMatchObject({ title: "真如地块测绘", requestId: request.id });

    await deliverDueMail(db, { transport: smtpTransport(smtp.url) });
    const mine = smtp.received.filter((m) => (m.to as { text: string }).text === bidder!.user.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toContain("真如地块测绘");
    expect(mine[0]!.text, "the mail never carries the sealed amount").not.toMatch(/50,?000|5000000/);

    // A revision is acknowledged again; a bid withdrawn before the pass is not.
    await submitBid(db, bidder!.user, request.id, { ...bid, amountFen: 4_800_000n });
    await submitBid(db, withdrawing!.user, request.id, bid);
    await withdrawBid(db, withdrawing!.user, request.id);
    expect(await acknowledgeBids(db)).toBe(1);
    expect(await db.notification.count({ where: { kind: "BID_RECEIVED", orgId: withdrawing!.user.organizationId } })).toBe(0);
    expect(await db.notification.count({ where: { kind: "BID_RECEIVED", orgId: bidder!.user.organizationId } })).toBe(2);
    expect(await db.notification.count({ where: { kind: "BID_RECEIVED", orgId: other!.user.organizationId } })).toBe(1);
  });

  it("is written in the recipient's language: Chinese and English", async () => {
    const zhUser = await verifiedUser("ENTERPRISE", "zh");
    const enUser = await verifiedUser("ENTERPRISE", "en");
    await notifyUser(zhUser.id, "DELIVERY_RETURNED", "环评");
    await notifyUser(enUser.id, "DELIVERY_RETURNED", "EIA");
    // The reason placeholder is empty here; the sentence and the frame are each language's own.
    await deliverDueMail(db, { transport: smtpTransport(smtp.url) });
    const byTo = new Map(smtp.received.map((m) => [(m.to as { text: string }).text, m]));
    const zhMail = byTo.get(zhUser.email)!;
    const enMail = byTo.get(enUser.email)!;
    expect(zhMail.subject).toBe("【中介超市】项目“环评”的成果被退回修改：");
    expect(zhMail.text).toContain("ENTERPRISE，您好：");
    expect(zhMail.text).toContain("此邮件由中介超市平台自动发送");
    expect(enMail.subject).toBe("[Intermediary Market] Your delivery for “EIA” was returned for rework: ");
    expect(enMail.text).toContain("Dear ENTERPRISE,");
    expect(enMail.text).toContain("This message was sent automatically");
    expect(enMail.text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(enMail.html).toContain('<html lang="en">');
    expect(zhMail.html).toContain('<html lang="zh-CN">');
  });

  it("goes only to verified addresses and to users who want its topic", async () => {
    const wants = await verifiedUser("ENTERPRISE");
    const optedOut = await db.user.update({ where: { id: (await verifiedUser("ENTERPRISE")).id }, data: { mailOptOut: ["CONTRACT"] } });
    const otherTopicOff = await db.user.update({ where: { id: (await verifiedUser("ENTERPRISE")).id }, data: { mailOptOut: ["RATINGS"] } });
    const unverified = await createUser(db, "ENTERPRISE");
    for (const u of [wants, optedOut, otherTopicOff, unverified]) await notifyUser(u.id);
    const to = (await db.mailOutbox.findMany({ select: { toAddress: true } })).map((r) => r.toAddress).sort();
    expect(to).toEqual([wants.email, otherTopicOff.email].sort());
    // The in-app notification is kept for everyone: only the mail depends on the choice.
    expect(await db.notification.count({ where: { userId: { in: [optedOut.id, unverified.id] } } })).toBe(2);
  });
});

describe("retries", () => {
  it("after the server was down: backoff, then delivered exactly once when it is back", async () => {
    const port = await closedPort();
    const u = await verifiedUser("ENTERPRISE");
    await notifyUser(u.id);
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);

    const down = await deliverDueMail(db, { transport, baseBackoffMs: 60_000 });
    expect(down).toEqual({ sent: 0, retrying: 1, failed: 0, uncertain: 0 });
    const row = await db.mailOutbox.findFirstOrThrow({ where: { userId: u.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    // The first retry waits the base delay, counted from the failure.
    const wait = row.nextAttemptAt.getTime() - row.claimedAt!.getTime();
    expect(wait).toBeGreaterThanOrEqual(60_000);
    expect(wait).toBeLessThan(65_000);

    const back = await startSmtp(port);
    try {
      // Not due yet: the backoff holds it.
      expect((await deliverDueMail(db, { transport })).sent).toBe(0);
      await db.mailOutbox.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(0) } });
      expect((await deliverDueMail(db, { transport })).sent).toBe(1);
      expect((await deliverDueMail(db, { transport })).sent).toBe(0);
      expect(back.received).toHaveLength(1);
      expect(back.received[0]!.messageId).toBe(row.messageId);
      expect(await db.mailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 2 });
    } finally {
      await back.close();
    }
  });

  it("gives up after the last attempt (FAILED), and at once on a permanent refusal (5xx)", async () => {
    const port = await closedPort();
    const a = await verifiedUser("ENTERPRISE");
    await notifyUser(a.id);
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    await deliverDueMail(db, { transport, maxAttempts: 2, baseBackoffMs: 0 });
    expect(await deliverDueMail(db, { transport, maxAttempts: 2, baseBackoffMs: 0 })).toMatchObject({ failed: 1 });
    expect(await db.mailOutbox.findFirstOrThrow({ where: { userId: a.id } })).toMatchObject({ status: "FAILED", attempts: 2 });

    const refusing = await startSmtp(0, {
      onRcptTo: (addr) => (addr.startsWith("enterprise") ? { code: 550, message: "no such mailbox" } : null),
    });
    const temporary = await startSmtp(0, { onRcptTo: () => ({ code: 451, message: "try again later" }) });
    try {
      const b = await verifiedUser("ENTERPRISE");
      await notifyUser(b.id);
      expect(await deliverDueMail(db, { transport: smtpTransport(temporary.url), baseBackoffMs: 0 })).toMatchObject({ retrying: 1 });
      expect(await deliverDueMail(db, { transport: smtpTransport(refusing.url) })).toMatchObject({ failed: 1 });
      const row = await db.mailOutbox.findFirstOrThrow({ where: { userId: b.id } });
      expect(row).toMatchObject({ status: "FAILED", attempts: 2 });
      expect(row.lastError).toMatch(/550/);
      expect(refusing.received).toHaveLength(0);
      // Both wait for an administrator, who may send them again.
      const attention = (await mailNeedingAttention(db)).map((m) => m.status);
      expect(attention).toEqual(["FAILED", "FAILED"]);
    } finally {
      await refusing.close();
      await temporary.close();
    }
  });
});

describe("at most once", () => {
  it("a crash between sending and recording it: the next run does not send again, it marks the mail UNCERTAIN for an administrator", async () => {
    const u = await verifiedUser("ENTERPRISE");
    await notifyUser(u.id);
    const real = smtpTransport(smtp.url);
    // The process "dies" right after the SMTP server accepted the message: the send never returns.
    let release!: () => void;
    const dead = new Promise<void>((r) => (release = r));
    const dying: MailTransport = {
      kind: "smtp",
      send: async (m) => {
        await real.send(m);
        await dead;
        throw new Error("process gone");
      },
    };
    const abandoned = deliverDueMail(db, { transport: dying });
    await expect.poll(() => smtp.received.length).toBe(1);
    const row = await db.mailOutbox.findFirstOrThrow({ where: { userId: u.id } });
    expect(row).toMatchObject({ status: "SENDING", attempts: 1 });

    // Another instance within the lease: the row is neither sent nor judged.
    expect(await deliverDueMail(db, { transport: real })).toEqual({ sent: 0, retrying: 0, failed: 0, uncertain: 0 });
    // Past the lease: possibly delivered, so UNCERTAIN — never sent again by itself.
    expect(await deliverDueMail(db, { transport: real, leaseMs: 0 })).toEqual({ sent: 0, retrying: 0, failed: 0, uncertain: 1 });
    expect(await deliverDueMail(db, { transport: real, leaseMs: 0 })).toEqual({ sent: 0, retrying: 0, failed: 0, uncertain: 0 });
    expect(smtp.received).toHaveLength(1);
    expect((await mailNeedingAttention(db)).map((m) => [m.id, m.status])).toEqual([[row.id, "UNCERTAIN"]]);

    // The dead attempt's late answer changes nothing.
    release();
    await abandoned;
    expect(await db.mailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "UNCERTAIN" });

    // An administrator decides to send it again: then it goes, once more, with the same Message-ID.
    await requeueMail(db, row.id);
    expect((await deliverDueMail(db, { transport: real })).sent).toBe(1);
    expect(smtp.received.map((m) => m.messageId)).toEqual([row.messageId, row.messageId]);
    await expect(requeueMail(db, row.id)).rejects.toMatchObject({ status: 409, message: "mail.outbox.notAttention" });
  });

  it("two workers at once deliver every mail exactly once", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => verifiedUser("ENTERPRISE")));
    for (let i = 0; i < 5; i++) for (const u of users) await notifyUser(u.id, "DELIVERY_ACCEPTED", `项目${i}`);
    const rows = await db.mailOutbox.findMany({ select: { messageId: true } });
    expect(rows).toHaveLength(30);
    const runs = await Promise.all([
      deliverDueMail(db, { transport: smtpTransport(smtp.url), batch: 7 }),
      deliverDueMail(db, { transport: smtpTransport(smtp.url), batch: 7 }),
      deliverDueMail(db, { transport: smtpTransport(smtp.url), batch: 7 }),
      deliverDueMail(db, { transport: smtpTransport(smtp.url), batch: 7 }),
    ]);
    for (let i = 0; i < 3; i++) await deliverDueMail(db, { transport: smtpTransport(smtp.url), batch: 7 });
    const ids = smtp.received.map((m) => m.messageId!);
    expect(ids).toHaveLength(30);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.messageId)));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(28);
    expect(await db.mailOutbox.count({ where: { status: "SENT" } })).toBe(30);
  });
});
