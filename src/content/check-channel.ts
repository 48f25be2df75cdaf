import type { CheckedTexts, CheckReply, CheckRequest } from '../messages';

/** The part of a `runtime.Port` the channel uses. */
export interface CheckPort {
  postMessage(message: CheckRequest): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** The timers the channel closes its idle port with: the page window's. */
export interface ChannelTimers {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
}

/** A port with no request out for this long is closed; the next request opens another. */
export const IDLE_CLOSE_MS = 2_000;

/**
 * The content script's end of CHECK_PORT: sends texts to the background and resolves each request
 * with its reply, matched by id, so a check's batches share one connection. The port is opened by
 * the first request and closed once no request was out for IDLE_CLOSE_MS: a tab left open, or a
 * page kept for the back button, holds no connection. A port that fails (the browser stopped the
 * background, or the extension was reloaded) answers null to the requests it carried; the next
 * request opens a new one, which starts the background again.
 *
 * @example
 * const channel = new CheckChannel(() => browser.runtime.connect({ name: CHECK_PORT }), window);
 * const answer = await channel.check(['Sales reached $112.8 billion in 2024.']); // null: not checked
 */
export class CheckChannel {
  private port: CheckPort | null = null;
  private readonly pending = new Map<number, (answer: CheckedTexts | null) => void>();
  private nextId = 0;
  private idleTimer: number | undefined;

  constructor(
    private readonly connect: () => CheckPort,
    private readonly timers: ChannelTimers,
  ) {}

  /** The background's answer for `texts`, or null when they could not be checked. */
  check(texts: string[]): Promise<CheckedTexts | null> {
    return new Promise((resolve) => {
      this.timers.clearTimeout(this.idleTimer);
      const id = this.nextId++;
      this.pending.set(id, resolve);
      try {
        (this.port ??= this.open()).postMessage({ id, texts });
      } catch {
        // The extension's context is gone (it was reloaded), or the port is: it is given up.
        this.close();
      }
    });
  }

  /** Closes the port; the requests still out are answered null. */
  close(): void {
    const port = this.port;
    this.drop(port);
    try {
      port?.disconnect();
    } catch {
      // Already disconnected by the other end.
    }
  }

  private open(): CheckPort {
    const port = this.connect();
    port.onMessage.addListener((message) => this.receive(message));
    port.onDisconnect.addListener(() => this.drop(port));
    return port;
  }

  private receive(message: unknown): void {
    const { id, answer } = (message ?? {}) as Partial<CheckReply>;
    const resolve = typeof id === 'number' ? this.pending.get(id) : undefined;
    if (!resolve) return;
    this.pending.delete(id!);
    resolve(answer && typeof answer === 'object' ? answer : null);
    if (this.pending.size === 0) {
      this.timers.clearTimeout(this.idleTimer);
      this.idleTimer = this.timers.setTimeout(() => this.close(), IDLE_CLOSE_MS);
    }
  }

  /** Forgets `port` if it is the current one, and answers null to every request out on it. */
  private drop(port: CheckPort | null): void {
    if (port !== this.port) return;
    this.port = null;
    this.timers.clearTimeout(this.idleTimer);
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve(null);
  }
}
