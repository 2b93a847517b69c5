import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RouterContextProvider } from "react-router";
import { clientIpContext } from "~/context";
import { getDb, type Db } from "~/db/client.server";
import { makeCreditCode } from "~/lib/credit-code";
import { verifyPassword } from "~/lib/password.server";
import { getUser } from "~/lib/session.server";
import { loader as outboxLoader, action as outboxAction } from "~/routes/dev.outbox";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as registerAction } from "~/routes/register";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings.notifications";
import { loader as verifyLoader } from "~/routes/verify-email";
import { registerSchema } from "~/schemas/auth";
import { registerFromForm } from "~/services/accounts/accounts.server";
import { MAX_RESETS_PER_CLIENT } from "~/services/accounts/email.server";
import { smtpTransport } from "~/services/mail/transport.server";
import { deliverDueMail } from "~/services/mail/worker.server";
import { notify } from "~/services/notifications/notify.server";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest, routeArgs, sessionCookie } from "../support/http";
import { startSmtp, type TestSmtp } from "../support/smtp";

/**
 * Email verification at registration, password reset by mail, the
 * preferences page and the local outbox, through the routes (decision 029).
 * The mail itself travels through a real SMTP server in this process; the
 * links are read from the received messages.
 */

let db: Db;
let smtp: TestSmtp;
let n = 0;

function args(request: Request, ip = "198.51.100.7") {
  const context = new RouterContextProvider();
  context.set(clientIpContext, ip);
  return { request, params: {}, context, unstable_pattern: "" } as never;
}

function registration(email: string) {
  n++;
  return {
    accountType: "ENTERPRISE",
    orgKind: "COMPANY",
    orgName: `邮件测试公司${n}`,
    creditCode: makeCreditCode(`91310000MA1MAAL${String(n).padStart(2, "0")}`),
    name: "王五",
    contactPhone: "021-60001234",
    email,
    password: "first-password-1",
    confirmPassword: "first-password-1",
  };
}

/** Delivers the outbox over SMTP and returns the link in the newest mail to `to`. */
async function linkMailedTo(to: string, path: string): Promise<string> {
  await deliverDueMail(db, { transport: smtpTransport(smtp.url) });
  const mail = smtp.received.filter((m) => (m.to as { text: string }).text === to).at(-1);
  expect(mail, `a mail to ${to}`).toBeDefined();
  const link = new RegExp(`http://localhost:3000${path}\\?token=[A-Za-z0-9_-]{43}`).exec(mail!.text ?? "")?.[0];
  expect(link, "a link in the mail").toBeDefined();
  expect(mail!.html).toContain(`href="${link}"`);
  return new URL(link!).pathname + new URL(link!).search;
}

