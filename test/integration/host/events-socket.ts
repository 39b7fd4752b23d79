/** A client of the host's /events WebSocket for tests: queued messages, `next()`, and the close code. */
import WebSocket from 'ws';

export type EventsSocket = Readonly<{
  /** The next message (already received, or the next to arrive). */
  next: () => Promise<unknown>;
  /** Messages received and not yet taken by `next`. */
  pending: () => unknown[];
  /** Resolves with the close code. */
  closed: Promise<number>;
  isOpen: () => boolean;
}>;

/** Opens the events socket with `headers`; resolves once open, or rejects with the HTTP status of a refused upgrade. */
export function connectEvents(url: string, headers: Record<string, string>): Promise<EventsSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/events`, { headers });
    const messages: unknown[] = [];
    const waiting: ((m: unknown) => void)[] = [];
    ws.on('message', (data) => {
      const m = JSON.parse(String(data));
      const w = waiting.shift();
      if (w) w(m);
      else messages.push(m);
    });
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('open', () =>
      resolve({
        next: () => (messages.length ? Promise.resolve(messages.shift()) : new Promise((r) => waiting.push(r))),
        pending: () => [...messages],
        closed,
        isOpen: () => ws.readyState === WebSocket.OPEN,
      }),
    );
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
  });
}
