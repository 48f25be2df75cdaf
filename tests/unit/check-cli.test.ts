import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUrlLike } from '../../src/cli/fetch-url-input';
import { fsInputError } from '../../src/cli/read-file-input';
import { runCheck, type CheckCore } from '../../src/cli/run-check';
import { extractBlocks } from '../../src/dom/extract-blocks';
import type { TextBlock } from '../../src/dom/text-block';
import type { Finding } from '../../src/match/finding';

const ROOT = resolve(__dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/check-cli/small-page.html');
const MB = 1024 * 1024;

/** A core that records what reached it: bad input must be refused before the core runs. */
function fakeCore(findings: Finding[] = []) {
  const seen: { blocks?: TextBlock[] } = {};
  const core: CheckCore<'index'> = {
    extractBlocks: (root) => extractBlocks(root),
    loadClaimIndex: () => 'index',
    checkBlocks: (blocks) => {
      seen.blocks = blocks;
      return findings;
    },
    sourceTitle: (_index, file) => (file === 'report.txt' ? 'A Report on Things' : undefined),
  };
  return { core, seen };
}

async function check(argv: string[], core = fakeCore().core, color = false) {
  let stdout = '';
  let stderr = '';
  const code = await runCheck(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color }, core);
  return { code, stdout, stderr };
}

let dir: string;
let server: Server;
let base: string;
let closedPort: number;

