/**
 * The verdict for each figure of one page sentence: which claim figure measures the same
 * quantity (same unit kind, period, place and description), and whether the values agree.
 */
import { isTableRow } from '../claims/claim';
import type { ClaimIndex, IndexedClaim, IndexedFigure } from '../claims/claim-index';
import type { Figure, Period } from '../quantity/figure';
import { NUMBER_WORDS } from '../quantity/number-words';
import { scanQuantities, type QuantityScan } from '../quantity/parse-figures';
import { placedTerms, spelledOutIn, type PlacedTerm } from '../text/terms';
import { compareValues, type Agreement } from './compare-values';
import { clauseBoundaries, figureEntity, figureTermsOfAll, referencePlaces, type TermWeights } from './figure-context';
import { retrieveCandidates, type Candidate } from './retrieve';
import {
  assertion,
  changeSubject,
  claimFigureIsChange,
  claimFigureIsForecast,
  claimHead,
  clauseAround,
  clausePlaces,
  companyAgainstPlace,
  companyNamedBefore,
  headTerms,
  implausibleGap,
  isChange,
  isOutcome,
  otherHead,
  otherRanked,
  otherSubject,
  ownersAround,
  partOfYear,
  POPULATION_END,
  referentClause,
  SCOPE_WORDS,
  sentenceSubject,
  setsGoal,
  shareWhole,
  toldOfOther,
  type SentenceSubject,
} from './subject-guards';
import { isEntity } from '../text/entities';
import type { Verdict } from './finding';

export interface FigureMatch {
  verdict: Verdict;
  figure: Figure;
  claim: IndexedClaim;
  sourceFigure: IndexedFigure;
  /** Similarity of what the two figures measure, 0–1. */
  score: number;
  /** fuse.js similarity of the claim to the sentence's words, 0–1. */
  fuzzy?: number;
}

/** Similarity a lone agreeing figure needs to be corroborated. */
const CORROBORATE_AT = 0.3;
/** Words next to the figure on both sides must share at least this much IDF weight. */
const MIN_LOCAL = 1.5;
/** …or the claim holds this much IDF weight of the words at the page figure, at this similarity. */
const DESCRIBED = 6;
const DESCRIBED_SIM = 0.35;
/** Two or more distinctive figures agreeing with one claim: the claim's share of the sentence's terms, and each pair's similarity. */
const JOINT_OVERLAP = 0.25;
const JOINT_SIM = 0.1;
/** A further figure of a claim the sentence restates needs this much similarity. */
const ANCHORED_SIM = 0.1;
/** A conflict with nothing else of the sentence confirmed: similarity, shared near words (IDF weight and count). */
const CONFLICT_ALONE_AT = 0.3;
/** A value stated as precisely as the claim's (see samePrecise) agrees from this similarity, with two near words in common weighing this much. */
const PRECISE_AT = 0.2;
const PRECISE_LOCAL = 6;
const STRONG_LOCAL = 9;
/** An agreeing reading this much less similar than a conflict's does not stop the conflict. */
const FAR_WEAKER = 0.3;
/** The runner-up alignment must trail the best by this much, or the figure is ambiguous. */
const MARGIN = 0.06;

export interface Pair {
  claim: IndexedClaim;
  figure: IndexedFigure;
  sim: number;
  local: number;
  shared: number;
  /** IDF weight of the words right at the page figure that the claim holds anywhere. */
  described: number;
  /** Both figures name a place, the same one. */
  sameEntity: boolean;
  agreement: Agreement;
}

function sameKind(p: Figure, c: IndexedFigure): boolean {
  if (p.unit !== c.unit) return false;
  if (p.unit === 'currency' && p.currency !== c.currency) {
    const yen = (x?: string) => x === 'YEN-SIGN' || x === 'RMB' || x === 'JPY';
    if (!(yen(p.currency) && yen(c.currency) && (p.currency === 'YEN-SIGN' || c.currency === 'YEN-SIGN'))) return false;
  }
  if (p.unit === 'duration' && p.timeUnit !== c.timeUnit) return false;
  if (p.per && c.per && p.per !== c.per) return false;
  if ((p.per === 'point') !== (c.per === 'point')) return false;
  if (otherPeriod(p, c)) return false;
  // "The first half of 2025", "Q1 2025" and "through August 2025" are parts of the year 2025.
  if (p.period && c.period && partOfYear(p.period.text) !== partOfYear(c.period.text)) return false;
  return true;
}

const spelledOutWords = new WeakMap<ReadonlyMap<string, number>, Set<string>>();

