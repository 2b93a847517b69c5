// Dates are shown in Beijing time. Calendar dates use ISO order (2031-06-30),
// which reads naturally in Chinese and is unambiguous in English.
const dateFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export function formatDate(value: Date | string, _lang?: string): string {
  return dateFormat.format(new Date(value));
}

/**
 * An instant as Beijing wall time to the minute, "2026-11-29 13:23", in both languages:
 * the same form as announcements (no "29/11/2026, 13:23:37" that reads differently in
 * different countries). The caller says "Beijing time" where the page does not already.
 */
export function formatDateTime(value: Date | string, _lang?: string): string {
  return formatBeijingMinute(value);
}

const minuteParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2026-12-05 15:17" in Beijing time, for text that is stored (announcement bodies) and must not depend on a reader's locale. */
export function formatBeijingMinute(value: Date | string): string {
  const p = Object.fromEntries(minuteParts.formatToParts(new Date(value)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
