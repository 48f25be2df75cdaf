import type { TextBlock, TextSegment } from '../dom/text-block';
import type { PageWindow } from './page-window';

/**
 * Whether elements render. The last answer is kept: consecutive blocks often share their element.
 *
 * Only the elements that hold text directly are asked (see {@link visibleText}), not every
 * element on the way down: `checkVisibility()` already says false for an element under a
 * `display: none` or `content-visibility: hidden` ancestor, and most elements of a page (layout
 * wrappers, table rows, blocks without figures) never need the answer.
 */
export class ElementVisibility {
  private last: Element | null = null;
  private answer = true;

  constructor(private readonly win: PageWindow) {}

  shown(el: Element): boolean {
    if (el !== this.last) {
      this.answer = this.ask(el);
      this.last = el;
    }
    return this.answer;
  }

  private ask(el: Element): boolean {
    if (typeof el.checkVisibility !== 'function' || el.checkVisibility()) return true;
    // A `display: contents` element has no box, so checkVisibility() says false although its
    // children render: it shows what its parent shows.
    if (this.win.getComputedStyle(el).display !== 'contents') return false;
    const parent = el.parentElement;
    return parent === null || this.shown(parent);
  }
}

/**
 * The part of `block` the reader can see: the block itself when every text node's parent is
 * shown, null when none is, and otherwise the block rebuilt from the shown nodes alone (with the
 * separators that stood before them), as if the hidden ones were not in the page.
 *
 * @example
 * const seen = visibleText(block, (el) => visibility.shown(el)); // null: nothing to check
 */
export function visibleText(block: TextBlock, shown: (el: Element) => boolean): TextBlock | null {
  const { segments } = block;
  // Runs of text nodes share a parent: one answer serves the run.
  let parent: Node | null = null;
  let answer = true;
  let keep: boolean[] | null = null;
  for (let i = 0; i < segments.length; i++) {
    const next = segments[i]!.node.parentNode;
    if (next !== parent) {
      parent = next;
      answer = parent === null || parent.nodeType !== 1 || shown(parent as Element);
    }
    if (!answer) keep ??= segments.map(() => true);
    if (keep) keep[i] = answer;
  }
  if (keep === null) return block;
  return rebuild(block, keep);
}

function rebuild(block: TextBlock, keep: readonly boolean[]): TextBlock | null {
  const { text, segments } = block;
  const parts: string[] = [];
  const kept: TextSegment[] = [];
  let length = 0;
  let end = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const gap = text.slice(end, segment.start);
    // The node's text as the walk read it: the page may have changed it since.
    end = Math.min(segment.start + segment.node.data.length, segments[i + 1]?.start ?? text.length);
    if (!keep[i]) continue;
    // A separator (a line break) before the first kept node separates nothing.
    if (kept.length > 0 && gap) {
      parts.push(gap);
      length += gap.length;
    }
    kept.push({ node: segment.node, start: length });
    parts.push(text.slice(segment.start, end));
    length += end - segment.start;
  }
  const rebuilt = parts.join('');
  return kept.length > 0 && /\S/.test(rebuilt) ? { text: rebuilt, element: block.element, segments: kept } : null;
}
