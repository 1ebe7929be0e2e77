import type { FastifyReply, FastifyRequest } from 'fastify';

export type SseClient = {
  /** Send one event frame made by `sseFrame`; returns false once the connection is gone. */
  send(frame: string): boolean;
  close(): void;
};

/** One event as it goes on the wire; build it once and send it to every client of a feed. */
export const sseFrame = (event: string, data: unknown) =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

const heartbeatMs = 15_000;

/**
 * Take over the raw response for Server-Sent Events: headers, a heartbeat comment so proxies keep
 * the connection open, and `onClose` exactly once when the client goes away.
 */
export function openSse(
  request: FastifyRequest,
  reply: FastifyReply,
  onClose: () => void,
): SseClient {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  let open = true;
  const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
  heartbeat.unref();
  const finish = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    onClose();
  };
  request.raw.on('close', finish);
  res.on('close', finish);
  res.on('error', finish);
  return {
    send(frame) {
      if (!open) return false;
      res.write(frame);
      return true;
    },
    close() {
      if (open) res.end();
      finish();
    },
  };
}
