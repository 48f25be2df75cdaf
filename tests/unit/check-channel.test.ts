import { describe, expect, it } from 'vitest';
import { CheckChannel, IDLE_CLOSE_MS, type ChannelTimers, type CheckPort } from '../../src/content/check-channel';
import type { CheckedTexts, CheckReply, CheckRequest } from '../../src/messages';

/** A port to a background that answers when the test says so. */
class FakePort implements CheckPort {
  sent: CheckRequest[] = [];
  disconnected = false;
  failOnPost = false;
  private readonly onMessages: ((message: unknown) => void)[] = [];
  private readonly onDisconnects: (() => void)[] = [];
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.onMessages.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.onDisconnects.push(listener) };

  postMessage(message: CheckRequest): void {
    if (this.failOnPost) throw new Error('Extension context invalidated.');
    this.sent.push(message);
  }

  disconnect(): void {
    this.disconnected = true;
  }

  /** The background replies. */
  reply(message: unknown): void {
    for (const listener of this.onMessages) listener(message);
  }

  /** The background goes away (the browser stopped it). */
  drop(): void {
    for (const listener of this.onDisconnects) listener();
  }
}

/** Timers run by hand: `advance(ms)` fires what is due. */
class FakeTimers implements ChannelTimers {
  private now = 0;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; handler: () => void }>();

  setTimeout(handler: () => void, ms: number): number {
    this.due.set(this.nextId, { at: this.now + ms, handler });
    return this.nextId++;
  }

  clearTimeout(id: number | undefined): void {
    if (id !== undefined) this.due.delete(id);
  }

  advance(ms: number): void {
    this.now += ms;
    for (const [id, timer] of [...this.due]) {
      if (timer.at > this.now) continue;
      this.due.delete(id);
      timer.handler();
    }
  }
}

const answer = (figure: string): CheckedTexts => ({
  findings: [{ verdict: 'corroborated', figure, block: 0, sentenceStart: 0, sentenceEnd: 9, figureStart: 0, figureEnd: figure.length, claimId: 'c', source: 's.txt', sourceFigure: figure, reason: 'r' }],
  sources: {},
  quotes: {},
});

function setUp() {
  const ports: FakePort[] = [];
  const timers = new FakeTimers();
  const channel = new CheckChannel(() => {
    const port = new FakePort();
    ports.push(port);
    return port;
  }, timers);
  return { ports, timers, channel };
}

describe('CheckChannel', () => {
  it("sends a check's batches over one port and gives each request its own reply, in whatever order they come", async () => {
    const { ports, channel } = setUp();

    const first = channel.check(['a 1']);
    const second = channel.check(['b 2']);
    const [port] = ports;
    const [a, b] = port!.sent;
    port!.reply({ id: b!.id, answer: answer('2') } satisfies CheckReply);
    port!.reply({ id: a!.id, answer: answer('1') } satisfies CheckReply);

    expect(ports).toHaveLength(1);
    expect(port!.sent.map((r) => r.texts)).toEqual([['a 1'], ['b 2']]);
    expect(a!.id).not.toBe(b!.id);
    expect((await first)?.findings[0]?.figure).toBe('1');
    expect((await second)?.findings[0]?.figure).toBe('2');
  });

  it('ignores replies it did not ask for, and answers null to a request the background could not check', async () => {
    const { ports, channel } = setUp();

    const pending = channel.check(['a 1']);
    const port = ports[0]!;
    port.reply({ id: 99, answer: answer('9') });
    port.reply(null);
    port.reply('not a reply');
    port.reply({ id: port.sent[0]!.id, answer: null });

    expect(await pending).toBeNull();
  });

  it('closes a port no request used for a while, and opens another for the next request', async () => {
    const { ports, timers, channel } = setUp();

    const first = channel.check(['a 1']);
    ports[0]!.reply({ id: ports[0]!.sent[0]!.id, answer: answer('1') });
    await first;
    timers.advance(IDLE_CLOSE_MS - 1);
    expect(ports[0]!.disconnected).toBe(false);
    timers.advance(1);
    expect(ports[0]!.disconnected).toBe(true);

    const second = channel.check(['b 2']);
    expect(ports).toHaveLength(2);
    ports[1]!.reply({ id: ports[1]!.sent[0]!.id, answer: answer('2') });
    expect((await second)?.findings[0]?.figure).toBe('2');
  });

  it('keeps the port while a request is out, however long the background takes', async () => {
    const { ports, timers, channel } = setUp();

    const first = channel.check(['a 1']);
    const second = channel.check(['b 2']);
    ports[0]!.reply({ id: ports[0]!.sent[0]!.id, answer: answer('1') });
    await first;
    timers.advance(10 * IDLE_CLOSE_MS);

    expect(ports[0]!.disconnected).toBe(false);
    ports[0]!.reply({ id: ports[0]!.sent[1]!.id, answer: answer('2') });
    expect((await second)?.findings[0]?.figure).toBe('2');
  });

  it('answers null to the requests of a port the background dropped, and the next request reconnects', async () => {
    const { ports, channel } = setUp();

    const first = channel.check(['a 1']);
    const second = channel.check(['b 2']);
    ports[0]!.drop();

    expect(await first).toBeNull();
    expect(await second).toBeNull();
    const third = channel.check(['c 3']);
    expect(ports).toHaveLength(2);
    // A late word from the dropped port fails nothing on the new one.
    ports[0]!.drop();
    ports[1]!.reply({ id: ports[1]!.sent[0]!.id, answer: answer('3') });
    expect((await third)?.findings[0]?.figure).toBe('3');
    expect(ports).toHaveLength(2);
  });

  it('answers null when the extension is gone and nothing can be sent', async () => {
    const { channel } = setUp();
    const gone = new CheckChannel(() => {
      throw new Error('Extension context invalidated.');
    }, new FakeTimers());

    expect(await gone.check(['a 1'])).toBeNull();

    const pending = channel.check(['a 1']);
    channel.close();
    expect(await pending).toBeNull();
  });

  it('gives up a port that fails to send, answering null to what it carried, and sends the next request on a new one', async () => {
    const { ports, channel } = setUp();
    const first = channel.check(['a 1']);
    ports[0]!.failOnPost = true;

    expect(await channel.check(['b 2'])).toBeNull();
    expect(await first).toBeNull();
    expect(ports[0]!.disconnected).toBe(true);

    void channel.check(['c 3']);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent.map((r) => r.texts)).toEqual([['c 3']]);
  });
});
