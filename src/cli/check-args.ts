/** What `check` was asked to do. */
export interface CheckOptions {
  /** A file path or an http(s) URL. */
  target: string;
  json: boolean;
  timeoutMs: number;
}

export type ParsedCheckArgs = { options: CheckOptions } | { help: true } | { error: string };

export const CHECK_USAGE = 'usage: npm run check -- <file.html|file.txt|URL> [--json] [--timeout SECONDS]';

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Parses `check`'s arguments: one target, `--json`, `--timeout 2.5` (seconds, or `500ms`),
 * `--help`. Anything else is an error for the usage line; options may come before or after
 * the target, and `--` ends them.
 */
export function parseCheckArgs(argv: readonly string[]): ParsedCheckArgs {
  const targets: string[] = [];
  let json = false;
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      targets.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (arg === '--timeout' || arg.startsWith('--timeout=')) {
      const value = arg === '--timeout' ? argv[++i] : arg.slice('--timeout='.length);
      const ms = value === undefined ? undefined : parseTimeout(value);
      if (ms === undefined) return { error: `--timeout needs a duration in seconds (e.g. 10 or 0.5), got ${value ?? 'nothing'}` };
      timeoutMs = ms;
      continue;
    }
    // A lone "-" would mean stdin, which check does not read; treat it as an option, not a path.
    if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    targets.push(arg);
  }
  if (targets.length === 0) return { error: 'missing the page to check' };
  if (targets.length > 1) return { error: `one page at a time (got ${targets.length})` };
  return { options: { target: targets[0]!, json, timeoutMs } };
}

/** "10" and "10s" are seconds, "500ms" milliseconds; at most an hour, more than zero. */
function parseTimeout(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?|\.\d+)(ms|s)?$/.exec(value.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * (match[2] === 'ms' ? 1 : 1000);
  return ms > 0 && ms <= 3_600_000 ? ms : undefined;
}