const PAGE = '<!doctype html><html><body><p>Sales rose 12% to $3.4 billion in 2024.</p></body></html>';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** Writes until the client goes away: an endless response, to prove the size cap streams. */
function endless(res: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, '<p>filler</p>');
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tally-check-'));
  await writeFile(join(dir, 'empty.html'), '');
  await writeFile(join(dir, 'blank.txt'), '  \n\n \t\n');
  await writeFile(join(dir, 'image.html'), PNG);
  await writeFile(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 sales rose 12%.', 'latin1'));
  await writeFile(join(dir, 'huge.html'), '');
  await truncate(join(dir, 'huge.html'), 50 * MB); // sparse: 50 MB without writing them
  await writeFile(join(dir, 'locked.html'), PAGE);
  await chmod(join(dir, 'locked.html'), 0o000);
  await mkdir(join(dir, 'folder.html'));
  await writeFile(join(dir, 'notes.txt'), 'First paragraph, line one\nstill the first.\n\n\nSecond: 12% more.\r\n\r\nThird.\n');
  await writeFile(join(dir, 'fragment.html'), '<p>One fragment.</p><p>Two fragments.</p>');

  server = createServer((req, res) => {
    res.on('error', () => {}); // clients abort on purpose here
    switch (req.url) {
      case '/page':
        return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      case '/missing':
        return res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
      case '/broken':
        return res.writeHead(500).end();
      case '/image.png':
        return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      case '/report.pdf':
        return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7\n');
      case '/empty':
        return res.writeHead(200, { 'content-type': 'text/html' }).end();
      case '/slow':
        return; // never answers
      case '/slow-body':
        return res.writeHead(200, { 'content-type': 'text/html' }).write('<p>Sales rose');
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/html' });
        return endless(res);
      case '/huge-declared':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * MB) });
        return endless(res);
      default:
        return res.writeHead(400).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((done) => closed.close(done));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

describe('check refuses bad input with one line on stderr', () => {
  it.each([
    ['a missing file', () => [join(dir, 'nope.html')], /nope\.html: no such file$/],
    ['a directory', () => [join(dir, 'folder.html')], /is a directory/],
    ['an empty file', () => [join(dir, 'empty.html')], /empty\.html is empty$/],
    ['a file of whitespace', () => [join(dir, 'blank.txt')], /blank\.txt is empty$/],
    ['a binary file named .html', () => [join(dir, 'image.html')], /is a binary file/],
    ['a file that is not UTF-8', () => [join(dir, 'latin1.txt')], /is not UTF-8 text/],
    ['a 50 MB file', () => [join(dir, 'huge.html')], /huge\.html is 50 MB, over the 20 MB limit$/],
    ['a device', () => ['/dev/zero'], /is not a regular file$/],
    ['an unreachable URL', () => [`http://127.0.0.1:${closedPort}/`], /connection refused/],
    ['a 404', () => [`${base}/missing`], /answered HTTP 404 Not Found$/],
    ['a 500', () => [`${base}/broken`], /answered HTTP 500 Internal Server Error$/],
    ['a PNG', () => [`${base}/image.png`], /is image\/png, not an HTML page or text$/],
    ['a PDF', () => [`${base}/report.pdf`], /is application\/pdf, not an HTML page or text$/],
    ['an empty response', () => [`${base}/empty`], /returned an empty page$/],
    ['a server that never answers', () => [`${base}/slow`, '--timeout', '0.3'], /did not answer within 0\.3 s$/],
    ['a body that stalls', () => ['--timeout=300ms', `${base}/slow-body`], /did not answer within 0\.3 s$/],
    ['an endless response', () => [`${base}/huge`], /sent more than the 20 MB limit$/],
    ['a response declared too big', () => [`${base}/huge-declared`], /is 50 MB, over the 20 MB limit$/],
    ['a file: URL', () => ['file:///etc/hostname'], /only http: and https: URLs are supported, not file:$/],
    ['an ftp: URL', () => ['ftp://example.com/page.html'], /not ftp:$/],
    ['a malformed URL', () => ['http://'], /is not a valid URL$/],
  ])('%s', async (_name, argv, message) => {
    const { core, seen } = fakeCore();

    const result = await check(argv(), core);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^tally check: [^\n]+\n$/);
    expect(result.stderr.trimEnd()).toMatch(message);
    expect(seen.blocks).toBeUndefined();
  });

  // Root reads any file whatever its mode, so the real thing only runs as a normal user;
  // the message itself is covered below for everyone.
  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const result = await check([join(dir, 'locked.html')]);

    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd()).toMatch(/locked\.html: permission denied$/);
  });

  it.each([
    ['EACCES', 'page.html: permission denied'],
    ['EPERM', 'page.html: permission denied'],
    ['ENOENT', 'page.html: no such file'],
    ['EIO', 'cannot read page.html: i/o error'],
  ])('names the file-system error %s', (code, message) => {
    const error = Object.assign(new Error('i/o error'), { code });

    expect(fsInputError(error, 'page.html').message).toBe(message);
  });

  it.each([
    ['no page', []],
    ['an unknown option', ['--frobnicate', FIXTURE]],
    ['two pages', [FIXTURE, FIXTURE]],
    ['a bad timeout', ['--timeout', 'soon', FIXTURE]],
    ['a timeout without value', [FIXTURE, '--timeout']],
  ])('prints the usage line for %s, exit 2', async (_name, argv) => {
    const result = await check(argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^tally check: [^\n]+; usage: npm run check -- <file\.html\|file\.txt\|URL> .*\n$/);
  });
});

describe('check tells URLs from files', () => {
  it.each([
    ['https://example.com/a', true],
    ['HTTP://example.com', true],
    ['http:example.com', true],
    ['file:///etc/hostname', true],
    ['ftp://example.com/a.html', true],
    ['report:2024.html', false],
    ['notes:draft.txt', false],
    ['C:\\pages\\a.html', false],
    ['./https.html', false],
  ])('reads %s as a URL: %s', (target, url) => {
    expect(isUrlLike(target)).toBe(url);
  });
});

describe('check reads good input', () => {
  it('fetches an HTML page over http', async () => {
    const { core, seen } = fakeCore();

    const result = await check(['--json', `${base}/page`], core);

    expect(result).toEqual({ code: 0, stdout: '{"findings":[]}\n', stderr: '' });
    expect(seen.blocks?.map((b) => b.text)).toEqual(['Sales rose 12% to $3.4 billion in 2024.']);
  });

  it('makes one block per blank-line-separated paragraph of a .txt file', async () => {
    const { core, seen } = fakeCore();

    await check([join(dir, 'notes.txt')], core);

    expect(seen.blocks?.map((b) => b.text)).toEqual([
      'First paragraph, line one still the first.',
      'Second: 12% more.',
      'Third.',
    ]);
  });

  it('keeps the text of an HTML fragment without <html> or <body>', async () => {
    const { core, seen } = fakeCore();

    await check([join(dir, 'fragment.html')], core);

    expect(seen.blocks?.map((b) => b.text)).toEqual(['One fragment.', 'Two fragments.']);
  });
});

