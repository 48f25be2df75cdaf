import { createServer } from 'node:http';

export interface ArticleSite {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves generated pages from memory on 127.0.0.1, on a port the system picks: `pages` maps a
 * path (`/100k.html`) to its HTML. Nothing else is served, and nothing leaves the machine.
 */
export async function startArticleSite(pages: ReadonlyMap<string, string>): Promise<ArticleSite> {
  const server = createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (html === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('article site did not start');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((done) => {
        // A browser's keep-alive connections would hold close() open.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
