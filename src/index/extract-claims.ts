/**
 * Turns a reference document into claims: every sentence, standalone line or table row that
 * states a figure, with the figures parsed and the words that say what each measures.
 * Units that hold numbers but no figure are accounted for by one of the EXCLUSIONS below.
 */
import type { Claim, ClaimFigure } from '../claims/claim';
import type { Figure } from '../quantity/figure';
import { numberRoles, scanQuantities, SUPERLATIVE_AFTER, type NumberRole } from '../quantity/parse-figures';
import { placedTerms, termsOf } from '../text/terms';
import { isEntity } from '../text/entities';
import { clauseBoundaries, figureEntity, figureTermsOfAll, referencePlaces } from '../match/figure-context';
import { documentUnits, type DocumentUnit } from './document-units';

export interface Exclusion {
  id: string;
  /** Why units like these are not claims. */
  why: string;
  test: (unit: DocumentUnit, roles: NumberRole[]) => boolean;
}

/** Numbers of the text that are not figures, when none of a unit's numbers is one. */
const onlyRoles = (roles: NumberRole[], allowed: NumberRole[]) => roles.length > 0 && roles.every((r) => allowed.includes(r));

/**
 * What the index leaves out, and why. Each rule names a kind of unit; the coverage test checks
 * that every unit of every document with a digit or a number word is a claim or matches one.
 */
export const EXCLUSIONS: Exclusion[] = [
  {
    id: 'superlative-ranks',
    why: 'Only a rank by a superlative ("the world\'s second-largest market has closed the gap"): it names what the sentence is about; it is a claim where the sentence measures something too.',
    test: (u) => {
      const figures = scanQuantities(u.text).figures;
      return figures.length > 0 && figures.every((f) => f.unit === 'rank' && SUPERLATIVE_AFTER.test(u.text.slice(f.end)));
    },
  },
  {
    id: 'dates',
    why: 'Only dates and years: a year scopes a figure, it is not one ("April 2026", "Data as of January 9, 2026").',
    test: (_u, roles) => onlyRoles(roles, ['period', 'window']),
  },
  {
    id: 'names-and-labels',
    why: 'Numbers that are parts of names or labels: "Exhibit 12", "Decree No. 818", "IL-2", "3SBio", "14th Five-Year Plan".',
    test: (_u, roles) => onlyRoles(roles, ['label', 'name', 'ordinal', 'period', 'window']),
  },
  {
    id: 'contents',
    why: 'Table-of-contents entries: a page number before a section title.',
    test: (u) => /^\d{1,3} [A-Z][^.!?]*$/.test(u.text.trim()) && u.text.length < 80,
  },
  {
    id: 'page-furniture',
    why: 'Weather, page numbers, copyright and licence lines of the page the document was saved from.',
    test: (u) =>
      /^-?\d+(\.\d+)?\s?°?C$/.test(u.text.trim()) ||
      /^Page [A-Z]?\d+$/.test(u.text.trim()) ||
      /copyright|©|公网安备|All rights reserved|Internet Explorer/i.test(u.text),
  },
  {
    id: 'publisher-methodology',
    why: "The publisher's note on how it scores stories (\"Verified by N sources\", \"Impact score (1-10)\"): about the website, not the subject.",
    test: (u) => /^How we covered this story$/i.test(u.heading),
  },
  {
    id: 'chart-labels',
    why: 'Chart labels left over from an exhibit image ("~70", "Top 20", "\'20-\'25"): the text no longer says what they measure.',
    test: (u) => /^(?:~?\d+(?:[.,]\d+)?[¹²³⁴⁵⁶⁷⁸⁹⁰]*|Top \d+|'\d\d-'\d\d)$/.test(u.text.trim()),
  },
];

/** Pronouns that make a sentence lean on the one before it for its subject. */
const LEANS_BACK = /^(?:They|This|These|It|Its|Their|That|Those|Such|He|She)\b/;

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Bare numbers of a table column take their unit from its header: "USA (\$Bn)", "% in total funding". */
function applyHeaderUnit(figure: Figure, header: string): Figure {
  if (figure.unit !== 'count') return figure;
  const money = /\(\s*(?:\\?\$|USD|US\$)\s*(Bn|bn|B|Mn|mn|M)\s*\)/.exec(header) ?? /\(\s*RMB\s*(billion|million)\s*\)/i.exec(header);
  if (money) {
    const scale = /^b/i.test(money[1]!) ? 1e9 : 1e6;
    const currency = /RMB/.test(money[0]) ? 'RMB' : 'USD';
    return { ...figure, unit: 'currency', currency, scale, low: figure.low * scale, high: figure.high * scale, tolerance: figure.tolerance * scale };
  }
  return figure;
}

