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

/**
 * Written Cantonese read as Mandarin (喺 → 在, 唔 → 不, 冇 → 没有, 嘅 → 的 …): 唔使本地公司 says 不使 and must read so.
 * 係 is not here: in standard traditional text it is 系 (關係); it becomes 是 only after 但/唔/就/都… (IN_CONTEXT).
 */
const CANTONESE: Record<string, string> = {
  喺: "在",
  唔: "不",
  冇: "没有",
  嘅: "的",
  咗: "了",
  哋: "们",
  啲: "些",
  畀: "给",
  俾: "给",
  攞: "拿",
  揾: "找", // 搵 too: simplification has made it 揾 by the time this table is read
  睇: "看",
  嚟: "来",
  // Hokkien (Minnan) as written in Fujian and Taiwan: 佇晉江 = 在晋江 (伫 after simplification)
  伫: "在",
};
/** Replacements of the same length that depend on the neighbours (after simplification and CANTONESE). */
const IN_CONTEXT: [RegExp, string][] = [
  // 但係 / 唔係 / 就係 / 都係 → 是 (not 关系, 系统, 系列)
  [/(?<=[但不就都也亦仲即先])系(?![统列数])/gu, "是"],
  // 頭三間 → 前三家 (the first three), 三間公司 → 三家公司
  [/头(?=[一二三四五六七八九十两\d]{1,2}[间家名个位])/gu, "前"],
  [/(?<=[一二三四五六七八九十两\d])间(?=报名|公司|机构|单位|事务所|的|[，,。！!？?]|$)/gu, "家"],
  // 唔使 → 不用 (need not)
  [/不使(?=一定|要|专门|特别|特意|本地|在|浪费|报|白|来|费|搞|参与|投)/gu, "不用"],
  // Sichuan–Chongqing 莫得 (没有) and 莫报 / 莫来 (别报, 别来): 莫得的不考虑, 其他律所莫报
  [/莫得/gu, "没有"],
  [/莫(?=报|来|去|要|搞|投|参)/gu, "别"],
  // 盟内注册的测绘机构、旗内企业 → 本盟, 本旗 (Inner Mongolia's "in this league / banner"); not 联盟内成员, 红旗内
  [/(?<![联同加结红国彩锦党团队战])([盟旗])内(?=注册|登记|设立|成立|的|企业|机构|单位|公司|服务商|供应商|测绘|中介|事务所|范围)/gu, "本$1"],
  // 报名机购 → 机构: a homophone slip of the bidder's own word (jīgòu), typed on a phone
  [/机购/gu, "机构"],
  // 在地廠商 (Taiwan: local vendors) → 本地厂商; not 所在地, 驻在地
  [/(?<![所驻存落实])在地(?=厂商|业者|企业|机构|公司|单位|供应商|服务商|团队|事务所|顾问)/gu, "本地"],
];

const PINYIN_INITIALS: [string, string][] = [
  ["bd", "本地"],
  ["yx", "优先"],
  ["zc", "注册"],
  ["wd", "外地"],
];

export function normalise(original: string): Normalised {
  const chars: string[] = [];
  const map: number[] = [];
  let i = 0;
  for (const ch of original) {
    let n = simplify(ch.normalize("NFKC")).toLowerCase();
    // Latin letters lose their accents (Garzê → garze, Lāsà → lasa): one character stays one
    if (/[\u00c0-\u024f\u1e00-\u1eff]/u.test(n)) n = n.normalize("NFD").replace(/\p{M}/gu, "");
    n = PUNCT[n] ?? CANTONESE[n] ?? n;
    // a line break is kept: it ends a message or paragraph (paragraphAround, sentenceAround, takenBack read it)
    if (/\s/.test(n)) n = n === "\n" ? "\n" : " ";
    for (const c of n) {
      chars.push(c);
      map.push(i);
    }
    i += ch.length;
  }
  // Cantonese and Taiwanese words whose reading depends on the next or previous character (但係 → 但是, 頭三間 → 前三家,
  // 在地廠商 → 本地厂商): replaced in place, one character for one
  let joined = chars.join("");
  for (const [re, to] of IN_CONTEXT) joined = joined.replace(re, to);
  // chat shorthand by pinyin initials next to Chinese (bd的优先, yx本地, 要包头zc的, wd的不要): 本地, 优先, 注册, 外地 —
  // two letters for two characters, only touching a Chinese character (not "BD team" in an English sentence)
  for (const [initials, word] of PINYIN_INITIALS)
    joined = joined
      .replace(new RegExp(`(?<=[\\u4e00-\\u9fff])${initials}(?![a-z0-9])`, "gu"), word)
      .replace(new RegExp(`(?<![a-z0-9])${initials}(?=[\\u4e00-\\u9fff])`, "gu"), word);
  const replaced = [...joined];
  if (replaced.length === chars.length) chars.splice(0, chars.length, ...replaced);
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
