/** A page size of a benchmark: `key` as given on the command line ("100k"), a label, and bytes. */
export interface BenchSize {
  key: string;
  label: string;
  bytes: number;
}

export interface BenchArgs {
  sizes: BenchSize[];
  runs?: number;
  json: boolean;
}

/**
 * The options both benchmarks take: `--sizes 100k,1m,5m` (kilobytes and megabytes of 1024),
 * `--runs N` and `--json`. A bad option calls `fail` with what is wrong.
 */
export function parseBenchArgs(argv: readonly string[], fail: (message: string) => never): BenchArgs {
  const size = (text: string) => parseSize(text) ?? fail(`a size is like 100k or 1m, got "${text}"`);
  const args: BenchArgs = { sizes: ['100k', '1m', '5m'].map(size), json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--sizes') args.sizes = (argv[++i] ?? '').split(',').map(size);
    else if (arg === '--runs') {
      args.runs = Number(argv[++i]);
      if (!Number.isInteger(args.runs) || args.runs < 1) fail('--runs needs a whole number above 0');
    } else fail(`unknown option ${arg}`);
  }
  return args;
}

function parseSize(text: string): BenchSize | undefined {
  const match = /^(\d+(?:\.\d+)?)(k|m)$/i.exec(text.trim());
  if (!match) return undefined;
  const kilo = match[2]!.toLowerCase() === 'k';
  return {
    key: text.trim().toLowerCase(),
    label: `${match[1]} ${kilo ? 'KB' : 'MB'}`,
    bytes: Math.round(Number(match[1]) * (kilo ? 1024 : 1024 * 1024)),
  };
}
