import { describe, expect, it } from "vitest";
import en from "~/i18n/en";
import zh from "~/i18n/zh";
import { mailText, renderNotificationMail, renderTokenMail } from "./render.server";
import { MAIL_TOPICS, topicOf } from "./topics";
import { failureStage } from "./transport.server";
import { retryDelayMs } from "./worker.server";

describe("failureStage: may a failed attempt have delivered the message?", () => {
  it.each([
    [
      { code: "ESOCKET", command: "CONN", message: "connect ECONNREFUSED" },
      { delivered: "no", permanent: false },
    ],
    [
      { code: "ETIMEDOUT", command: "CONN" },
      { delivered: "no", permanent: false },
    ],
    [
      { code: "EENVELOPE", command: "RCPT TO", responseCode: 451 },
      { delivered: "no", permanent: false },
    ],
    [
      { code: "EENVELOPE", command: "RCPT TO", responseCode: 550 },
      { delivered: "no", permanent: true },
    ],
    [
      { code: "EMESSAGE", command: "DATA", responseCode: 451 },
      { delivered: "no", permanent: false },
    ],
    [
      { code: "EMESSAGE", command: "DATA", responseCode: 554 },
      { delivered: "no", permanent: true },
    ],
    [
      { code: "EAUTH", command: "AUTH PLAIN" },
      { delivered: "no", permanent: false },
    ],
    [{ code: "ECONNECTION" }, { delivered: "no", permanent: false }],
    // No answer while or after the message was sent: it may be there.
    [{ code: "ETIMEDOUT", command: "DATA" }, { delivered: "maybe" }],
    [{ code: "ESOCKET", command: "DATA" }, { delivered: "maybe" }],
    [{ code: "ESOCKET" }, { delivered: "maybe" }],
    [new Error("process gone"), { delivered: "maybe" }],
    [undefined, { delivered: "maybe" }],
  ])("%j → %j", (error, expected) => {
    expect(failureStage(error)).toEqual(expected);
  });
});

describe("retryDelayMs", () => {
  it("doubles from the base after each failed attempt, up to the cap", () => {
    expect([1, 2, 3, 4, 10, 100].map((n) => retryDelayMs(n, 60_000, 6 * 3600_000))).toEqual([
      60_000,
      120_000,
      240_000,
      480_000,
      6 * 3600_000,
      6 * 3600_000,
    ]);
  });
});

describe("topics", () => {
  it("every notification kind has a topic with a label in both languages; the ones the issue names are their own", () => {
    for (const kind of Object.keys(zh.notifications)) expect(MAIL_TOPICS).toContain(topicOf(kind));
    for (const t of MAIL_TOPICS) {
      expect(zh.mail.topics[t]).toBeTruthy();
      expect(en.mail.topics[t]).toBeTruthy();
    }
    expect(topicOf("REQUEST_MATCHING")).toBe("REQUESTS");
    expect(topicOf("REQUEST_CLOSED_PICK")).toBe("CLOSING");
    expect(topicOf("BID_WON")).toBe("AWARD");
    expect(topicOf("OBJECTION_FILED")).toBe("OBJECTIONS");
    expect(topicOf("CASE_DECIDED")).toBe("CASES");
    expect(topicOf("CASE_DECIDED_AGENCY")).toBe("SANCTIONS");
    expect(topicOf("DELIVERY_SUBMITTED")).toBe("CONTRACT");
    expect(topicOf("RATING_RECEIVED")).toBe("RATINGS");
    expect(topicOf("AGENCY_APPROVED")).toBe("ACCOUNT");
    // Every navigator notice (decision 039) is the NAVIGATOR topic, none left to the account's.
    const navigator = Object.keys(zh.notifications).filter((k) => k.startsWith("NAVIGATOR_"));
    expect(navigator.length).toBeGreaterThanOrEqual(7);
    for (const kind of navigator) expect(topicOf(kind), kind).toBe("NAVIGATOR");
  });
});

describe("rendering", () => {
  it("fills placeholders, escapes HTML, and links absolutely", () => {
    expect(mailText("en", "mail.greeting", { name: "Li" })).toBe("Dear Li,");
    const m = renderNotificationMail("zh", "<b>王</b>", "REQUEST_CANCELLED", {
      requestId: "0190b2d0-1111-7000-8000-000000000001",
      reason: "<script>",
    });
    expect(m.subject).toBe("【中介超市】您参与的项目已取消：<script>");
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain("&lt;script&gt;");
    expect(m.html).toContain("&lt;b&gt;王&lt;/b&gt;");
    expect(m.text).toContain("http://localhost:3000/requests/0190b2d0-1111-7000-8000-000000000001");
    const noId = renderNotificationMail("en", "Li", "AGENCY_APPROVED", { requestId: "../admin" });
    expect(noId.text).toContain("http://localhost:3000/dashboard");
    const t = renderTokenMail("en", "reset", "Li", "http://localhost:3000/reset-password?token=x", { email: "a@b.cn", minutes: 30 });
    expect(t.text).toContain("within 30 minutes");
    expect(t.html).toContain('href="http://localhost:3000/reset-password?token=x"');
  });
});
