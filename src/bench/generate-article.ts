import { createPrng, type Prng } from './prng';

/**
 * A deterministic news-like HTML page of about `bytes` bytes for benchmarks: biotech and
 * markets prose with a figure every two or three sentences (percentages, currency amounts
 * with million/billion, counts, ranges, number words, ranks, qualifiers, years), laid out as
 * real pages are: nested layout divs, navigation, a sidebar, subheadings, lists, tables and a
 * footer. `seedSentences` (see pickSeedSentences) are restated now and then, some with a
 * number altered, so the matcher's retrieval and comparison get real work.
 *
 * Pure and free of Node APIs: a browser benchmark can build the same page from the same seed.
 */
export function generateArticleHtml(bytes: number, seed: number, seedSentences: readonly string[] = []): string {
  const rand = createPrng(seed);
  const write = writer(rand, seedSentences);
  const parts: string[] = [PAGE_HEAD, navigation(rand)];
  let size = PAGE_HEAD.length + PAGE_TAIL.length + parts[1]!.length;
  let story = 0;
  while (size < bytes) {
    const html = storyHtml(rand, write, story++);
    parts.push(html);
    size += html.length;
  }
  parts.push(PAGE_TAIL);
  return parts.join('');
}

const PAGE_HEAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Biotech &amp; Markets Daily</title>' +
  '<style>.layout{display:grid}.ad{display:none}</style>' +
  '<script>window.dataLayer=[{page:"article",slots:4,refresh:30}];</script></head>' +
  '<body><div id="app" class="layout"><div class="page"><div class="row"><div class="col col-main">';
const PAGE_TAIL =
  '</div><aside class="col col-side"><div class="widget"><h3>Newsletter</h3><p>Join 25,000 readers every morning.</p></div></aside></div>' +
  '<footer class="site-footer"><div class="inner"><p>© 2026 Biotech &amp; Markets Daily · 12 bureaus · All rights reserved.</p></div></footer>' +
  '</div></div></body></html>';

function navigation(rand: Prng): string {
  const links = ['Home', 'Markets', 'Biotech', 'Policy', 'Deals', 'Data', `Jobs (${rand.int(200, 3000).toLocaleString('en-US')})`];
  return `<header class="site-header"><div class="inner"><nav><ul>${links.map((l, i) => `<li><a href="/s/${i}">${l}</a></li>`).join('')}</ul></nav></div></header>`;
}

/** One article of the page: a headline, paragraphs, now and then a subheading, a list or a table. */
function storyHtml(rand: Prng, write: SentenceWriter, story: number): string {
  const out: string[] = [`<div class="story-wrap"><div class="story" id="s${story}"><article>`];
  out.push(`<h2><a href="/a/${story}">${write.headline()}</a></h2>`);
  out.push(`<div class="byline"><span>By ${rand.pick(REPORTERS)}</span> <time>${rand.pick(MONTHS)} ${rand.int(1, 28)}, 2026</time></div>`);
  out.push('<div class="body"><div class="body-inner">');
  const paragraphs = rand.int(5, 12);
  for (let i = 0; i < paragraphs; i++) {
    if (i > 0 && rand.chance(0.15)) out.push(`<h3>${write.headline()}</h3>`);
    out.push(`<p>${inline(rand, write.paragraph())}</p>`);
    if (rand.chance(0.08)) out.push(listHtml(rand, write));
    if (rand.chance(0.035)) out.push(tableHtml(rand));
    if (rand.chance(0.05)) out.push(`<blockquote><p>${write.sentence()}</p></blockquote>`);
  }
  out.push('</div></div>');
  out.push(`<div class="related"><h4>Related</h4><ul>${[0, 1, 2].map(() => `<li><a href="/r">${write.headline()}</a></li>`).join('')}</ul></div>`);
  out.push('</article></div></div>');
  return out.join('');
}

/** Wraps a few words of a paragraph in links and emphasis, as edited copy has. */
function inline(rand: Prng, text: string): string {
  if (!rand.chance(0.3)) return text;
  const words = text.split(' ');
  const at = rand.int(0, Math.max(0, words.length - 3));
  const tag = rand.pick(['a href="/t"', 'em', 'strong']);
  words[at] = `<${tag}>${words[at]}`;
  words[at + 1] = `${words[at + 1] ?? ''}</${tag.split(' ')[0]}>`;
  return words.join(' ');
}

function listHtml(rand: Prng, write: SentenceWriter): string {
  const items = rand.int(3, 6);
  const lis: string[] = [];
  for (let i = 0; i < items; i++) lis.push(`<li>${write.sentence()}</li>`);
  return `<div class="callout"><p class="callout-title">Key facts</p><ul>${lis.join('')}</ul></div>`;
}