describe('the report', () => {
  const finding = (verdict: Finding['verdict'], figure: string, block: number): Finding => ({
    verdict,
    sentence: `Exports grew ${figure} in 2025.`,
    figure,
    block,
    sentenceStart: 0,
    sentenceEnd: 30,
    figureStart: 13,
    figureEnd: 13 + figure.length,
    claimId: `report-${block}`,
    source: 'report.txt',
    quote: 'Exports grew 34% in 2025, the report says.',
    sourceFigure: '34%',
    reason: `Page says ${figure} for 2025; the report says 34% (2025).`,
    score: 0.9,
    fuzzy: 0.8,
    pageFigure: { text: figure, start: 13, end: 13 + figure.length, low: 0, high: 0, unit: 'percent', scale: 1, tolerance: 0.5, qualifier: 'exact' },
  });
  const findings = [finding('corroborated', '34%', 0), finding('conflicting', '36%', 1)];

  it('lists conflicts first, with the evidence, and ends with a summary', async () => {
    const result = await check([FIXTURE], fakeCore(findings).core);
    const lines = result.stdout.trimEnd().split('\n');

    expect(result.code).toBe(0);
    expect(result.stdout.indexOf('Conflicting (1)')).toBeLessThan(result.stdout.indexOf('Corroborated (1)'));
    expect(result.stdout).toContain('Page says 36% for 2025; the report says 34% (2025).');
    expect(result.stdout).toContain('“Exports grew 34% in 2025, the report says.”');
    expect(result.stdout).toContain('A Report on Things (report.txt)');
    expect(lines.at(-1)).toMatch(/^1 conflicting, 1 corroborated in .*small-page\.html \(\d+ text blocks read\)\.$/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('uses color only when asked to', async () => {
    const result = await check([FIXTURE], fakeCore(findings).core, true);

    expect(result.stdout).toContain('\u001b[31m✗\u001b[39m');
  });

  it('prints only the JSON contract with --json, DOM-free', async () => {
    const result = await check([FIXTURE, '--json'], fakeCore(findings).core);

    expect(JSON.parse(result.stdout).findings[1]).toMatchObject({ verdict: 'conflicting', figure: '36%', figureStart: 13 });
  });
});

describe('the check process', () => {
  const run = promisify(execFile);
  const spawnCheck = (args: string[]) =>
    // Node with tsx's loader rather than npx, whose own warnings about the npm config go to stderr.
    run(process.execPath, ['--import', 'tsx', 'scripts/check.ts', ...args], { cwd: ROOT, encoding: 'utf8' }).then(
      (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
      (failed: { code: number; stdout: string; stderr: string }) => failed,
    );

  it('exits 1 with one line on stderr for a missing file', async () => {
    const result = await spawnCheck([join(dir, 'nope.html')]);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^tally check: [^\n]*no such file\n$/);
  });

  it('exits 2 with the usage line for an unknown option', async () => {
    const result = await spawnCheck(['--verbose', FIXTURE]);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('prints {"findings":[…]} and nothing else, as the scorer runs it', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'check', '--', '--json', FIXTURE], { cwd: ROOT, encoding: 'utf8' });
    const parsed = JSON.parse(stdout) as { findings: Record<string, unknown>[] };

    expect(Object.keys(parsed)).toEqual(['findings']);
    for (const f of parsed.findings) {
      expect(f).toMatchObject({
        sentence: expect.any(String),
        figure: expect.any(String),
        verdict: expect.stringMatching(/^(corroborated|conflicting)$/),
        claimId: expect.any(String),
        source: expect.stringMatching(/\.txt$/),
        quote: expect.any(String),
        sourceFigure: expect.any(String),
        reason: expect.any(String),
        score: expect.any(Number),
      });
    }
  });
});
