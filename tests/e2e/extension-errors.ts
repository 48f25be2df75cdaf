import type { BrowserContext, Page } from 'playwright-core';

export interface ErrorWatch {
  /** Uncaught exceptions and `console.error` calls of Tally's content script so far. */
  errors(): string[];
  stop(): Promise<void>;
}

interface RuntimeEvent {
  exceptionDetails?: {
    text: string;
    url?: string;
    executionContextId?: number;
    exception?: { description?: string };
    stackTrace?: StackTrace;
  };
  executionContextId?: number;
  type?: string;
  args?: { value?: unknown; description?: string }[];
  stackTrace?: StackTrace;
}

interface StackTrace {
  callFrames: { url: string }[];
}

/**
 * Records what Tally's content script throws or logs as an error in `page`. Playwright's own
 * `pageerror` and `console` events cover the page's world only; the DevTools Runtime domain
 * reports every world of the page, the extension's isolated one included.
 */
export async function watchExtensionErrors(context: BrowserContext, page: Page, extensionId: string): Promise<ErrorWatch> {
  const session = await context.newCDPSession(page);
  const found: string[] = [];
  const origin = `chrome-extension://${extensionId}`;
  // The content script's isolated worlds, one per document the page loads.
  const worlds = new Set<number>();
  const fromTally = (contextId: number | undefined, stack: StackTrace | undefined, url?: string) =>
    (contextId !== undefined && worlds.has(contextId)) ||
    [url, ...(stack?.callFrames.map((frame) => frame.url) ?? [])].some((u) => u?.startsWith(`${origin}/`));
  session.on('Runtime.executionContextCreated', ({ context: created }) => {
    if (created.origin === origin) worlds.add(created.id);
  });
  session.on('Runtime.exceptionThrown', (event: RuntimeEvent) => {
    const details = event.exceptionDetails;
    if (details && fromTally(details.executionContextId, details.stackTrace, details.url)) {
      found.push(details.exception?.description ?? details.text);
    }
  });
  session.on('Runtime.consoleAPICalled', (event: RuntimeEvent) => {
    const text = (event.args ?? []).map((arg) => String(arg.value ?? arg.description ?? '')).join(' ');
    if (event.type === 'error' && fromTally(event.executionContextId, event.stackTrace)) found.push(text);
  });
  await session.send('Runtime.enable');
  return {
    errors: () => [...found],
    stop: () => session.detach(),
  };
}
