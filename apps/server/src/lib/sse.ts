import type { FastifyReply, FastifyRequest } from 'fastify';

export type SseClient = {
  /** Send one event; returns false once the connection is gone. */
  send(event: string, data: unknown): boolean;
  close(): void;
};

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
    send(event, data) {
      if (!open) return false;
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      return true;
    },
    close() {
      if (open) res.end();
      finish();
    },
  };
}
