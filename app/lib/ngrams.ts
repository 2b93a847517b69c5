/**
 * Unigrams and bigrams for indexed substring search of Chinese names.
 * Chinese has no spaces and most searches are 2–4 characters, which trigram
 * indexes cannot serve (a 2-character LIKE pattern has no complete trigram), so
 * we index every 1- and 2-character gram in a GIN array and recheck with LIKE.
 * The database computes the stored grams (trigger organization_name_grams);
 * queryGrams must match its normalization.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s/g, "");
}

export function nameGrams(text: string): string[] {
  const chars = Array.from(normalizeForSearch(text));
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** The grams a query needs: its bigrams (or its single character). */
export function queryGrams(query: string): string[] {
  const chars = Array.from(normalizeForSearch(query));
  if (chars.length <= 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}
