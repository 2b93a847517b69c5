/**
 * Normalisation before matching, keeping a map back to the original text so a finding can name
 * the exact words the enterprise wrote: NFKC (full-width → half-width: "ＡＢＣ１２３" → "abc123",
 * "，" becomes ","), traditional characters simplified (獲 → 获), lower case (English), spaces dropped next to CJK ("上海 市" → "上海市"),
 * other runs of whitespace collapsed to one space (a line break is kept: it ends a message or paragraph),
 * Chinese/English punctuation variants unified.
 */
import * as OpenCC from "opencc-js/t2cn";
export type Normalised = { text: string; /** index in `text` → index in the original */ map: number[] };

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Traditional → simplified, one character at a time (曾獲「福建省優秀工程諮詢成果獎」 → 曾获「福建省优秀工程咨询成果奖」),
 * so the text keeps its length and the map back to the original stays one to one. OpenCC's Hong Kong/Taiwan →
 * mainland tables (opencc-js); a character it would turn into more than one is left as it is.
 */
const toSimplified = OpenCC.Converter({ from: "hk", to: "cn" });
const simplified = new Map<string, string>();
function simplify(ch: string): string {
  if (!CJK.test(ch)) return ch;
  let s = simplified.get(ch);
  if (s === undefined) {
    const c = toSimplified(ch);
    simplified.set(ch, (s = [...c].length === 1 ? c : ch));
  }
  return s;
}
/** A heading word at a line's start followed by whitespace and a CJK character (the match ends at the whitespace). */
const HEADING =
  /(?<=^|\n)\s*(?:澄清|答疑|更正公告|更正|补遗|补充公告|变更公告|公告|通知|说明|备注|附件|附注|注)[ \t\u3000](?=\s*[\u3400-\u9fff])/gu;
/** A character a Chinese sentence cannot end on (a preposition, particle or comma): a line break after it is a wrap. */
const WRAP_END_ZH = /[在于的须需应为和与及或由向对从以将把被是有等，,]/u;
const PUNCT: Record<string, string> = { "、": "，", "﹐": "，", "；": "；", "﹔": "；", "。": "。", "．": "。" };

export function normalise(original: string): Normalised {
  const chars: string[] = [];
  const map: number[] = [];
  let i = 0;
  for (const ch of original) {
    let n = simplify(ch.normalize("NFKC")).toLowerCase();
    // Latin letters lose their accents (Garzê → garze, Lāsà → lasa): one character stays one
    if (/[\u00c0-\u024f\u1e00-\u1eff]/u.test(n)) n = n.normalize("NFD").replace(/\p{M}/gu, "");
    n = PUNCT[n] ?? n;
    // a line break is kept: it ends a message or paragraph (paragraphAround, sentenceAround, takenBack read it)
    if (/\s/.test(n)) n = n === "\n" ? "\n" : " ";
    for (const c of n) {
      chars.push(c);
      map.push(i);
    }
    i += ch.length;
  }
  // A heading word and a space at the start of a line (澄清 原公告…, 更正公告 原公告…) is a label: read as "澄清：原公告",
  // so the space dropped below cannot join the heading to the next word (澄清 原 → 清原, a county).
  for (const m of chars.join("").matchAll(HEADING)) chars[m.index + m[0].length - 1] = "：";
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
      if (prev === undefined || after === undefined || prev === " " || prev === "\n" || after === "\n" || CJK.test(prev) || CJK.test(after))
        continue;
    }
    // A line broken in mid-phrase (注册地在\n湘西…以外, 须位于\n舟曲县; "registered\nin Hunan") is one line: the break
    // is dropped after a word that cannot end a sentence, or becomes a space between two Latin words.
    if (c === "\n") {
      const prev = text[text.length - 1];
      let next = k + 1;
      while (chars[next] === " ") next++;
      const after = chars[next];
      if (prev !== undefined && after !== undefined && after !== "\n") {
        if (WRAP_END_ZH.test(prev) && CJK.test(after)) continue;
        if (/[a-z,]/u.test(prev) && /[a-z]/u.test(after)) {
          text.push(" ");
          outMap.push(map[k]!);
          continue;
        }
      }
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
