// Dates are shown in Beijing time. Calendar dates use ISO order (2031-06-30),
// which reads naturally in Chinese and is unambiguous in English.
const dateFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export function formatDate(value: Date | string, _lang?: string): string {
  return dateFormat.format(new Date(value));
}

export function formatDateTime(value: Date | string, lang: string): string {
  return new Date(value).toLocaleString(lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
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
