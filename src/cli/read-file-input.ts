import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { decodeText } from './decode-text';
import { InputError, MAX_INPUT_BYTES, formatBytes } from './input-error';
import { kindFromFileName, looksLikeHtml, type PageInput } from './page-input';

/**
 * Reads a local page for `check`: `.html`/`.htm` as HTML, `.txt` as text, anything else by
 * its content. Every way a path can be wrong becomes an InputError with a one-line message.
 */
export async function readFileInput(path: string, maxBytes = MAX_INPUT_BYTES): Promise<PageInput> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw fsInputError(error, path);
  }
  if (info.isDirectory()) throw new InputError(`${path} is a directory, not a file`);
  // Devices and FIFOs have no size to check and may never end: refuse them before opening.
  if (!info.isFile()) throw new InputError(`${path} is not a regular file`);
  if (info.size > maxBytes) {
    throw new InputError(`${path} is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit`);
  }

  let bytes: Buffer;
  try {
    const file = await open(path, 'r');
    try {
      bytes = await file.readFile();
    } finally {
      await file.close();
    }
  } catch (error) {
    throw fsInputError(error, path);
  }
  // Checked again on the bytes read: the file may have grown since stat.
  if (bytes.byteLength > maxBytes) {
    throw new InputError(`${path} is over the ${formatBytes(maxBytes)} limit`);
  }

  const text = decodeText(bytes, path);
  if (text.trim() === '') throw new InputError(`${path} is empty`);
  return { kind: kindFromFileName(path) ?? (looksLikeHtml(text) ? 'html' : 'text'), text };
}

/** Turns a Node file-system error into the sentence a user needs; unknown codes keep their own message. */
export function fsInputError(error: unknown, path: string): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new InputError(`${path}: no such file`);
    case 'ENOTDIR':
      return new InputError(`${path}: a part of the path is not a directory`);
    case 'EACCES':
    case 'EPERM':
      return new InputError(`${path}: permission denied`);
    case 'EISDIR':
      return new InputError(`${path} is a directory, not a file`);
    case 'ELOOP':
      return new InputError(`${path}: too many symbolic links`);
    case 'ENAMETOOLONG':
      return new InputError(`${path}: file name too long`);
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new InputError(`cannot read ${path}: ${message}`);
    }
  }
}
