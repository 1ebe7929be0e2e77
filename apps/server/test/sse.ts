import type { Board } from '@pairing/shared';
import { expect } from 'vitest';

/** Read `board` events from an SSE stream as they arrive. */
export async function openStream(base: string, roundId: number) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/public/rounds/${roundId}/board/stream`, {
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: Board[] = [];
  const arrivals: number[] = [];
  const waiters: Array<() => void> = [];
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: board') && data) {
          events.push(JSON.parse(data.slice(6)));
          arrivals.push(Date.now());
        }
        waiters.splice(0).forEach((w) => w());
      }
    }
  })();
  /** Resolve with the first event (already received or later) that satisfies `test`. */
  const next = (test: (b: Board) => boolean, ms = 2000) =>
    new Promise<Board>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching board event within ${ms} ms`)),
        ms,
      );
      const check = () => {
        const hit = events.find(test);
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else waiters.push(check);
      };
      check();
    });
  /** Every board received so far, with the time each arrived. */
  const received = () => events.map((board, i) => ({ board, at: arrivals[i] }));
  return { next, received, close: () => controller.abort() };
}