beforeAll(async () => {
  db = await getDb();
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});
afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("email verification at registration", () => {
  it("registering mails a link; until it is followed the user gets no notification mail; it works once", async () => {
    const email = "verify-me@example.cn";
    const o = await outcome(() => registerAction(args(postRequest("/register", registration(email)))));
    expect(o.location).toBe("/login?registered=1");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull();
    const token = await db.emailToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(token.purpose).toBe("VERIFY_EMAIL");

    const link = await linkMailedTo(email, "/verify-email");
    const mail = smtp.received.at(-1)!;
    expect(mail.subject).toBe("【中介超市】请验证您的电子邮箱");
    // Only the hash is stored, and once sent over SMTP the outbox keeps no copy of the link.
    const tokenText = new URL(link, "http://x").searchParams.get("token")!;
    expect(token.tokenHash).not.toContain(tokenText);
    expect((await db.mailOutbox.findFirstOrThrow({ where: { userId: user.id, kind: "VERIFY_EMAIL" } })).text).not.toContain(tokenText);

    // Unverified: a notification stays in the app, no mail is queued.
    await db.$transaction((tx) => notify(tx, { userId: user.id, kind: "FAIRNESS_APPROVED", data: { requestId: null } }));
    expect(await db.mailOutbox.count({ where: { userId: user.id, kind: "FAIRNESS_APPROVED" } })).toBe(0);

    // The header asks the user to verify (root loader's user), the settings page says why.
    const cookie = await sessionCookie(user.id);
    expect((await getUser(getRequest("/", cookie)))?.emailVerified).toBe(false);
    const settings = await outcome(() => settingsLoader(routeArgs(getRequest("/settings/notifications", cookie))));
    expect((settings.data as { settings: { verified: boolean } }).settings.verified).toBe(false);

    const first = await outcome(() => verifyLoader(routeArgs(getRequest(link))));
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ email, error: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    expect((await getUser(getRequest("/", cookie)))?.emailVerified).toBe(true);

    // Used: a clear 410, not a 500 and not a second success.
    const again = await outcome(() => verifyLoader(routeArgs(getRequest(link))));
    expect(again).toMatchObject({ status: 410, data: { email: null, error: "mail.tokens.used" } });

    // Verified now: notification mail is queued.
    await db.$transaction((tx) => notify(tx, { userId: user.id, kind: "FAIRNESS_APPROVED", data: { requestId: null } }));
    expect(await db.mailOutbox.count({ where: { userId: user.id, kind: "FAIRNESS_APPROVED" } })).toBe(1);
  });

  it("a registration in English gets its mail in English", async () => {
    const email = "verify-en@example.cn";
    await registerFromForm(db, registerSchema.parse(registration(email)), "198.51.100.8", new Date(), "en");
    await linkMailedTo(email, "/verify-email");
    const mail = smtp.received.at(-1)!;
    expect(mail.subject).toBe("[Intermediary Market] Please verify your email address");
    expect(mail.text).toContain("within 48 hours");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).locale).toBe("en");
  });

  it("missing, malformed, unknown, expired and replaced links each get their own 4xx message", async () => {
    const email = "verify-bad@example.cn";
    await registerFromForm(db, registerSchema.parse(registration(email)), "198.51.100.9", new Date());
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const old = await linkMailedTo(email, "/verify-email");

    const verify = (path: string) => outcome(() => verifyLoader(routeArgs(getRequest(path))));
    expect(await verify("/verify-email")).toMatchObject({ status: 400, data: { error: "mail.tokens.missing" } });
    expect(await verify("/verify-email?token=short")).toMatchObject({ status: 400, data: { error: "mail.tokens.invalid" } });
    expect(await verify(`/verify-email?token=${"A".repeat(43)}`)).toMatchObject({ status: 400, data: { error: "mail.tokens.invalid" } });

    // Resend from the settings page: a new link; the old one is replaced.
    const cookie = await sessionCookie(user.id);
    const resent = await outcome(() => settingsAction(routeArgs(postRequest("/settings/notifications", { intent: "resend" }, cookie))));
    expect(resent).toMatchObject({ status: 200, data: { resent: true } });
    const fresh = await linkMailedTo(email, "/verify-email");
    expect(fresh).not.toBe(old);
    expect(await verify(old)).toMatchObject({ status: 400, data: { error: "mail.tokens.invalid" } });

    await db.emailToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verify(fresh)).toMatchObject({ status: 410, data: { error: "mail.tokens.expired" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();

    // Resending is rate-limited per account.
    for (let i = 0; i < 4; i++) await settingsAction(routeArgs(postRequest("/settings/notifications", { intent: "resend" }, cookie)));
    await expectRefusal(
      outcome(() => settingsAction(routeArgs(postRequest("/settings/notifications", { intent: "resend" }, cookie)))),
      429,
      "mail.settings.resendThrottled",
    );
  });
});

