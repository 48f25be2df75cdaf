import { parseHTML } from 'linkedom';

const ELEMENT_NODE = 1;
const DOCUMENT_TYPE_NODE = 10;
const EMPTY_PAGE = '<!doctype html><html><head></head><body></body></html>';

/**
 * Parses an HTML page with linkedom into a Document whose `body` holds the page's content.
 *
 * linkedom, unlike a browser, does not invent the missing `<html>` and `<body>` of a fragment
 * or a sloppy page: `document.body` is then an empty element created on demand, and the text
 * is silently lost. Such pages are rebuilt: their `<head>` content into a head, the rest into
 * a body, imported so every node belongs to the new document.
 */
export function htmlToDocument(html: string): Document {
  const parsed = parseHTML(html).document as unknown as Document;
  const root = parsed.documentElement as Element | null;
  if (root?.localName === 'html' && childElement(root, 'body')) return parsed;

  const document = parseHTML(EMPTY_PAGE).document as unknown as Document;
  const top = root?.localName === 'html' ? root.childNodes : parsed.childNodes;
  for (const node of Array.from(top)) {
    if (node.nodeType === DOCUMENT_TYPE_NODE) continue;
    if (isElement(node, 'head') || isElement(node, 'body')) {
      const into = isElement(node, 'head') ? document.head : document.body;
      for (const child of Array.from(node.childNodes)) into.appendChild(document.importNode(child, true));
    } else {
      document.body.appendChild(document.importNode(node, true));
    }
  }
  return document;
}

/**
 * Makes a Document of plain text: one `<p>` per blank-line-separated paragraph, so text runs
 * through the same extraction as a web page. The line breaks inside a paragraph are the
 * file's hard wrapping, not the writer's: they become spaces.
 */
export function textToDocument(text: string): Document {
  const document = parseHTML(EMPTY_PAGE).document as unknown as Document;
  // Line by line rather than with a regular expression over the whole text: linear on any input.
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const p = document.createElement('p');
    p.textContent = lines.join(' ');
    document.body.appendChild(p);
    lines = [];
  };
  for (const line of text.split('\n')) {
    const content = line.trim();
    if (content) lines.push(content);
    else flush();
  }
  flush();
  return document;
}

function childElement(parent: Element, localName: string): Element | undefined {
  return Array.from(parent.children).find((child) => child.localName === localName);
}

function isElement(node: Node, localName: string): node is Element {
  return node.nodeType === ELEMENT_NODE && (node as Element).localName === localName;
}