/** `spelledOutIn(weights)`, once per bag of words: a page figure's is compared with many claims. */
function wordsOf(weights: ReadonlyMap<string, number>): Set<string> {
  let words = spelledOutWords.get(weights);
  if (!words) spelledOutWords.set(weights, (words = spelledOutIn(weights)));
  return words;
}

/**
 * How alike the descriptions of two figures are: the IDF-weighted share of the page figure's
 * context found in the claim, and of the claim figure's near context found on the page,
 * combined as a harmonic mean. `local` is the weight of the words near both figures.
 */
function similarity(idf: (term: string) => number, page: TermWeights, claim: IndexedClaim, figure: IndexedFigure): { sim: number; local: number; shared: number; described: number } {
  let pageTotal = 0;
  let pageHit = 0;
  let local = 0;
  let shared = 0;
  let described = 0;
  const pageWords = wordsOf(page);
  for (const [term, w] of page) {
    const weight = idf(term);
    // An abbreviation's words weigh only where the other side has them: the abbreviation itself counts once.
    if (!claim.termSet.has(term)) {
      if (!pageWords.has(term)) pageTotal += w * weight;
      continue;
    }
    pageTotal += w * weight;
    if (w >= 0.6) described += weight;
    const near = figure.near.get(term) ?? 0;
    pageHit += w * weight * (0.6 + 0.4 * near);
    // The words right at the page figure, found near the claim's figure too.
    if (w >= 0.6 && near >= 0.5) {
      local += weight * Math.min(w, near);
      shared++;
    }
  }
  let nearTotal = 0;
  let nearHit = 0;
  const claimWords = wordsOf(figure.near);
  for (let k = 0; k < figure.nearTerms.length; k++) {
    const term = figure.nearTerms[k]!;
    const wp = page.get(term);
    if (wp === undefined && claimWords.has(term)) continue;
    const weighted = figure.nearWeighted[k]!;
    nearTotal += weighted;
    if (wp !== undefined) nearHit += weighted * Math.min(1, wp + 0.3);
  }
  const a = pageTotal ? pageHit / pageTotal : 0;
  // A claim figure with no words of its own near it ("…, while China's was 39") is judged by the page side alone.
  const b = nearTotal ? nearHit / nearTotal : a;
  return { sim: a + b ? (2 * a * b) / (a + b) : 0, local, shared, described };
}

export interface MatchOptions {
  /** Scores each finding's claim against the sentence's words (`fuzzy`): the CLI passes fuzzyScore. */
  fuzzy?: (claim: IndexedClaim, words: string[]) => number;
  /**
   * Sees every figure's candidate pairs, for tuning: the matching then weighs the words of every
   * sentence that has candidates and figures, even those whose values no claim could anchor.
   */
  debug?: (f: Figure, entity: string | undefined, pairs: Pair[]) => void;
}

/** Matches every figure of `sentence` against the index. */
export function matchSentence(sentence: string, index: ClaimIndex, options: MatchOptions = {}): FigureMatch[] {
  // Retrieval first: most sentences of a page share too little with any claim to be parsed at all.
  const terms = placedTerms(sentence);
  const candidates = retrieveCandidates(index, terms.map((t) => t.term));
  if (!candidates.length || !mayAnchor(sentence, candidates, terms, index)) return [];
  const scan = scanQuantities(sentence);
  if (!scan.figures.length) return [];
  if (!options.debug && !valuesMayAnchor(scan.figures, candidates, terms, index)) return [];
  return alignFigures(sentence, index, options, terms, candidates, scan);
}

/**
 * The rest of `matchSentence`, for a sentence some figure of which may anchor a finding: its
 * figures paired with the candidates' and weighed, the pairs its subject, clauses and stance rule
 * out taken away, and the findings chosen. A function of its own: few sentences get here, and the
 * first steps, which every sentence takes, are compiled apart from it sooner and more cheaply.
 */