describe("password reset by mail", () => {
  it("mails a link that sets a new password once and signs the account out everywhere", async () => {
    const user = await createUser(db, "ENTERPRISE", "reset-me@example.cn");
    const otherDevice = await sessionCookie(user.id);
    const asked = await outcome(() => forgotAction(args(postRequest("/forgot-password", { email: "Reset-Me@example.cn " }))));
    expect(asked.location).toBe("/forgot-password?sent=1");
    const link = await linkMailedTo(user.email, "/reset-password");
    expect(smtp.received.at(-1)!.subject).toBe("【中介超市】重置密码");

    const page = await outcome(() => resetLoader(routeArgs(getRequest(link))));
    expect(page.status).toBe(200);
    const token = (page.data as { token: string }).token;
    expect(token).toHaveLength(43);

    await expectRefusal(
      outcome(() => resetAction(args(postRequest("/reset-password", { token, password: "new-password-22", confirmPassword: "nope" })))),
      400,
      "errors.passwordMismatch",
      "confirmPassword",
    );
    const done = await outcome(() =>
      resetAction(args(postRequest("/reset-password", { token, password: "new-password-22", confirmPassword: "new-password-22" }))),
    );
    expect(done.location).toBe("/login?reset=1");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "new-password-22")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "factory-password-1")).toBe(false);
    expect(await getUser(getRequest("/dashboard", otherDevice))).toBeNull();

    // Used: the page and the form both say so (410), and the password stays.
    expect(await outcome(() => resetLoader(routeArgs(getRequest(link))))).toMatchObject({
      status: 410,
      data: { error: "mail.tokens.used" },
    });
    await expectRefusal(
      outcome(() =>
        resetAction(args(postRequest("/reset-password", { token, password: "third-password-3", confirmPassword: "third-password-3" }))),
      ),
      410,
      "mail.tokens.used",
      "token",
    );
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, "new-password-22")).toBe(true);
  });

  it("two submissions of one link at once: one sets the password, the other is told the link was used", async () => {
    const user = await createUser(db, "ENTERPRISE", "reset-race@example.cn");
    await forgotAction(args(postRequest("/forgot-password", { email: user.email }), "198.51.100.21"));
    const token = new URL(await linkMailedTo(user.email, "/reset-password"), "http://x").searchParams.get("token")!;
    const submit = (password: string) =>
      outcome(() => resetAction(args(postRequest("/reset-password", { token, password, confirmPassword: password }))));
    const results = await Promise.all([submit("race-password-aa"), submit("race-password-bb")]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 410]);
    const winner = results.findIndex((r) => r.status === 302);
    const hash = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    expect(await verifyPassword(hash, winner === 0 ? "race-password-aa" : "race-password-bb")).toBe(true);
  });

  it("an expired link is refused with its message", async () => {
    const user = await createUser(db, "ENTERPRISE", "reset-late@example.cn");
    await forgotAction(args(postRequest("/forgot-password", { email: user.email }), "198.51.100.20"));
    const link = await linkMailedTo(user.email, "/reset-password");
    await db.emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await outcome(() => resetLoader(routeArgs(getRequest(link))))).toMatchObject({
      status: 410,
      data: { error: "mail.tokens.expired" },
    });
    const token = new URL(link, "http://x").searchParams.get("token")!;
    await expectRefusal(
      outcome(() =>
        resetAction(args(postRequest("/reset-password", { token, password: "late-password-1", confirmPassword: "late-password-1" }))),
      ),
      410,
      "mail.tokens.expired",
      "token",
    );
    expect(await outcome(() => resetLoader(routeArgs(getRequest("/reset-password"))))).toMatchObject({
      status: 400,
      data: { error: "mail.tokens.missing" },
    });
  });

  it("answers the same for an unknown address (no mail), and throttles per client address", async () => {
    const ip = "203.0.113.50";
    const before = await db.mailOutbox.count();
    const unknown = await outcome(() => forgotAction(args(postRequest("/forgot-password", { email: "nobody@example.cn" }), ip)));
    expect(unknown.location).toBe("/forgot-password?sent=1");
    expect(await db.mailOutbox.count()).toBe(before);

    // One account gets at most three reset mails an hour, silently.
    const user = await createUser(db, "ENTERPRISE", "reset-often@example.cn");
    for (let i = 0; i < 5; i++) {
      const o = await outcome(() => forgotAction(args(postRequest("/forgot-password", { email: user.email }), ip)));
      expect(o.location).toBe("/forgot-password?sent=1");
    }
    expect(await db.mailOutbox.count({ where: { userId: user.id, kind: "RESET_PASSWORD" } })).toBe(3);

    for (let i = 6; i < MAX_RESETS_PER_CLIENT; i++)
      await forgotAction(args(postRequest("/forgot-password", { email: `x${i}@example.cn` }), ip));
    const throttled = await expectRefusal(
      outcome(() => forgotAction(args(postRequest("/forgot-password", { email: "nobody@example.cn" }), ip))),
      429,
      "mail.forgot.throttled",
    );
    expect(Number(throttled.data?.params && (throttled.data.params as { retryAfter: number }).retryAfter)).toBeGreaterThan(0);
    await expectRefusal(
      outcome(() => forgotAction(args(postRequest("/forgot-password", { email: "not-an-email" }), "203.0.113.51"))),
      400,
      "errors.email",
      "email",
    );
  });
});

