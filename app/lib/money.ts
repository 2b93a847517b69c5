/** Money is stored as integer fen (分) and shown as yuan (元). */
export function yuanToFen(input: string): bigint | null {
  const s = input
    .normalize("NFKC")
    .replace(/[,，\s]/g, "")
    .replace(/^¥|元$/g, "");
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ""] = s.split(".");
  return BigInt(whole!) * 100n + BigInt((frac + "00").slice(0, 2));
}

export function formatYuan(fen: bigint | number | string, lang = "zh"): string {
  const v = BigInt(fen);
  const negative = v < 0n;
  const abs = negative ? -v : v;
  const whole = (abs / 100n).toLocaleString(lang === "en" ? "en-US" : "zh-CN");
  const frac = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}¥${whole}.${frac}`;
}
