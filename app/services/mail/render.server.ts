import resources, { defaultLanguage, isLanguage, type Language } from "~/i18n";
import { absoluteUrl } from "./config.server";

/**
 * Mail content in the recipient's language (User.locale), from the same
 * strings as the pages: the subject and the text of a notification are its
 * dashboard wording (notifications.<kind>), plain text plus a simple HTML
 * alternative; links are absolute (APP_URL).
 */
export type MailContent = { subject: string; text: string; html: string };
type Values = Record<string, string | number | null | undefined>;

export function mailLanguage(locale: string | null | undefined): Language {
  return isLanguage(locale) ? locale : defaultLanguage;
}

function lookup(lang: Language, key: string): string | undefined {
  let node: unknown = resources[lang].translation;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** A translated string with its {{placeholders}} filled (unknown keys fall back to Chinese, then to the key). */
export function mailText(lang: Language, key: string, values: Values = {}): string {
  const template = lookup(lang, key) ?? lookup(defaultLanguage, key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const v = values[name];
    return v === null || v === undefined ? "" : String(v);
  });
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function page(lang: Language, paragraphs: string[], link?: { href: string; label: string }, footer?: string): string {
  const body = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : "",
    footer ? `<p style="color:#64748b;font-size:12px">${footer}</p>` : "",
  ].join("\n");
  return `<!doctype html>\n<html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.6">\n${body}\n</body></html>`;
}

/** Where a notification leads: its case, else its request (ids from the platform's own rows), else the dashboard. */
function notificationPath(data: Values): string {
  const id = (v: unknown) => (typeof v === "string" && /^[0-9a-f-]{36}$/.test(v) ? v : null);
  if (id(data.caseId)) return `/cases/${id(data.caseId)}`;
  if (id(data.requestId)) return `/requests/${id(data.requestId)}`;
  if (id(data.projectId)) return "/navigator/projects";
  return "/dashboard";
}

export function renderNotificationMail(lang: Language, name: string, kind: string, data: Values): MailContent {
  const message = mailText(lang, `notifications.${kind}`, data);
  // The subject is the message itself, shortened: a mail client's list shows what happened.
  const short = message.length > 60 ? `${message.slice(0, 59)}…` : message;
  const url = absoluteUrl(notificationPath(data));
  const settings = absoluteUrl("/settings/notifications");
  const greeting = mailText(lang, "mail.greeting", { name });
  const text = [
    greeting,
    "",
    message,
    "",
    mailText(lang, "mail.open", { url }),
    "",
    "--",
    mailText(lang, "mail.footer", { url: settings }),
  ].join("\n");
  const footer = `${escapeHtml(mailText(lang, "mail.footerHtml"))} <a href="${escapeHtml(settings)}">${escapeHtml(mailText(lang, "mail.settingsLink"))}</a>`;
  return {
    subject: `${mailText(lang, "mail.brand")}${short}`,
    text,
    html: page(lang, [greeting, message], { href: url, label: mailText(lang, "mail.openHtml") }, footer),
  };
}

/** Verification and reset mail: a greeting, what happened, the one-time link, and what to do if it was not you. */
export function renderTokenMail(lang: Language, purpose: "verify" | "reset", name: string, link: string, values: Values): MailContent {
  const greeting = mailText(lang, "mail.greeting", { name });
  const body = mailText(lang, `mail.${purpose}.body`, values);
  const ignore = mailText(lang, `mail.${purpose}.ignore`);
  return {
    subject: `${mailText(lang, "mail.brand")}${mailText(lang, `mail.${purpose}.subject`)}`,
    text: [greeting, "", body, "", link, "", ignore].join("\n"),
    html: page(lang, [greeting, body], { href: link, label: mailText(lang, `mail.${purpose}.action`) }, escapeHtml(ignore)),
  };
}