function alignFigures(sentence: string, index: ClaimIndex, options: MatchOptions, terms: PlacedTerm[], candidates: Candidate[], scan: QuantityScan): FigureMatch[] {
  const debug = options.debug;
  const boundaries = clauseBoundaries(sentence);
  const idf = index.idf;

  // Every compatible (page figure, claim figure) pair, with how alike they are.
  // The places the sentence names: a conflict is only raised about one of them.
  // Yardsticks ("to rival Boston and the Bay Area") are not what the sentence is about.
  const references = referencePlaces(sentence, terms);
  const places = new Set(terms.filter((t, k) => t.term.startsWith('@') && !references.has(k)).map((t) => t.term));
  const aboutNamedPlace = (p: Pair) => places.size === 0 || !p.figure.entity || places.has(p.figure.entity);
  const pageTerms: string[][] = [];
  const pageEntities: (string | undefined)[] = [];
  let subject: SentenceSubject | undefined;
  const placesOfDocument = (file: string) => documentPlaces(index, file);
  const sentenceTerms = new Set(terms.map((t) => t.term));
  const weightsOf = figureTermsOfAll(sentence, terms, boundaries, scan.figures);
  const rawPairs: Pair[][] = scan.figures.map((f, fi) => {
    const weights = weightsOf[fi]!;
    const near: string[] = [];
    for (const [t, w] of weights) if (w >= 0.6) near.push(t);
    pageTerms.push(near);
    const entity = figureEntity(sentence, terms, boundaries, f.start, f.end, references);
    pageEntities.push(entity);
    const pairs: Pair[] = [];
    for (const cand of candidates) {
      for (const g of cand.claim.figures) {
        if (!sameKind(f, g)) continue;
        if (entity && g.entity && entity !== g.entity) continue;
        pairs.push({ claim: cand.claim, figure: g, ...similarity(idf, weights, cand.claim, g), sameEntity: !!entity && entity === g.entity, agreement: compareValues(f, g) });
      }
    }
    pairs.sort((a, b) => b.sim - a.sim);
    if (debug) debug(f, entity, pairs);
    return pairs;
  });
  // Every finding rests on an anchor (steps 1, 2 and 4 below; step 3 only extends them), and
  // what follows only takes pairs away or weakens their agreement: without a pair that meets what
  // an anchor asks of the pair itself, the sentence states none of the claims, and its subject
  // and clauses need no reading.
  const joint = new Set(candidates.filter((c) => c.overlap >= JOINT_OVERLAP).map((c) => c.claim));
  if (!rawPairs.some((pairs, i) => pairs.some((p) => mayAnchorPair(p, scan.figures[i]!, joint)))) return [];
  const pairsByFigure: Pair[][] = rawPairs.map((pairs, fi) => {
    if (pairs.length === 0) return pairs;
    const f = scan.figures[fi]!;
    const entity = pageEntities[fi];
    // A figure the sentence denies or only supposes is no statement of it; one it doubts is
    // never called a conflict.
    const clause = clauseAround(boundaries, f.start, f.end);
    const stance = assertion(sentence, clause[0], f.start, f.end);
    if (stance === 'denied') return [];
    if (stance === 'doubted') for (const p of pairs) if (p.agreement === 'conflict') p.agreement = 'unsure';
    // Nor is one about another company, product, place, thing counted or kind of percentage.
    subject ??= sentenceSubject(sentence);
    const referent = referentClause(sentence, terms, boundaries, clause, f.start);
    const places = clausePlaces(terms, referent ?? clause);
    const owners = ownersAround(sentence, f.start, f.end);
    const change = f.unit === 'percent' && isChange(sentence, f.start, f.end);
    // "Stands at 70% today" is no projection or goal, whatever year the sentence goes on to name.
    const outcome = isOutcome(sentence, f) || saidOfNow(sentence, f);
    let head: string[] | undefined;
    let changeWords: string[] | undefined;
    let whole: string[] | undefined;
    const clauseBefore = sentence.slice(clause[0], f.start);
    let companyBefore: boolean | undefined;
    const namedBefore = () => (companyBefore ??= companyNamedBefore(clauseBefore, entity));
    const kept: Pair[] = [];
    for (const p of pairs) {
      if (otherSubject(subject, owners, places, p.claim, placesOfDocument, referent ? [referent[0], clause[1]] : clause)) continue;
      if (otherRanked(sentence, f, p.claim)) continue;
      if (companyAgainstPlace(namedBefore, p.claim, p.figure)) continue;
      if (outcome && claimFigureIsForecast(p.claim, p.figure)) continue;
      if (f.unit === 'percent' && change !== claimFigureIsChange(p.claim, p.figure)) continue;
      if (change && toldOfOther(changeSubject, (changeWords ??= changeSubject(sentence, clause[0], f.start)), sentenceTerms, p.claim, p.figure)) continue;
      if (f.unit === 'percent' && toldOfOther(shareWhole, (whole ??= shareWhole(sentence, clause[0], f.start)), sentenceTerms, p.claim, p.figure)) continue;
      head ??= headTerms(sentence, f.end);
      if (otherHead(head, sentenceTerms, p.claim, p.figure)) continue;
      kept.push(p);
    }
    return sameNoun(kept, (head ??= headTerms(sentence, f.end)).at(-1));
  });

  const out: (FigureMatch | undefined)[] = scan.figures.map(() => undefined);
  const used = new Set<IndexedFigure>();
  const anchored = new Set<IndexedClaim>();
  const take = (i: number, p: Pair, verdict: Verdict) => {
    used.add(p.figure);
    out[i] = { verdict, figure: scan.figures[i]!, claim: p.claim, sourceFigure: p.figure, score: p.sim };
  };

  // The sentence says whose figure it is; a claim that binds its figure to no place must at least
  // be about that place, or come from a document about it ("Europe's 29% of licensing deals" is
  // not the 40% of a report on China; "the US … is its second-largest producer" not China's).
  const aboutOwner = (i: number, p: Pair) => {
    const owner = pageEntities[i];
    return !owner || !!p.figure.entity || p.claim.termSet.has(owner) || documentPlaces(index, p.claim.source).has(owner);
  };

  // 1. Several figures of the sentence that agree with figures of one claim are strong evidence
  //    together, even when the sentence is worded differently ("64 deals worth $10 billion").
  for (const cand of candidates) {
    if (cand.overlap < JOINT_OVERLAP) continue;
    const joint: [number, Pair][] = [];
    const taken = new Set<IndexedFigure>();
    scan.figures.forEach((_f, i) => {
      if (out[i]) return;
      const p = pairsByFigure[i]!.find((q) => q.claim === cand.claim && q.agreement === 'agree' && q.sim >= JOINT_SIM && !taken.has(q.figure) && !used.has(q.figure));
      if (!p) return;
      taken.add(p.figure);
      joint.push([i, p]);
    });
    if (joint.filter(([i]) => distinctive(scan.figures[i]!)).length < 2) continue;
    for (const [i, p] of joint) take(i, p, 'corroborated');
    anchored.add(cand.claim);
  }

  // 2. A figure that agrees on its own, described alike on both sides.
  // A small count or a rank agrees by chance often: alone, it needs two near words in common or its place.
  const stands = (p: Pair, i: number) => agreesAlone(p, scan.figures[i]!) && aboutOwner(i, p);
  scan.figures.forEach((_f, i) => {
    if (out[i]) return;
    // The counterpart is chosen by how well it is described, before its value is looked at:
    // "38% of TPD patents" is about the document's 37% of patents, not its 38% of publications.
    const pool = pairsByFigure[i]!.filter((p) => !used.has(p.figure));
    const top = Math.max(0, ...pool.map(alignment));
    const agreeing = pool.filter((p) => stands(p, i) && alignment(p) >= top - MARGIN).sort((a, b) => alignment(b) - alignment(a));
    const best = agreeing[0];
    if (!best) return;
    take(i, best, 'corroborated');
    // Documents that restate the same figure (a headline and its teaser) are all anchored.
    for (const p of agreeing) if (p.sim >= best.sim - MARGIN) anchored.add(p.claim);
  });

  // "A post said 600 patents; the correct number is 400": a claim value the sentence states with
  // one figure is not contradicted by its others.
  const statedElsewhere = (i: number, g: IndexedFigure) =>
    pairsByFigure.some((ps, k) => k !== i && ps.some((p) => p.figure === g && p.agreement === 'agree'));
  // "Three of those eleven molecules…" against a claim of "eleven …, eight of which": a figure
  // that agrees with another figure of the same claim, for the same period, may be about that
  // one; it contradicts nothing, however its words align it.
  const statesSibling = (i: number, conflict: Pair) =>
    pairsByFigure[i]!.some((p) => p.claim === conflict.claim && p.agreement === 'agree' && !otherPeriod(p.figure, conflict.figure));
  // What a conflict needs whichever step reads it: values not wildly apart, the same time, and no
  // figure of the sentence stating the claim's value, nor this one stating another of the claim's.
  const conflictStands = (i: number, conflict: Pair) =>
    !implausibleGap(scan.figures[i]!, conflict.figure) &&
    !otherTime(scan.figures[i]!, conflict.claim, conflict.figure) &&
    !statedElsewhere(i, conflict.figure) &&
    !statesSibling(i, conflict);
  // 3. The other figures of a claim the sentence is known to restate: "400 patents in 2024, versus
  //    178 in the US" aligns 178 with the claim's other count, the one for the US.
  const alignRest = () => scan.figures.forEach((f, i) => {
    if (out[i]) return;
    const rest = pairsByFigure[i]!.filter((p) => anchored.has(p.claim) && !used.has(p.figure) && p.sim >= ANCHORED_SIM);
    if (!rest.length) return;
    const best = rest[0]!;
    const runnerUp = rest[1];
    // Two readings close in similarity are ambiguous, unless one is clearly described in the
    // closer words ("nine of which come from novel modalities" against "eight … came from novel modalities").
    if (runnerUp && (best.local === 0 || (best.sim - runnerUp.sim < MARGIN && !(best.local > runnerUp.local * 1.3)))) return;
    if (!describedByClaim(pageTerms[i]!, best.claim)) return;
    // With no words of its own ("versus 178 in the US"), only the place can tie the figure to the
    // claim's: both must name it, and the same.
    if (pageTerms[i]!.length === 0 && !(pageEntities[i] && pageEntities[i] === best.figure.entity)) return;
    if (best.agreement === 'unsure') return;
    if (best.agreement === 'conflict' && (!aboutNamedPlace(best) || narrowerPopulation(best, sentenceTerms))) return;
    // A conflict read off a claim the sentence restates needs the evidence of one alone: the
    // claim's period on the page too, the same place or two near words in common, values not
    // wildly apart, and no other figure of the sentence stating the claim's value.
    if (best.agreement === 'conflict') {
      const cp = best.figure.period;
      if (cp && !scan.figures[i]!.period && !scan.periods.some((q) => samePeriod(q, cp))) return;
      // A table row's cells take their place from the column, so every cell of that column shares
      // it: only words tie a figure to a row ("about $39 billion on R&D" is no row's cell).
      const samePlace = !!pageEntities[i] && pageEntities[i] === best.figure.entity && !isTableRow(best.claim);
      if (!samePlace && best.shared < 2) return;
      if (!conflictStands(i, best)) return;
    }
    take(i, best, best.agreement === 'agree' ? 'corroborated' : 'conflicting');
  });
  alignRest();

  // 4. A conflict with no other figure of the sentence confirmed: only when the two figures are
  //    described in the same words, no other reading of the figure is close, and the claim does
  //    not count a narrower population than the sentence names.
  scan.figures.forEach((_f, i) => {
    if (out[i]) return;
    const pairs = pairsByFigure[i]!.filter((p) => !used.has(p.figure)).sort((a, b) => alignment(b) - alignment(a));
    const best = pairs[0];
    if (!best || best.agreement !== 'conflict') return;
    // Another reading that agrees stops it, unless it is far weaker ("about 40% of global cell and
    // gene therapy trials" is the 25% of those trials, not the 38% of TPD publications).
    if (pairsByFigure[i]!.some((p) => p.agreement === 'agree' && p.sim >= Math.max(CORROBORATE_AT * 0.8, best.sim - FAR_WEAKER))) return;
    if (!conflictsAlone(best, scan.figures[i]!) || !aboutNamedPlace(best)) return;
    const runnerUp = pairs.find((p) => p.figure !== best.figure && p.figure.low !== best.figure.low);
    if (runnerUp && best.sim - runnerUp.sim < MARGIN) return;
    if (narrowerPopulation(best, sentenceTerms)) return;
    // A claim given for a period says nothing against a figure given for none ("last year"),
    // unless the sentence names that period elsewhere ("a target of 70% self-reliance in … by
    // 2030") and not the present, or both set the same kind of goal ("the roadmap calls for 12
    // hubs" against "aims to establish 15 hubs by 2030").
    const cp = best.figure.period;
    if (cp && !scan.figures[i]!.period) {
      const named = scan.periods.some((q) => samePeriod(q, cp)) && !PRESENT.test(sentence);
      if (!named && !(claimFigureIsForecast(best.claim, best.figure) && setsGoal(sentence))) return;
    }
    if (!conflictStands(i, best)) return;
    if (!aboutOwner(i, best)) return;
    take(i, best, 'conflicting');
    anchored.add(best.claim);
  });
  // A claim identified by a conflict anchors the sentence's other figures too.
  alignRest();
  const found = out.filter((m): m is FigureMatch => !!m);
  if (found.length && options.fuzzy) {
    const words = sentence.toLowerCase().match(/[a-z][a-z&'-]+/g) ?? [];
    for (const m of found) m.fuzzy = options.fuzzy(m.claim, words);
  }
  return found;
}

/** Words with which a document gives a figure as of its own time, naming no year. */
const PRESENT = /\b(?:currently|current|now|today|at present|presently|to date|so far)\b/i;

/** True for a figure the sentence gives as of now: "70% today", "now 70%", "currently at 70%". */
function saidOfNow(sentence: string, f: Figure): boolean {
  return PRESENT_NEAR_BEFORE.test(sentence.slice(Math.max(0, f.start - 16), f.start)) || PRESENT_NEAR_AFTER.test(sentence.slice(f.end, f.end + 12));
}

const PRESENT_NEAR_BEFORE = /\b(?:currently|now|today|presently)(?:\s+(?:at|stands?\s+at|is|are|about|around|roughly|some|only|just))*\s+$/i;
const PRESENT_NEAR_AFTER = /^\s+(?:today|now|currently|at present)\b/i;

/**
 * A page figure given for a year says nothing against a document's figure given for the
 * document's own time: its "currently 25%" is not contradicted by "12% in 2019".
 */
function otherTime(page: Figure, claim: IndexedClaim, figure: IndexedFigure): boolean {
  return !!page.period && !figure.period && PRESENT.test(claim.quote);
}

function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to && side(a) === side(b);
}

/** "Founded before 2022" and "founded in or after 2022" name the same year, not the same time. */
function side(p: Period): 'before' | 'after' | 'at' {
  if (/^(?:before|prior to)\b/i.test(p.text)) return 'before';
  return /^(?:after|since)\b|\b(?:or later|or after|onwards?)$/i.test(p.text) ? 'after' : 'at';
}

/** Both figures are given for periods, and not the same one. */
function otherPeriod(a: { period?: Period }, b: { period?: Period }): boolean {
  return !!a.period && !!b.period && !samePeriod(a.period, b.period);
}

/** The least similarity an anchor needs: a lone agreement (step 2) or a lone conflict (step 4). */
const ANCHOR_SIM = Math.min(CORROBORATE_AT, CONFLICT_ALONE_AT);

/**
 * Whether the sentence can hold an anchor for these candidates, decided before it is parsed.
 * Every finding rests on one: two or more figures agreeing jointly with a claim that holds
 * JOINT_OVERLAP of the sentence's terms (step 1), or a pair at ANCHOR_SIM or more (steps 2 and
 * 4; step 3 only extends them). A similarity is a harmonic mean, under twice its claim side, and the claim side
 * counts only the claim figure's near words that the sentence holds: if those weigh less than
 * half of ANCHOR_SIM for every claim figure, no pair can reach it. A figure with no near words is
 * judged by the page side alone, so it is never ruled out here.
 */
function mayAnchor(text: string, candidates: readonly Candidate[], terms: readonly PlacedTerm[], index: ClaimIndex): boolean {
  let sentence: Set<string> | undefined;
  let twoFigures: boolean | undefined;
  for (const cand of candidates) {
    if (cand.overlap >= JOINT_OVERLAP && (twoFigures ??= mayHoldTwoFigures(text))) return true;
    for (const g of cand.claim.figures) {
      if (g.nearWeight <= 0) return true;
      sentence ??= new Set(terms.map((t) => t.term));
      let held = 0;
      for (let k = 0; k < g.nearTerms.length; k++) if (sentence.has(g.nearTerms[k]!)) held += g.nearWeighted[k]!;
      if (held >= (ANCHOR_SIM / 2) * g.nearWeight - 1e-9) return true;
    }
  }
  return false;
}

/**
 * Whether a figure of the sentence may anchor a finding with a figure of a candidate, judged by
 * their values before the words near each figure are weighed (see `mayAnchorPair`). An agreement
 * may anchor jointly (step 1) with a claim that holds JOINT_OVERLAP of the sentence's terms, or
 * alone (step 2) when the claim may share the words near both figures (`local`) or hold those near
 * the page's (`described`). A conflict anchors alone only (step 4), with two near words in common
 * and many of them, or some when the digits are transposed. `local`, `shared` and `described`
 * count only the sentence's terms, places left out, that the claim holds: what the sentence
 * holds bounds them.
 */
function valuesMayAnchor(figures: readonly Figure[], candidates: readonly Candidate[], terms: readonly PlacedTerm[], index: ClaimIndex): boolean {
  const own = new Set<string>();
  for (const t of terms) if (!isEntity(t.term)) own.add(t.term);
  for (const cand of candidates) {
    const { claim } = cand;
    let described: number | undefined;
    for (const g of claim.figures) {
      let local: number | undefined;
      let shared = 0;
      for (const f of figures) {
        if (!sameKind(f, g)) continue;
        const agreement = compareValues(f, g);
        if (agreement === 'unsure') continue;
        if (local === undefined) {
          local = 0;
          for (let k = 0; k < g.localTerms.length; k++) {
            if (!own.has(g.localTerms[k]!)) continue;
            local += g.localWeights[k]!;
            shared++;
          }
        }
        if (agreement === 'agree') {
          if (cand.overlap >= JOINT_OVERLAP || local >= MIN_LOCAL - 1e-9) return true;
          if (described === undefined) {
            described = 0;
            for (const term of own) if (claim.termSet.has(term)) described += index.idf(term);
          }
          if (described >= DESCRIBED - 1e-9) return true;
        } else if (shared >= 2 && (local >= STRONG_LOCAL - 1e-9 || (local >= MIN_LOCAL - 1e-9 && transposed(f, g)))) {
          return true;
        }
      }
    }
  }
  return false;
}

/**
 * Whether the text may hold two figures, which a joint agreement needs: it has two runs of
 * digits or number words between them. Figures never share a run or a word, so a text with
 * fewer holds fewer figures.
 */
function mayHoldTwoFigures(text: string): boolean {
  FIGURE_RUN.lastIndex = 0;
  return FIGURE_RUN.test(text) && FIGURE_RUN.test(text);
}

/**
 * A run of digits, or a number word standing as a whole run of letters ("one" and "first"
 * included, which isNumberWord leaves out for pre-filtering but readNumber may read). One regular
 * expression, not a loop over every word: most sentences of a page get here.
 */
const FIGURE_RUN = new RegExp(`[0-9]+|(?<![A-Za-z])(?:${[...NUMBER_WORDS].join('|')})(?![A-Za-z])`, 'gi');

/**
 * Whether a pair meets what steps 1, 2 and 4 of `matchSentence` ask of the pair alone, before the
 * sentence's subject, clauses and stance take pairs away: step 2's agreement, step 1's joint
 * agreement (with a claim in `joint`, which holds JOINT_OVERLAP of the sentence's terms), step 4's
 * conflict. False means the pair can anchor no finding.
 */
function mayAnchorPair(p: Pair, f: Figure, joint: ReadonlySet<IndexedClaim>): boolean {
  if (p.agreement === 'conflict') return conflictsAlone(p, f);
  return agreesAlone(p, f) || (p.agreement === 'agree' && p.sim >= JOINT_SIM && joint.has(p.claim) && distinctive(f));
}

/**
 * What step 2 asks of an agreeing pair itself: similar enough (or as precise as the claim with
 * near words in common), described alike near both figures, and not a small count or rank
 * agreeing by chance.
 */
function agreesAlone(p: Pair, f: Figure): boolean {
  return (
    p.agreement === 'agree' &&
    (p.sim >= CORROBORATE_AT || (p.sim >= PRECISE_AT && p.local >= PRECISE_LOCAL && p.shared >= 2 && samePrecise(f, p.figure))) &&
    (p.local >= MIN_LOCAL || (p.described >= DESCRIBED && p.sim >= DESCRIBED_SIM)) &&
    (distinctive(f) || p.shared >= 2 || p.sameEntity)
  );
}

/**
 * What step 4 asks of a conflicting pair itself: similar enough, with two near words in common,
 * and many of them; or some, when the digits are the claim's transposed ("$118.2 billion" for
 * "$112.8 billion"): a slip of the writer's, not another quantity.
 */
function conflictsAlone(p: Pair, f: Figure): boolean {
  return (
    p.agreement === 'conflict' &&
    p.sim >= CONFLICT_ALONE_AT &&
    p.shared >= 2 &&
    (p.local >= STRONG_LOCAL || (transposed(f, p.figure) && p.local >= MIN_LOCAL))
  );
}

/**
 * How well two figures' descriptions line up: overall similarity, plus the words right at both,
 * plus the place when both name the same one.
 */
function alignment(p: Pair): number {
  return p.sim + 0.01 * p.local + (p.sameEntity ? 0.1 : 0);
}

const placesByDocument = new WeakMap<ClaimIndex, Map<string, Set<string>>>();

/** The places a reference document's title names: what a claim of it is about when it names none. */
function documentPlaces(index: ClaimIndex, file: string): Set<string> {
  let byFile = placesByDocument.get(index);
  if (!byFile) placesByDocument.set(index, (byFile = new Map()));
  let places = byFile.get(file);
  if (!places) {
    const title = index.sources.get(file)?.title ?? '';
    places = new Set(placedTerms(title).map((t) => t.term).filter(isEntity));
    byFile.set(file, places);
  }
  return places;
}

/**
 * The content terms of what a claim figure is a share of, when its quote says "<figure> of …":
 * "approximately 25% of all global cell and gene therapy clinical trials" gives cell, gene,
 * therapy, clinical, trials (normalised). The phrase ends at punctuation, at a word of
 * POPULATION_END or at a number; places and SCOPE_WORDS are left out.
 */
function populationTerms(quote: string, figureEnd: number): string[] {
  const of = /^\s+of\s+/.exec(quote.slice(figureEnd, figureEnd + 12));
  if (!of) return [];
  const kept: string[] = [];
  for (const raw of quote.slice(figureEnd + of[0].length, figureEnd + of[0].length + 160).split(/\s+/)) {
    const word = raw.replace(/^[("'“‘]+/, '');
    const lower = word.toLowerCase().replace(/’/g, "'");
    // Another figure ("… publications and 37% of patents") starts another phrase.
    if (POPULATION_END.has(lower) || /\d/.test(word)) break;
    const stop = /[,;:.()!?"”]/.exec(word);
    const bare = stop ? word.slice(0, stop.index) : word;
    const key = bare.toLowerCase().replace(/’/g, "'");
    if (!SCOPE_WORDS.has(key) && !(key.length > 4 && key.endsWith('ly'))) kept.push(bare);
    if (stop) break;
  }
  return placedTerms(kept.join(' '))
    .map((t) => t.term)
    .filter((t) => !isEntity(t));
}

/**
 * True when the claim's figure is a share of something the sentence never names in full:
 * "15% of all global clinical trials" is not the document's "25% of all global cell and gene
 * therapy clinical trials", whatever else the two share. A conflict needs the same population.
 */
function narrowerPopulation(p: Pair, sentenceTerms: ReadonlySet<string>): boolean {
  return populationTerms(p.claim.quote, p.figure.end).some((t) => !sentenceTerms.has(t));
}

/** Figures that rarely agree by chance: not small whole counts such as "three" or "2". */
function distinctive(f: Figure): boolean {
  return !(f.unit === 'count' && f.high < 10 && Number.isInteger(f.low)) && f.unit !== 'rank';
}

/**
 * True when the words right around a page figure are not foreign to the claim: either there are
 * none ("versus 178 in the US") or at least one of them is in the claim. "spent $2 billion on
 * buybacks" is not the claim's deal value even in a sentence that restates the deal.
 */
function describedByClaim(near: string[], claim: IndexedClaim): boolean {
  return near.length === 0 || near.some((t) => claim.termSet.has(t));
}

/**
 * Of a claim's figures, the one counting what the page figure counts is its counterpart: where
 * the last word of the page figure's phrase is the last word of one claim figure's, the claim's
 * other figures are no readings of it ("37% of the world's papers" against "38% of global TPD
 * publications and 37% of patents" is about the 38%, whatever the values).
 */
function sameNoun(pairs: Pair[], noun: string | undefined): Pair[] {
  if (noun === undefined || pairs.length < 2) return pairs;
  const named = new Set<IndexedClaim>();
  for (const p of pairs) if (claimHead(p.claim, p.figure).at(-1) === noun) named.add(p.claim);
  if (named.size === 0) return pairs;
  return pairs.filter((p) => !named.has(p.claim) || claimHead(p.claim, p.figure).at(-1) === noun);
}

/**
 * True when the page states the claim's own value to three or more significant digits ("$902M"
 * for "$902 million", "187" for "187"): a value that precise seldom agrees by chance.
 */
function samePrecise(page: Figure, claim: IndexedFigure): boolean {
  if (page.low !== page.high || claim.low !== claim.high || page.low !== claim.low || page.unit !== claim.unit) return false;
  const digits = page.text.replace(/[^0-9]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length >= 3;
}

/**
 * True when two values are written with the same three or more digits in another order: 118.2
 * and 112.8. Two digits ("73%" and "37%") swap too often by chance to say anything.
 */
function transposed(page: Figure, claim: IndexedFigure): boolean {
  if (page.low !== page.high || claim.low !== claim.high || page.low === claim.low || page.unit !== claim.unit) return false;
  const [a, b] = [page.text, claim.text].map((text) => text.replace(/[^0-9]/g, ''));
  return a!.length >= 3 && a!.length === b!.length && [...a!].sort().join('') === [...b!].sort().join('');
}