function periodFromTitle(title: string): Figure['period'] {
  const p = scanQuantities(title).periods[0];
  return p ? { text: p.text, from: p.from, to: p.to } : undefined;
}

function entityOfHeader(header: string): string | undefined {
  return placedTerms(header).find((t) => isEntity(t.term))?.term;
}

/** The figures of a sentence, each with its context terms and entity. */
function sentenceFigures(unit: DocumentUnit): ClaimFigure[] {
  const scan = scanQuantities(unit.text);
  const terms = placedTerms(unit.text);
  const boundaries = clauseBoundaries(unit.text);
  const weightsOf = figureTermsOfAll(unit.text, terms, boundaries, scan.figures);
  const references = referencePlaces(unit.text, terms);
  return scan.figures.map((f, i) => {
    const ranked = [...weightsOf[i]!].filter(([, w]) => w >= 0.2).sort((a, b) => b[1] - a[1]);
    const context = ranked.map(([t]) => t);
    const weights = ranked.map(([, w]) => Math.round(w * 100) / 100);
    const entity = figureEntity(unit.text, terms, boundaries, f.start, f.end, references);
    return entity ? { ...f, context, weights, entity } : { ...f, context, weights };
  });
}

/** The figures of a table row: each cell parsed alone, read with its column header and row label. */
function rowFigures(unit: DocumentUnit): ClaimFigure[] {
  const table = unit.table!;
  const period = periodFromTitle(table.title);
  const out: ClaimFigure[] = [];
  table.cells.forEach((cell, c) => {
    const cellText = unit.text.slice(cell.start, cell.end);
    const header = table.columns[c] ?? '';
    for (const parsed of scanQuantities(cellText).figures) {
      let f: Figure = { ...parsed, start: parsed.start + cell.start, end: parsed.end + cell.start };
      f = applyHeaderUnit(f, header);
      if (!f.period && period) f.period = period;
      const context = [...new Set([...termsOf(cellText), ...termsOf(header), ...termsOf(table.rowLabel)])].filter((t) => !isEntity(t));
      const weights = context.map(() => 1);
      const entity = entityOfHeader(header) ?? entityOfHeader(cellText.slice(0, parsed.start));
      out.push(entity ? { ...f, context, weights, entity } : { ...f, context, weights });
    }
  });
  return out;
}

export interface Extraction {
  claims: Claim[];
  /** Units with numbers but no claim, with the rule that accounts for them (or none). */
  excluded: { unit: DocumentUnit; rule?: Exclusion }[];
  units: DocumentUnit[];
}

/** Extracts the claims of one document. `file` is the seed's file name. */
export function extractClaims(file: string, content: string): Extraction {
  const units = documentUnits(content);
  const claims: Claim[] = [];
  const excluded: Extraction['excluded'] = [];
  const seen = new Map<string, number>();
  const docId = file.slice(0, 3);
  for (const unit of units) {
    const figures = unit.kind === 'row' ? rowFigures(unit) : sentenceFigures(unit);
    const rule = EXCLUSIONS.find((r) => r.test(unit, numberRoles(unit.text).map((n) => n.role)));
    if (!figures.length || rule) {
      if (numberRoles(unit.text).length) excluded.push({ unit, rule });
      continue;
    }
    const quote = unit.kind === 'row' ? unit.text : unit.text.trim();
    const hash = fnv1a(quote);
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    const context = unit.kind === 'row'
      ? `${unit.table!.title} ${unit.table!.columns.join(' ')} ${unit.table!.rowLabel}`
      : `${unit.heading} ${LEANS_BACK.test(quote) ? unit.previous : ''}`;
    const terms = [...new Set([...termsOf(quote), ...termsOf(context)])];
    const subject = [unit.kind === 'row' ? `${unit.table!.title} · ${unit.table!.rowLabel}` : unit.heading]
      .concat([...new Set(figures.map((f) => f.entity).filter((e): e is string => !!e).map((e) => e.slice(1)))]);
    claims.push({
      id: `${docId}-${hash}${n ? `-${n}` : ''}`,
      source: file,
      quote,
      heading: unit.kind === 'row' ? unit.table!.title : unit.heading,
      subject,
      terms,
      figures,
    });
  }
  return { claims, excluded, units };
}
