/**
 * Whether two figures that measure the same quantity agree, allowing for the precision each
 * states, ranges, and hedges. Anything that is neither clearly the same nor clearly different
 * is `unsure`: Tally says nothing rather than accuse a page on a rounding question.
 */
import type { Figure, Qualifier } from '../quantity/figure';

export type Agreement = 'agree' | 'conflict' | 'unsure';

type Bound = 'lower' | 'upper' | 'point';

function boundOf(q: Qualifier): Bound {
  if (q === 'over' || q === 'at-least') return 'lower';
  if (q === 'under' || q === 'at-most') return 'upper';
  return 'point';
}

/** Room a hedge gives: "about 40%" is 38–42%. */
function slack(f: Figure): number {
  return f.qualifier === 'about' || f.qualifier === 'nearly' ? 0.05 * Math.abs((f.low + f.high) / 2) : 0;
}

/** Compares two figures of the same unit kind. `page` is the page's figure, `source` the document's. */
export function compareValues(page: Figure, source: Figure): Agreement {
  const tol = Math.max(page.tolerance, source.tolerance);
  // A restatement agrees when the larger of the two rooms (rounding and hedge) covers the
  // difference: they do not add up, so "about 120" is not "about 109" (both still widen the margin
  // of no verdict). A hair of relative slack absorbs binary floating point: 1.3 − 1.25 is
  // 0.05000000000000004.
  const width = tol + Math.max(slack(page), slack(source)) + 1e-9 * Math.max(Math.abs(page.high), Math.abs(source.high), 1);
  // Between "agree" and "conflict" lies a margin where neither is said.
  const margin = width + slack(page) + slack(source) + 0.01 * Math.max(Math.abs(page.high), Math.abs(source.high));
  const pb = boundOf(page.qualifier);
  const sb = boundOf(source.qualifier);
  if (pb !== 'point' && sb !== 'point') {
    // "under $200 billion" against "over $260 billion": bounds that cannot both hold.
    if (pb === 'upper' && sb === 'lower') return page.high < source.low - margin ? 'conflict' : 'unsure';
    if (pb === 'lower' && sb === 'upper') return page.low > source.high + margin ? 'conflict' : 'unsure';
    // "more than 5%" against "over 7%": the two texts name different thresholds.
    return points(page, source, width, margin);
  }
  if (pb === 'lower') {
    if (source.low >= page.low - width) return stretches(page.low, source.high) ? 'unsure' : 'agree';
    return source.high < page.low - margin ? 'conflict' : 'unsure';
  }
  if (pb === 'upper') {
    if (source.high <= page.high + width) return stretches(source.low, page.high) ? 'unsure' : 'agree';
    return source.low > page.high + margin ? 'conflict' : 'unsure';
  }
  if (sb === 'lower') return page.high < source.low - margin ? 'conflict' : 'unsure';
  if (sb === 'upper') return page.low > source.high + margin ? 'conflict' : 'unsure';
  return points(page, source, width, margin);
}

/**
 * A bound this far from the value holds, but does not restate it: "at least 10 deals" is true of
 * 64 and tells the reader nothing of them; "more than half" of 51% and "under $200 billion" of
 * $150 billion do restate.
 */
const BOUND_REACH = 2;

/** Whether `far` lies beyond BOUND_REACH times `near` (both on the same side of zero). */
function stretches(near: number, far: number): boolean {
  return near > 0 && far > near * BOUND_REACH;
}

function points(page: Figure, source: Figure, width: number, margin: number): Agreement {
  const pRange = page.high > page.low;
  const sRange = source.high > source.low;
  if (pRange && sRange) {
    if (Math.abs(page.low - source.low) <= width && Math.abs(page.high - source.high) <= width) return 'agree';
  } else if (sRange) {
    // "a quarter" inside "20–30%"
    if (page.low >= source.low - width && page.high <= source.high + width) return 'agree';
  } else if (pRange) {
    if (source.low >= page.low - width && source.high <= page.high + width) return 'agree';
  } else if (Math.abs(page.low - source.low) <= width) {
    return 'agree';
  }
  const gap = Math.max(source.low - page.high, page.low - source.high);
  return gap > margin ? 'conflict' : 'unsure';
}
