/**
 * The quantity model shared by the indexer, the content script and the `check` CLI.
 *
 * A figure is one number as a text states it: its value (a point or a range), what kind of
 * quantity it is, how precisely it was written, the hedge around it ("about", "over"), and the
 * period it is scoped to. Years are never figures: they become the `period` of a figure.
 */

/** What a figure measures. Values of different kinds are never compared. */
export type UnitKind =
  | 'percent' // 18%, 18 per cent, a quarter, one-third (fractions are kept as percent)
  | 'currency' // $112.8 billion, RMB 5 million, \$7–10 Mn/PCC
  | 'count' // 400 patents, eleven, 7,100 people per square kilometer
  | 'multiple' // five times, 3–4X, 2.6x
  | 'duration' // 30-day, 5–6 months, 10 years
  | 'rank'; // seventh, No. 2

/** The hedge a text puts around a figure. */
export type Qualifier =
  | 'exact'
  | 'about' // about, around, roughly, approximately, ~, some, close to
  | 'nearly' // nearly, almost, just under
  | 'over' // over, more than, above, exceeded, >
  | 'at-least' // at least, no less than, >=
  | 'under' // under, less than, below, fewer than, <
  | 'at-most' // at most, no more than, <=
  | 'up-to'; // up to, as much as: states the maximum, compared as the value itself

/** The time a figure is scoped to, in whole years (inclusive). */
export interface Period {
  /** As written: "2025", "through August 2025", "from 2023 to 2025", "2020". */
  text: string;
  from: number;
  to: number;
}

export interface Figure {
  /** The figure exactly as written, a substring of the parsed text at [start, end). */
  text: string;
  start: number;
  end: number;
  /** Value in base units (112.8e9 for "$112.8 billion", 25 for "25%"); low === high for a point. */
  low: number;
  high: number;
  unit: UnitKind;
  /** ISO-like currency code for `currency` figures: USD, RMB, EUR, GBP, JPY, HKD. */
  currency?: string;
  /** The multiplier the text wrote (1e9 for "billion", "bn", "Bn"); 1 when none. */
  scale: number;
  /** Half the last written digit's place, in base units: 0.05e9 for "$112.8 billion", 0.5 for "18%". */
  tolerance: number;
  qualifier: Qualifier;
  /** For duration figures: the time unit as written, normalised. */
  timeUnit?: 'day' | 'week' | 'month' | 'year';
  /** Denominator of a rate, normalised: "square kilometer", "pcc", "patient". */
  per?: string;
  period?: Period;
  /** True when the figure was written in words ("eleven", "a quarter"). */
  words?: boolean;
}
