/** A page `check` has read, before it becomes a DOM. */
export interface PageInput {
  /** How to turn `text` into a document: HTML is parsed, text is split into paragraphs. */
  kind: 'html' | 'text';
  text: string;
}

/**
 * The kind a file name implies, or undefined when its extension says nothing we trust
 * (".php" saved from a browser, no extension at all): then the content decides.
 */
export function kindFromFileName(name: string): PageInput['kind'] | undefined {
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'txt' || ext === 'text') return 'text';
  return undefined;
}

/** Guesses HTML from the start of a document: a doctype, a comment or one of the usual first tags. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  return /^<(!doctype|!--|\?xml|html|head|body|meta|title|div|p|article|main|section|h[1-6])[\s>]/.test(head);
}
