import { decodeText } from './decode-text';
import { InputError, MAX_INPUT_BYTES, formatBytes } from './input-error';
import { looksLikeHtml, type PageInput } from './page-input';

export interface FetchLimits {
  /** For the whole exchange, headers and body: a server that trickles bytes still times out. */
  timeoutMs: number;
  maxBytes?: number;
}

/**
 * True when the argument names a URL rather than a file: a scheme of two letters or more ("C:" is
 * a drive) followed by "//", or http(s) however written. A file may have a colon in its name
 * ("report:2024.html").
 */
export function isUrlLike(target: string): boolean {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(target) || /^https?:/i.test(target);
}

/**
 * Fetches a web page for `check` with Node's fetch: http and https only, within a timeout,
 * and no more than `maxBytes` of body (streamed, so a huge or endless response is cut off
 * rather than buffered). Anything but an HTML or plain-text page is an InputError.
 */
export async function fetchUrlInput(target: string, limits: FetchLimits): Promise<PageInput> {
  const url = parseHttpUrl(target);
  const maxBytes = limits.maxBytes ?? MAX_INPUT_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9' },
    });
    if (!response.ok) {
      controller.abort(); // the error page's body is of no use: do not wait for it
      const status = `${response.status} ${response.statusText}`.trim();
      throw new InputError(`${target} answered HTTP ${status}`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    const declaredKind = kindFromMediaType(mediaType);
    if (declaredKind === 'unsupported') {
      controller.abort();
      throw new InputError(`${target} is ${mediaType}, not an HTML page or text`);
    }
    const length = Number(response.headers.get('content-length'));
    if (length > maxBytes) {
      controller.abort();
      throw new InputError(`${target} is ${formatBytes(length)}, over the ${formatBytes(maxBytes)} limit`);
    }
    const bytes = await readCapped(response, maxBytes, () => controller.abort(), target);
    const text = decodeText(bytes, target, charsetOf(contentType));
    if (text.trim() === '') throw new InputError(`${target} returned an empty page`);
    return { kind: declaredKind ?? (looksLikeHtml(text) ? 'html' : 'text'), text };
  } catch (error) {
    if (timedOut) throw new InputError(`${target} did not answer within ${limits.timeoutMs / 1000} s`);
    if (error instanceof InputError) throw error;
    throw networkInputError(error, url);
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new InputError(`${target} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`${target}: only http: and https: URLs are supported, not ${url.protocol}`);
  }
  return url;
}

/** HTML and text media types; undefined when the server did not say (the content decides). */
function kindFromMediaType(mediaType: string): PageInput['kind'] | 'unsupported' | undefined {
  if (mediaType === '') return undefined;
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (mediaType === 'text/plain') return 'text';
  return 'unsupported';
}

function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([\w-]{1,40})/i.exec(contentType)?.[1];
}

async function readCapped(response: Response, maxBytes: number, abort: () => void, target: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      abort();
      throw new InputError(`${target} sent more than the ${formatBytes(maxBytes)} limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** fetch reports every network failure as "fetch failed"; the reason is in `cause.code`. */
function networkInputError(error: unknown, url: URL): InputError {
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  const host = url.host;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return new InputError(`cannot reach ${url.href}: connection refused by ${host}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new InputError(`cannot reach ${url.href}: host ${url.hostname} not found`);
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return new InputError(`cannot read ${url.href}: ${host} closed the connection`);
    default: {
      const detail = cause?.message ?? (error instanceof Error ? error.message : String(error));
      return new InputError(`cannot fetch ${url.href}: ${detail}`);
    }
  }
}
