import type { TextBlock } from '../dom/text-block';
import { splitSentences } from '../text/sentences';

/** A stretch of a block's text, checked on its own: `text` is `block.text.slice(offset, offset + text.length)`. */
export interface BlockPiece {
  text: string;
  offset: number;
}

/**
 * Blocks up to this length are checked whole. A longer one (a 2 MB text node, a page that is one
 * giant paragraph) is cut into pieces of about this length, so that checking one piece stays a
 * few milliseconds and the check can yield to the page between pieces.
 */
export const PIECE_LENGTH = 4_000;

/** How far past a piece's end the splitter looks, so the sentence the cut falls in is seen whole. */
const LOOKAHEAD = 400;

/**
 * Cuts a block's text into pieces, lazily (the next cut is found only when asked for). Cuts
 * fall where a sentence starts, as `splitSentences` sees the text around it, so a piece checks
 * the same sentences the whole block would; a sentence longer than a piece is cut at a space,
 * and a text without spaces anywhere but inside a surrogate pair.
 *
 * @example
 * for (const piece of blockPieces(block)) check(piece.text) // offsets in piece.text + piece.offset
 */
export function* blockPieces(block: Pick<TextBlock, 'text'>, pieceLength = PIECE_LENGTH): Generator<BlockPiece> {
  const { text } = block;
  let offset = 0;
  while (text.length - offset > pieceLength) {
    const cut = cutAfter(text, offset, pieceLength);
    yield { text: text.slice(offset, cut), offset };
    offset = cut;
  }
  if (offset < text.length) yield { text: text.slice(offset), offset };
}

/** Where the piece that starts at `offset` ends: after `offset`, at most `pieceLength` later. */
function cutAfter(text: string, offset: number, pieceLength: number): number {
  const limit = offset + pieceLength;
  const window = text.slice(offset, limit + LOOKAHEAD);
  let lastStart = 0;
  for (const sentence of splitSentences(window)) {
    if (sentence.start > pieceLength) break;
    lastStart = sentence.start;
  }
  if (lastStart > 0) return offset + lastStart;
  const space = text.lastIndexOf(' ', limit - 1);
  if (space > offset) return space + 1;
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}
