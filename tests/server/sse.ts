/** A tiny SSE client over fetch, for tests: reads events and comments as they arrive. */
export interface SseMessage {
  event?: string;
  data?: string;
  comment?: string;
}

export class SseReader {
  private buffer = '';
  private readonly queue: SseMessage[] = [];
  private waiters: (() => void)[] = [];
  ended = false;

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {
    void this.pump();
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<{ res: Response; sse: SseReader }> {
    const res = await fetch(url, { headers });
    if (!res.body) throw new Error('no body');
    return { res, sse: new SseReader(res.body.getReader()) };
  }

  private async pump() {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await this.reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, i);
          this.buffer = this.buffer.slice(i + 2);
          const msg: SseMessage = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) msg.comment = line.slice(1).trim();
            else if (line.startsWith('event:')) msg.event = line.slice(6).trim();
            else if (line.startsWith('data:')) msg.data = line.slice(5).trim();
          }
          this.queue.push(msg);
        }
        this.wake();
      }
    } catch {
      // aborted
    }
    this.ended = true;
    this.wake();
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** The next message matching `pick`, or throws after `timeoutMs`. */
  async next(pick: (m: SseMessage) => boolean = (m) => m.event === 'poke', timeoutMs = 5000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const idx = this.queue.findIndex(pick);
      if (idx >= 0) return this.queue.splice(idx, 1)[0]!;
      if (this.ended) throw new Error('stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for an SSE message');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async nextPoke(timeoutMs?: number): Promise<number> {
    const m = await this.next((x) => x.event === 'poke', timeoutMs);
    return (JSON.parse(m.data ?? '{}') as { cursor: number }).cursor;
  }

  /** Pending pokes received so far (without waiting). */
  pendingPokes(): number[] {
    return this.queue.filter((m) => m.event === 'poke').map((m) => (JSON.parse(m.data ?? '{}') as { cursor: number }).cursor);
  }

  async close() {
    await this.reader.cancel().catch(() => {});
  }
}
