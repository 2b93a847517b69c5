// Dates are shown in Beijing time. Calendar dates use ISO order (2031-06-30),
// which reads naturally in Chinese and is unambiguous in English.
const dateFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export function formatDate(value: Date | string, _lang?: string): string {
  return dateFormat.format(new Date(value));
}

export function formatDateTime(value: Date | string, lang: string): string {
  return new Date(value).toLocaleString(lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}
