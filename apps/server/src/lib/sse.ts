import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export type SseClient = {
  /** Send one event frame made by `sseFrame`; returns false once the connection is gone. */
  send(frame: SseFrame): boolean;
  close(): void;
};

/**
 * One event as it goes on the wire, already encoded: built once and sent to every client of a
 * feed. `chunk` is the same bytes framed as one HTTP/1.1 chunk, so a chunked stream takes it with
 * one socket write instead of the response's framing, corking and flushing per client (a board
 * change goes to thousands of sockets at once).
 */
export type SseFrame = { body: Buffer; chunk: Buffer };

export function sseFrame(event: string, data: unknown): SseFrame {
  const body = Buffer.from(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const chunk = Buffer.concat([
    Buffer.from(`${body.length.toString(16)}\r\n`),
    body,
    Buffer.from('\r\n'),
  ]);
  return { body, chunk };
}

const heartbeatMs = 15_000;

let openClients = 0;
/** Streams open in this process, for the sse_clients metric. */
export const sseClientCount = () => openClients;

/**
 * A client that has not taken the previous frames (its socket has not drained since) is dropped
 * once this much waits for it in the process, beyond what the kernel's socket buffer holds,
 * instead of keeping every later frame for it.
 */
export const maxBufferedBytes = 256 * 1024;

/**
 * Take over the raw response for Server-Sent Events: headers, a heartbeat comment so proxies keep
 * the connection open, and `onClose` exactly once when the client goes away or is dropped for
 * not reading.
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
  let open = true;
  openClients += 1;
  const writeTo = (out: Writable, chunk: string | Buffer) => {
    // Judged on the frames before this one, so a single large frame to a reader is fine.
    const behind = out.writableNeedDrain;
    out.write(chunk);
    if (behind && out.writableLength > maxBufferedBytes) res.destroy();
  };
  const write = (chunk: string | Buffer) => writeTo(res, chunk);
  write('retry: 3000\n\n');
  // The headers have gone out with that first write: when they chose chunked encoding, frames go
  // to the socket already framed (each whole, so they never split the response's own chunks).
  const socket = res.chunkedEncoding ? res.socket : null;
  const writeFrame = (frame: SseFrame) =>
    socket ? writeTo(socket, frame.chunk) : write(frame.body);
  const heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs);
  heartbeat.unref();
  const finish = () => {
    if (!open) return;
    open = false;
    openClients -= 1;
    clearInterval(heartbeat);
    onClose();
  };
  request.raw.on('close', finish);
  res.on('close', finish);
  res.on('error', finish);
  return {
    send(frame) {
      if (!open) return false;
      writeFrame(frame);
      return open;
    },
    close() {
      if (open) res.end();
      finish();
    },
  };
}

export type StreamLimits = {
  /** Open streams from one source address (behind a proxy, its X-Forwarded-For). */
  perSource: number;
  /** Open streams in this process: each holds a file handle until its client leaves. */
  total: number;
};

/**
 * The process's open-file limit (Linux), for sizing `total`: past it, accepting any connection
 * fails, health checks and logins included.
 */
export function openFileLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    return Number.isFinite(soft) ? soft : undefined;
  } catch {
    return undefined;
  }
}

/** 20 per source, 5,000 in all, or fewer when the open-file limit leaves 1,000 handles spare. */
export function defaultStreamLimits(): StreamLimits {
  const files = openFileLimit();
  return { perSource: 20, total: Math.max(100, Math.min(5_000, (files ?? 6_000) - 1_000)) };
}

const streamsFull = () =>
  new AppError(503, 'too_many_streams', '实时推送连接数已满，请稍后重试或刷新页面查看');
export const streamRetryAfterSeconds = 30;

/**
 * Admission for long-lived streams: a slot per open stream, counted per source and in total, held
 * from the request's arrival until its connection closes (also when the route answers otherwise).
 */
export class StreamGate {
  private bySource = new Map<string, number>();
  private open = 0;

  constructor(private limits: StreamLimits) {}

  /** A route's onRequest hook: take a slot or answer 503 with Retry-After. */
  readonly admit = async (request: FastifyRequest, reply: FastifyReply) => {
    const source = request.ip;
    const mine = this.bySource.get(source) ?? 0;
    if (mine >= this.limits.perSource || this.open >= this.limits.total) {
      reply.header('retry-after', String(streamRetryAfterSeconds));
      throw streamsFull();
    }
    this.bySource.set(source, mine + 1);
    this.open += 1;
    reply.raw.once('close', () => {
      this.open -= 1;
      const left = (this.bySource.get(source) ?? 1) - 1;
      if (left) this.bySource.set(source, left);
      else this.bySource.delete(source);
    });
  };

  get size() {
    return this.open;
  }
}
