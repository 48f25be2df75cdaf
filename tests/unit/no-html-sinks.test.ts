import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The ways to turn a string into markup. Tally shows text from web pages and from storage
 * anyone can edit; Preact renders strings as text, and these are the ways around that.
 */
const SINKS = [
  /\binnerHTML\b/,
  /\bouterHTML\b/,
  /\binsertAdjacentHTML\b/,
  /\bdocument\s*\.\s*write(?:ln)?\b/,
  /\bdangerouslySetInnerHTML\b/,
  /\bcreateContextualFragment\b/,
  /\bsetHTMLUnsafe\b/,
  /\bparseHTMLUnsafe\b/,
  /\bDOMParser\b/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|jsx|mjs|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('the extension never parses text as HTML', () => {
  const files = ['src', 'entrypoints'].flatMap((dir) => sourceFiles(join(ROOT, dir)));

  it('has source files to look at', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(SINKS.map((sink) => [sink.source, sink]))('uses %s nowhere in src/ or entrypoints/', (_, sink) => {
    const uses = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (sink.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );

    expect(uses).toEqual([]);
  });
});
