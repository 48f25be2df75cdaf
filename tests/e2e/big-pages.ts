/**
 * Pages too big to keep as files, made by the tests and served from memory. Each holds a few
 * sentences that restate the reference documents (so there is something to find at the start,
 * the middle and the end), among filler with and without unrelated figures.
 */

/** Restated claims: 38% and $112.8 billion are corroborated, 178 conflicts (the source says 187). */
export const RESTATED = [
  'China accounts for 38% of global TPD publications, a new survey finds.',
  "China's pharmaceutical sales reached $112.8 billion in 2024.",
  'Chinese entities secured 400 granted TPD patents in 2024, against 178 in the United States.',
] as const;

const FILLER = [
  'The committee met again on Tuesday and agreed to publish its notes later in the season.',
  'Readers wrote in with questions about the new timetable, and the editors answered most of them.',
  'The city marathon drew 12,000 runners on Sunday, and 45 reporters covered it.',
  'Nothing in the report surprised the analysts who had followed the market for years.',
];

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/**
 * About `count` small text nodes: paragraphs of ten short spans, with a restated claim as a
 * paragraph of its own at the start, in the middle and at the end.
 */
export function manyNodesPage(count: number): string {
  const paragraphs: string[] = [];
  const total = Math.ceil(count / 10);
  for (let p = 0; p < total; p++) {
    if (p === 0 || p === total >> 1 || p === total - 1) {
      paragraphs.push(`<p>${RESTATED[p === 0 ? 0 : p === total - 1 ? 2 : 1]}</p>`);
    } else if (p % 500 === 0) {
      paragraphs.push(`<p>${FILLER[2]}</p>`);
    } else {
      const words: string[] = [];
      for (let w = 0; w < 10; w++) words.push(`<span>${'abcdefghij'[w]}word${p % 7} </span>`);
      paragraphs.push(`<p>${words.join('')}</p>`);
    }
  }
  return page('Many nodes', `<h1>Many nodes</h1>${paragraphs.join('')}`);
}

/** One paragraph whose single text node is about `bytes` long. */
export function hugeTextNodePage(bytes: number): string {
  const parts: string[] = [RESTATED[0]];
  let length = RESTATED[0].length;
  for (let i = 0; length < bytes; i++) {
    const sentence = i === 5_000 ? RESTATED[1] : (FILLER[i % FILLER.length] as string);
    parts.push(sentence);
    length += sentence.length + 1;
  }
  parts.push(RESTATED[2]);
  return page('One huge text node', `<h1>One huge text node</h1><p id="huge">${parts.join(' ')}</p>`);
}

/**
 * `depth` nested divs, built by a script: the HTML parser stops nesting at 512 levels. A
 * restated claim sits at the top, one at half depth and one at the bottom. The divs are laid
 * out inline: Chromium's renderer itself crashes on 5,000 nested block boxes, extension or not.
 */
export function deepPage(depth: number): string {
  const script = `
    let parent = document.getElementById('deep');
    for (let level = 1; level <= ${depth}; level++) {
      const div = document.createElement('div');
      if (level === ${depth >> 1}) div.append(${JSON.stringify(RESTATED[1])});
      else if (level === ${depth}) div.append(${JSON.stringify(RESTATED[2])});
      else if (level % 1000 === 0) div.append(${JSON.stringify(FILLER[0])});
      parent.append(div);
      parent = div;
    }`;
  return page('Deep', `<style>#deep div { display: inline }</style><p>${RESTATED[0]}</p><div id="deep"></div><script>${script}</script>`);
}

/** The same nesting as `deepPage`, as static HTML for the core to read in Node. */
export function deepPageAsParsed(depth: number): string {
  let inner = '';
  for (let level = depth; level >= 1; level--) {
    const text = level === depth >> 1 ? RESTATED[1] : level === depth ? RESTATED[2] : level % 1000 === 0 ? FILLER[0] : '';
    inner = `<div>${text}${inner}</div>`;
  }
  return page('Deep', `<p>${RESTATED[0]}</p><div id="deep">${inner}</div>`);
}
