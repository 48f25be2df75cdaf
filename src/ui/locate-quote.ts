/**
 * Where a claim's quote sits in its source document, as offsets into `text`; null when it cannot
 * be found. Tries the exact quote first, then ignores differences of whitespace (the indexer may
 * have joined a table row's cells or a wrapped line with single spaces).
 */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const wanted = quote.replace(/\s+/g, '');
  if (wanted.length === 0) return null;
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  // Text without whitespace, with the offset in `text` of each kept character.
  const kept: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (!/\s/.test(ch)) {
      kept.push(ch);
      offsets.push(i);
    }
  }
  const at = kept.join('').indexOf(wanted);
  if (at < 0) return null;
  return { start: offsets[at] as number, end: (offsets[at + wanted.length - 1] as number) + 1 };
}
