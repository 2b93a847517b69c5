/**
 * Normalisation before matching, keeping a map back to the original text so a finding can name
 * the exact words the enterprise wrote: NFKC (full-width → half-width: "ＡＢＣ１２３" → "abc123",
 * "，" stays "，"), lower case (English), spaces dropped next to CJK ("上海 市" → "上海市"),
 * other runs of whitespace collapsed to one space, Chinese/English punctuation variants unified.
 */
export type Normalised = { text: string; /** index in `text` → index in the original */ map: number[] };

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const PUNCT: Record<string, string> = { "、": "，", "﹐": "，", "；": "；", "﹔": "；", "。": "。", "．": "。" };

export function normalise(original: string): Normalised {
  const chars: string[] = [];
  const map: number[] = [];
  let i = 0;
  for (const ch of original) {
    let n = ch.normalize("NFKC").toLowerCase();
    n = PUNCT[n] ?? n;
    if (/\s/.test(n)) n = " ";
    for (const c of n) {
      chars.push(c);
      map.push(i);
    }
    i += ch.length;
  }
  // Drop spaces next to CJK and collapse the rest.
  const text: string[] = [];
  const outMap: number[] = [];
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    if (c === " ") {
      const prev = text[text.length - 1];
      let next = k + 1;
      while (chars[next] === " ") next++;
      const after = chars[next];
      if (prev === undefined || after === undefined || prev === " " || CJK.test(prev) || CJK.test(after)) continue;
    }
    text.push(c);
    outMap.push(map[k]!);
  }
  outMap.push(original.length);
  return { text: text.join(""), map: outMap };
}

/** Original [start, end) of a normalised span. */
export function originalSpan(n: Normalised, start: number, end: number): [number, number] {
  const s = n.map[start] ?? 0;
  const last = n.map[end - 1];
  const e = last === undefined ? s : last + 1;
  return [s, e];
}
