import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, Highlighter } from '../../src/content/highlighter';
import type { PageWindow } from '../../src/content/page-window';

/** A stand-in for the CSS Custom Highlight API: a Highlight is a set of ranges, the registry a map. */
class FakeHighlight extends Set<Range> {
  priority = 0;
}

function fakeWindow() {
  const registry = new Map<string, FakeHighlight>();
  const win = { Highlight: FakeHighlight, CSS: { highlights: registry }, setTimeout, clearTimeout } as unknown as PageWindow;
  return { win, registry };
}

const range = (name: string) => ({ name }) as unknown as Range;

describe('Highlighter on a page that takes its highlights away', () => {
  it('registers them again after the page clears the registry', () => {
    const { win, registry } = fakeWindow();
    const highlighter = new Highlighter(win);
    highlighter.install();
    const a = range('a');
    highlighter.add('corroborated', a);

    registry.clear();
    highlighter.repair();

    expect([...(registry.get(HIGHLIGHT_NAMES.corroborated) ?? [])]).toEqual([a]);
    expect(registry.has(HIGHLIGHT_NAMES.conflicting)).toBe(true);
  });

  it('fills a Highlight again after the page empties it, and drops what the page put in it', () => {
    const { win, registry } = fakeWindow();
    const highlighter = new Highlighter(win);
    highlighter.install();
    const [a, b, stranger] = [range('a'), range('b'), range('stranger')];
    highlighter.add('conflicting', a);
    highlighter.add('conflicting', b);
    const highlight = registry.get(HIGHLIGHT_NAMES.conflicting) as FakeHighlight;

    highlight.clear();
    highlight.add(stranger);
    highlighter.repair();

    expect(new Set(highlight)).toEqual(new Set([a, b]));
  });

  it('puts back its own Highlight when the page registers another under its name', () => {
    const { win, registry } = fakeWindow();
    const highlighter = new Highlighter(win);
    highlighter.install();
    const a = range('a');
    highlighter.add('corroborated', a);

    registry.set(HIGHLIGHT_NAMES.corroborated, new FakeHighlight());
    highlighter.repair();

    expect([...(registry.get(HIGHLIGHT_NAMES.corroborated) ?? [])]).toEqual([a]);
  });

  it('does not bring back what it deleted, nor anything after clear()', () => {
    const { win, registry } = fakeWindow();
    const highlighter = new Highlighter(win);
    highlighter.install();
    const [a, b] = [range('a'), range('b')];
    highlighter.add('corroborated', a);
    highlighter.add('corroborated', b);

    highlighter.delete('corroborated', a);
    registry.clear();
    highlighter.repair();
    expect([...(registry.get(HIGHLIGHT_NAMES.corroborated) ?? [])]).toEqual([b]);

    highlighter.clear();
    highlighter.repair();
    expect(registry.size).toBe(0);
  });
});
