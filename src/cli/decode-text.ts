import { InputError } from './input-error';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a page's bytes, or throws an InputError when they are not text. `what` names the
 * input in the message ("report.html").
 *
 * A NUL byte never occurs in text but is in nearly every binary format, so one NUL is
 * enough. Without NULs, bytes that are not valid UTF-8 are still text when the page names its
 * legacy charset (`charset` from a Content-Type header, or a `<meta charset>` in the first
 * kilobyte); otherwise they are called binary rather than guessed at, since a guess turns
 * every figure into mojibake without telling anyone.
 */
export function decodeText(bytes: Uint8Array, what: string, charset?: string): string {
  // UTF-16 is the one text encoding full of NULs; its byte order mark gives it away.
  const utf16 = utf16Label(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  if (bytes.indexOf(0) >= 0) throw new InputError(`${what} is a binary file, not a web page or text`);
  const declared = decoderFor(charset) ?? decoderFor(metaCharset(bytes));
  if (declared && declared.encoding !== 'utf-8') return declared.decode(bytes);
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new InputError(`${what} is not UTF-8 text (a binary file, or a legacy encoding it does not declare)`);
  }
}

function utf16Label(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined; // an unknown label is no declaration at all
  }
}

/** The charset an HTML page declares in its first kilobyte, as the HTML spec's prescan looks for it. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return /<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]{1,40})/i.exec(head)?.[1];
}