function tableHtml(rand: Prng): string {
  const rows: string[] = [];
  for (let i = rand.int(4, 9); i > 0; i--) {
    const a = rand.int(50, 4000) / 10;
    const change = rand.int(-150, 300) / 10;
    rows.push(
      `<tr><td>${rand.pick(COMPANIES)}</td><td>$${a.toFixed(1)}m</td><td>$${(a * (1 + change / 100)).toFixed(1)}m</td><td>${change > 0 ? '+' : ''}${change.toFixed(1)}%</td></tr>`,
    );
  }
  return (
    '<div class="table-wrap"><table><caption>Revenue by company, 2024–2025</caption>' +
    '<thead><tr><th>Company</th><th>2024</th><th>2025</th><th>Change</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

interface SentenceWriter {
  sentence(): string;
  paragraph(): string;
  headline(): string;
}

/**
 * Sentences from templates. A third of template sentences carry a figure, some two; with
 * the seed sentences that is a figure every two to three sentences, like markets copy.
 */
function writer(rand: Prng, seedSentences: readonly string[]): SentenceWriter {
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, slot: string) => SLOTS[slot]!(rand));
  const sentence = () => {
    if (seedSentences.length > 0 && rand.chance(0.06)) {
      const restated = rand.pick(seedSentences);
      return rand.chance(0.3) ? alterNumber(rand, restated) : restated;
    }
    return fill(rand.chance(0.33) ? rand.pick(FIGURE_SENTENCES) : rand.pick(PLAIN_SENTENCES));
  };
  return {
    sentence,
    paragraph: () => {
      const n = rand.int(2, 6);
      const sentences: string[] = [];
      for (let i = 0; i < n; i++) sentences.push(sentence());
      return sentences.join(' ');
    },
    headline: () => fill(rand.pick(HEADLINES)),
  };
}

