/**
 * Cuts a reference document into the units a claim can be: sentences of running text, lines
 * that stand alone (headlines, key facts, teasers) and rows of the exhibit tables, each with the
 * context that says what its figures are about.
 */
import { splitSentences } from '../text/sentences';

export interface TableContext {
  /** The exhibit's title lines ("A Multi-Layer Structure…", "2025 source of … (\$Bn)"). */
  title: string;
  /** Header text of each column (header rows joined, merged cells filled in). */
  columns: string[];
  /** The row's label, inherited by continuation rows whose first cell is empty. */
  rowLabel: string;
  /** Offsets of each cell in the row's text. */
  cells: { start: number; end: number }[];
}

export interface DocumentUnit {
  /** Exact text of the unit in the document. */
  text: string;
  /** Offset of the unit in the document. */
  offset: number;
  /** 1-based line number. */
  line: number;
  kind: 'sentence' | 'row';
  /** Nearest heading above the unit, and the document's title. */
  heading: string;
  title: string;
  /** The sentence before, for units that open with a pronoun ("They also hold…"). */
  previous: string;
  table?: TableContext;
}

const SEE_EXHIBIT = /\(See[^)]*\)\.?/g;

function isHeading(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length < 120 && !/[.!?:;,]$/.test(t) && !t.includes('\t') && /^[A-Z0-9'"“‘]/.test(t);
}

/** Splits the document into units. */
export function documentUnits(content: string): DocumentUnit[] {
  const lines = content.split('\n');
  const offsets: number[] = [];
  let acc = 0;
  for (const l of lines) {
    offsets.push(acc);
    acc += l.length + 1;
  }
  const units: DocumentUnit[] = [];
  const title = lines.find((l) => l.trim())?.trim() ?? '';
  let heading = title;
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw.trim()) continue;
    if (raw.includes('\t')) {
      let j = i;
      while (j < lines.length && lines[j]!.includes('\t')) j++;
      units.push(...tableUnits(lines, offsets, i, j));
      i = j - 1;
      continue;
    }
    if (isHeading(raw) && !/\d/.test(raw)) heading = raw.trim();
    // Parenthetical pointers to exhibits are units of their own, so a sentence's quote stays clean.
    const pieces: { text: string; start: number }[] = [];
    let last = 0;
    SEE_EXHIBIT.lastIndex = 0;
    for (let m = SEE_EXHIBIT.exec(raw); m; m = SEE_EXHIBIT.exec(raw)) {
      pieces.push({ text: raw.slice(last, m.index), start: last });
      pieces.push({ text: m[0], start: m.index });
      last = m.index + m[0].length;
    }
    pieces.push({ text: raw.slice(last), start: last });
    for (const piece of pieces) {
      for (const s of splitSentences(piece.text)) {
        let text = s.text;
        let start = piece.start + s.start;
        // Numbered key facts glue their number to the first word: "- 1China's R&D spending…".
        const bullet = /^-\s*(?:\d(?=[A-Z]))?/.exec(text);
        if (bullet && bullet[0].length) {
          text = text.slice(bullet[0].length).trimStart();
          start = piece.start + s.start + (s.text.length - text.length);
        }
        if (!text.trim()) continue;
        units.push({ text, offset: offsets[i]! + start, line: i + 1, kind: 'sentence', heading, title, previous });
        if (!text.startsWith('(See')) previous = text;
      }
    }
  }
  return units;
}

/** Rows of a tab-separated exhibit table from lines [from, to), with headers and title. */
function tableUnits(lines: string[], offsets: number[], from: number, to: number): DocumentUnit[] {
  const rows = lines.slice(from, to).map((l) => l.split('\t'));
  let headerCount = 0;
  while (headerCount < rows.length && !rows[headerCount]!.slice(1).some((c) => /\d/.test(c))) headerCount++;
  const width = Math.max(...rows.map((r) => r.length));
  const columns: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let h = 0; h < headerCount; h++) {
      const row = rows[h]!;
      let cell = (row[c] ?? '').trim();
      // A header cell left empty after a filled one spans it ("Drug discovery" over four columns).
      if (!cell && c > 0) {
        for (let k = c - 1; k > 0; k--) {
          const left = (row[k] ?? '').trim();
          if (left) {
            cell = left;
            break;
          }
        }
      }
      if (cell) parts.push(cell);
    }
    columns.push(parts.join(' / '));
  }
  // The title: the non-empty lines above the table, up to the "EXHIBIT N" line.
  const titleLines: string[] = [];
  for (let k = from - 1; k >= 0 && titleLines.length < 4; k--) {
    const l = lines[k]!.trim();
    if (!l) continue;
    if (/^EXHIBIT\s+\d+/i.test(l)) break;
    titleLines.unshift(l);
  }
  const title = titleLines.join(' — ');
  const units: DocumentUnit[] = [];
  let rowLabel = '';
  for (let r = headerCount; r < rows.length; r++) {
    const line = lines[from + r]!;
    const cells: { start: number; end: number }[] = [];
    let at = 0;
    for (const cell of rows[r]!) {
      cells.push({ start: at, end: at + cell.length });
      at += cell.length + 1;
    }
    // The row's label is its first cell without digits ("Timeline", "Pharma ²"); continuation rows
    // of a multi-line row have none and keep the label above.
    const label = rows[r]!.map((c) => c.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]/g, '').trim()).find((c) => c && !/\d/.test(c)) ?? '';
    if (label) rowLabel = label;
    units.push({
      text: line,
      offset: offsets[from + r]!,
      line: from + r + 1,
      kind: 'row',
      heading: title,
      title,
      previous: '',
      table: { title, columns, rowLabel, cells },
    });
  }
  return units;
}
