/**
 * A problem with what the user asked `check` to read: a missing file, a binary file, a URL
 * that answers 404… Its message is one line a user can act on; the CLI prints it without a
 * stack trace, because a stack trace says "Tally is broken" when the input is.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** The largest page `check` reads, from a file or a URL: far above any real article. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** "50 MB", "20 MB", "1.5 MB", "512 bytes": sizes as a user reads them in an error. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${trimZero(bytes / 1024)} KB`;
  return `${trimZero(bytes / (1024 * 1024))} MB`;
}

function trimZero(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}