describe("preferences", () => {
  it("one checkbox per topic; unchecked topics are stored as off; unknown topics refused; anonymous sent to log in", async () => {
    const user = await createUser(db, "ENTERPRISE");
    const cookie = await sessionCookie(user.id);
    const page = await outcome(() => settingsLoader(routeArgs(getRequest("/settings/notifications", cookie))));
    const topics = (page.data as { settings: { topics: { topic: string; on: boolean }[] } }).settings.topics;
    expect(topics.length).toBe(11);
    expect(topics.every((t) => t.on)).toBe(true);

    const body = new URLSearchParams([
      ["intent", "save"],
      ["topic", "AWARD"],
      ["topic", "CONTRACT"],
    ]);
    const save = new Request("http://localhost:3000/settings/notifications", {
      method: "POST",
      headers: { Origin: "http://localhost:3000", "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: body.toString(),
    });
    expect((await outcome(() => settingsAction(routeArgs(save)))).location).toBe("/settings/notifications?saved=1");
    const optOut = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).mailOptOut;
    expect(optOut).not.toContain("AWARD");
    expect(optOut).not.toContain("CONTRACT");
    expect(optOut).toContain("RATINGS");
    expect(optOut).toContain("NAVIGATOR");
    expect(optOut).toHaveLength(9);

    await expectRefusal(
      outcome(() => settingsAction(routeArgs(postRequest("/settings/notifications", { intent: "save", topic: "SPAM" }, cookie)))),
      400,
      "errors.invalidChoice",
      "topic.0",
    );
    const anon = await outcome(() => settingsLoader(routeArgs(getRequest("/settings/notifications"))));
    expect(anon.location).toBe("/login?redirectTo=%2Fsettings%2Fnotifications");
  });
});

describe("/dev/outbox", () => {
  it("without SMTP_URL (the demo) shows the stored mail to anyone; with SMTP_URL only administrators, and only what needs them", async () => {
    const user = await createUser(db, "ENTERPRISE", "outbox-demo@example.cn");
    await forgotAction(args(postRequest("/forgot-password", { email: user.email }), "198.51.100.30"));
    const open = await outcome(() => outboxLoader(routeArgs(getRequest("/dev/outbox"))));
    const mail = (open.data as { mail: { toAddress: string; text: string }[] }).mail;
    expect(mail.find((m) => m.toAddress === user.email)?.text).toMatch(/\/reset-password\?token=/);

    process.env.SMTP_URL = smtp.url;
    const anon = await outcome(() => outboxLoader(routeArgs(getRequest("/dev/outbox"))));
    expect(anon.location).toBe("/login?redirectTo=%2Fdev%2Foutbox");
    const enterprise = await sessionCookie(user.id);
    await expectRefusal(
      outcome(() => outboxLoader(routeArgs(getRequest("/dev/outbox", enterprise)))),
      403,
      "errors.forbiddenBody",
    );
    const admin = await sessionCookie((await createUser(db, "ADMIN")).id);
    const adminPage = await outcome(() => outboxLoader(routeArgs(getRequest("/dev/outbox", admin))));
    expect(adminPage.data).toMatchObject({ open: false, mail: [], admin: true });

    // Sending again is an administrator's decision, for mail that needs it only.
    const row = await db.mailOutbox.findFirstOrThrow({ where: { userId: user.id } });
    await expectRefusal(
      outcome(() => outboxAction(routeArgs(postRequest("/dev/outbox", { id: row.id }, admin)))),
      409,
      "mail.outbox.notAttention",
    );
    await expectRefusal(
      outcome(() => outboxAction(routeArgs(postRequest("/dev/outbox", { id: row.id }, enterprise)))),
      403,
      "errors.forbiddenBody",
    );
    await db.mailOutbox.update({ where: { id: row.id }, data: { status: "UNCERTAIN" } });
    expect(await outcome(() => outboxAction(routeArgs(postRequest("/dev/outbox", { id: row.id }, admin))))).toMatchObject({
      status: 200,
      data: { requeued: true },
    });
    expect((await db.mailOutbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PENDING");
  });
});