/** Changes one number of a sentence that is not a year, the way a careless rewrite would. */
function alterNumber(rand: Prng, sentence: string): string {
  const runs: { start: number; end: number }[] = [];
  for (let i = 0; i < sentence.length; ) {
    if (isDigit(sentence.charCodeAt(i))) {
      const start = i;
      while (i < sentence.length && isDigit(sentence.charCodeAt(i))) i++;
      const value = Number(sentence.slice(start, i));
      if (!(i - start === 4 && value >= 1900 && value <= 2100)) runs.push({ start, end: i });
    } else i++;
  }
  if (runs.length === 0) return sentence;
  const { start, end } = rand.pick(runs);
  const value = Number(sentence.slice(start, end));
  return sentence.slice(0, start) + String(value + rand.int(1, Math.max(2, Math.ceil(value * 0.3)))) + sentence.slice(end);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const COMPANIES = [
  'Helixon Therapeutics', 'Qinghe Biosciences', 'Northbay Pharma', 'Suzhou Kangrui', 'Arcadia Genomics',
  'Meridian Bio', 'Lumen Oncology', 'Tianyi Medical', 'Caspian Labs', 'Vireo Biologics', 'Hangzhou Jinlan',
  'Orbital Health', 'Pinecrest Diagnostics', 'Zhenhua Biotech', 'Redwood Cell Therapy',
];
const REGIONS = ['China', 'the US', 'Europe', 'Japan', 'South Korea', 'India', 'Boston', 'Shanghai', 'Shenzhen', 'the UK'];
const METRICS = [
  'revenue', 'R&D spending', 'net profit', 'licensing income', 'operating margin', 'export sales',
  'clinical trial starts', 'patent filings', 'headcount', 'capital expenditure',
];
const THINGS = [
  'clinical trials', 'first launches', 'licensing deals', 'venture funding', 'antibody-drug conjugate programs',
  'cell and gene therapy trials', 'biosimilar approvals', 'API exports', 'TPD publications', 'IPO proceeds',
];
const ANALYSTS = ['Mei Lin', 'David Okafor', 'Sara Lindqvist', 'Rahul Mehta', 'Zhou Wei', 'Anna Keller'];
const BANKS = ['Jefferies', 'CICC', 'Morgan Stanley', 'Citic Securities', 'Bernstein', 'UBS'];
const REPORTERS = ['Li Na', 'Tom Harding', 'Chen Yu', 'Priya Nair', 'Jonas Weber'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September'];
const QUALIFIERS = ['', '', '', 'about ', 'over ', 'nearly ', 'more than ', 'roughly ', 'at least ', 'almost ', 'up to ', 'around '];
const WORD_NUMBERS = ['two', 'three', 'four', 'five', 'seven', 'eleven', 'twelve', 'a dozen'];
const FRACTIONS = ['a quarter', 'one-third', 'half', 'two-thirds', 'one-fifth'];
const RANKS = ['second', 'third', 'fifth', 'seventh', 'tenth'];

const SLOTS: Record<string, (rand: Prng) => string> = {
  company: (r) => r.pick(COMPANIES),
  region: (r) => r.pick(REGIONS),
  metric: (r) => r.pick(METRICS),
  thing: (r) => r.pick(THINGS),
  analyst: (r) => r.pick(ANALYSTS),
  bank: (r) => r.pick(BANKS),
  q: (r) => r.pick(QUALIFIERS),
  year: (r) => String(r.int(2015, 2026)),
  pct: (r) => (r.chance(0.3) ? `${r.int(1, 99)}.${r.int(1, 9)}%` : r.chance(0.1) ? `${r.int(1, 99)} per cent` : `${r.int(1, 99)}%`),
  money: (r) => money(r),
  small: (r) => (r.chance(0.4) ? r.pick(WORD_NUMBERS) : String(r.int(3, 40))),
  count: (r) => (r.chance(0.2) ? r.pick(WORD_NUMBERS) : r.int(12, 9000).toLocaleString('en-US')),
  range: (r) => {
    const low = r.int(2, 40);
    return r.chance(0.5) ? `${low}–${low + r.int(2, 15)}%` : `between ${low} and ${low + r.int(2, 20)} per cent`;
  },
  fraction: (r) => r.pick(FRACTIONS),
  rank: (r) => r.pick(RANKS),
  months: (r) => String(r.int(3, 36)),
  multiple: (r) => (r.chance(0.5) ? `${r.int(2, 9)} times` : `${r.int(2, 4)}–${r.int(5, 8)}x`),
  phase: (r) => r.pick(['I', 'II', 'III', '2', '3']),
};

function money(r: Prng): string {
  const value = r.chance(0.5) ? String(r.int(2, 950)) : `${r.int(1, 99)}.${r.int(1, 9)}`;
  switch (r.int(0, 5)) {
    case 0:
      return `$${value} million`;
    case 1:
      return `$${value} billion`;
    case 2:
      return `$${value}bn`;
    case 3:
      return `RMB ${value} billion`;
    case 4:
      return `€${value}m`;
    default:
      return `US$${r.int(1, 9)},${r.int(100, 999)} million`;
  }
}

const FIGURE_SENTENCES = [
  '{company} said its {metric} rose {q}{pct} in {year}, ahead of what analysts had expected.',
  '{region} accounted for {q}{pct} of global {thing} last year, up from {pct} in {year}.',
  'The deal is worth up to {money} in total, with a smaller sum paid upfront.',
  'Shares of {company} fell {pct} in Hong Kong after the company cut its {year} guidance.',
  '{company} now employs {q}{count} people and runs {small} clinical programs.',
  'Analysts at {bank} expect the market to reach {money} by {year}, growing {range} a year.',
  "{region}'s share of {thing} rose to {pct} in {year} from {pct} five years earlier.",
  'Phase {phase} results showed a {pct} reduction in relapse over {months} months.',
  'It was the {rank} licensing deal of the quarter for a {region}-based developer.',
  'Development costs in {region} run at {q}{fraction} of the level in {region}.',
  '{company} raised {money} in its IPO, pricing shares at the top of the range.',
  'Recruitment is {multiple} faster than in {year}, {analyst} of {bank} estimated.',
  'The regulator approved {count} new drugs in {year}, the most since {year}.',
  '{company} spends {q}{pct} of revenue on research, against an industry median of {pct}.',
  'Venture investment in {region} biotech totalled {money} in the first half.',
];

const PLAIN_SENTENCES = [
  'Executives declined to comment on the timing of the next filing.',
  'The agency has not yet published its review of the application.',
  '{analyst} of {bank} said investors remain cautious about pricing pressure in {region}.',
  'The company plans to expand its manufacturing site near {region} next year.',
  'Competition for late-stage assets has intensified as patents expire across the industry.',
  '{company} did not respond to a request for comment.',
  'Several multinational buyers are now sending teams to scout assets in {region}.',
  'The talks were first reported by a trade newsletter earlier this month.',
  'Regulators in {region} have promised faster reviews for first-in-class therapies.',
  'Investors will watch for updated safety data at the autumn oncology meetings.',
  'The partnership covers development and commercial rights outside Greater China.',
  'Critics argue that procurement rules still squeeze margins on older products.',
];

const HEADLINES = [
  '{company} shares jump after {region} licensing pact',
  '{region} biotech funding rebounds as buyers return',
  'Why {thing} are moving to {region}',
  '{company} outlines {year} targets, plans new trials',
  'Deals of the week: {company} and {company}',
];
