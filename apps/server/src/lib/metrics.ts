import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv6 } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { AppError } from './errors.ts';

/** Jobs waiting or running, by state, for one queue. */
export type QueueDepth = () => Promise<Array<{ state: string; count: number }>>;
export type PoolStats = { total: number; idle: number; waiting: number };

export type MetricsSources = {
  /** The database pool's connections (PostgreSQL only). */
  pool?: () => PoolStats;
  /** Open Server-Sent-Events clients. */
  sseClients: () => number;
};

/**
 * The process's Prometheus metrics: Node's defaults (event-loop lag, memory, GC), request
 * durations by route, pool use, SSE clients and job queue depth. Queues register themselves with
 * `registerQueue`, so a module adds its own without this file knowing it.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly queues = new Map<string, QueueDepth>();
  private readonly requests: Histogram<'method' | 'route' | 'status_class'>;

  constructor(sources: MetricsSources) {
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request durations by method, route pattern and status class',
      labelNames: ['method', 'route', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10],
      registers: [this.registry],
    });
    new Gauge({
      name: 'sse_clients',
      help: 'Open Server-Sent-Events streams',
      registers: [this.registry],
      collect() {
        this.set(sources.sseClients());
      },
    });
    const pool = sources.pool;
    if (pool) {
      new Gauge({
        name: 'db_pool_connections',
        help: 'Database pool connections: total, idle, and requests waiting for one',
        labelNames: ['state'],
        registers: [this.registry],
        collect() {
          const stats = pool();
          for (const state of ['total', 'idle', 'waiting'] as const)
            this.set({ state }, stats[state]);
        },
      });
    }
    const queues = this.queues;
    new Gauge({
      name: 'job_queue_depth',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [queue, depth] of queues)
          for (const { state, count } of await depth()) this.set({ queue, state }, count);
      },
    });
  }

  registerQueue(name: string, depth: QueueDepth) {
    this.queues.set(name, depth);
  }

  /** onResponse hook: the request's duration under its route pattern (not its URL). */
  readonly observe = async (request: FastifyRequest, reply: FastifyReply) => {
    this.requests.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_class: `${Math.floor(reply.statusCode / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
  };
}

export type MetricsAccess = {
  /** Addresses or CIDR ranges (METRICS_ALLOW) that may read /metrics besides loopback. */
  allow?: string[];
  /** A bearer token (METRICS_TOKEN) that opens /metrics from anywhere. */
  token?: string;
};

const mappedIPv4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

function blockListOf(entries: string[]) {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

const contains = (list: BlockList, ip: string) => {
  const v4 = mappedIPv4.exec(ip)?.[1];
  if (v4) return list.check(v4, 'ipv4');
  return list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
};

const loopback = blockListOf(['127.0.0.0/8', '::1']);

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * onRequest hook of /metrics: open to the bearer token, to the allowed addresses, and to loopback
 * when nothing forwarded the request (a reverse proxy on the same machine connects from loopback
 * on behalf of anyone). Anyone else finds nothing there (404).
 */
export function metricsGuard(access: MetricsAccess = {}) {
  const allowed = blockListOf(access.allow ?? []);
  return async (request: FastifyRequest) => {
    const auth = request.headers.authorization;
    if (access.token && auth?.startsWith('Bearer ') && sameSecret(auth.slice(7), access.token))
      return;
    if (contains(allowed, request.ip)) return;
    const forwarded = request.headers['x-forwarded-for'] ?? request.headers.forwarded;
    if (!forwarded && contains(loopback, request.socket.remoteAddress ?? '')) return;
    throw new AppError(404, 'not_found', '接口不存在');
  };
}

/** METRICS_ALLOW (comma-separated addresses or CIDR ranges) and METRICS_TOKEN. */
export function metricsAccessFromEnv(env: NodeJS.ProcessEnv): MetricsAccess {
  return {
    allow: (env.METRICS_ALLOW ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    ...(env.METRICS_TOKEN ? { token: env.METRICS_TOKEN } : {}),
  };
}
