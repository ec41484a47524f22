import { SseParser } from '../../shared/protocol/sse';

/**
 * A server-sent-events reader over fetch streaming, the way the desktop
 * client reads the stream (EventSource cannot send an Authorization header).
 */
export class SseClient {
  readonly messages: unknown[] = [];
  comments = 0;
  status = 0;
  headers: Headers = new Headers();
  ended = false;
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];
  private done: Promise<void> = Promise.resolve();

  static async open(url: string, token: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    const res = await fetch(url, { headers: { ...headers, authorization: `Bearer ${token}` }, signal: client.controller.signal });
    client.status = res.status;
    client.headers = res.headers;
    if (res.status !== 200 || !res.body) {
      client.ended = true;
      return client;
    }
    client.done = client.read(res.body);
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    const parser = new SseParser();
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        for (const msg of parser.push(decoder.decode(chunk, { stream: true }))) this.messages.push(JSON.parse(msg.data));
        this.comments = parser.comments;
        this.wake();
      }
    } catch {
      /* aborted or reset */
    } finally {
      this.ended = true;
      this.wake();
    }
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  /** Waits until the predicate holds over what has arrived, or fails after timeoutMs. */
  async until(predicate: () => boolean, timeoutMs = 5000, what = 'stream condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Every document received so far. */
  documents(): { id: string; [k: string]: unknown }[] {
    return this.messages.flatMap((m) =>
      typeof m === 'object' && m !== null ? ((m as { documents: { id: string }[] }).documents ?? []) : [],
    );
  }

  resyncs(): number {
    return this.messages.filter((m) => m === 'RESYNC').length;
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }
}
