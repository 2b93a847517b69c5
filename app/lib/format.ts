/** Dates shown in Beijing time, in the UI language. */
export function formatDate(value: Date | string, lang: string): string {
  return new Date(value).toLocaleDateString(lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
}

export function formatDateTime(value: Date | string, lang: string): string {
  return new Date(value).toLocaleString(lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}
