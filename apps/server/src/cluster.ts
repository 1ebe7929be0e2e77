import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';

/**
 * Several server processes on one port (`WORKERS=N`, node:cluster). The primary migrates and
 * seeds once, then forks; each worker builds the app and listens, the primary hands it
 * connections. Sessions, idempotency records and board changes (LISTEN/NOTIFY) live in
 * PostgreSQL, so any worker answers any request.
 */
export type ProcessRole =
  /** One process does everything (WORKERS unset or 1). */
  | { kind: 'single' }
  /** Prepares the database, forks the workers and keeps them running; serves nothing. */
  | { kind: 'primary'; workers: number }
  /** Serves requests; `periodic` in exactly one worker at a time. */
  | { kind: 'worker'; periodic: boolean };

const periodicEnv = 'PAIRING_PERIODIC_WORKER';

/** The role of this process from `WORKERS`; an error names why a count is refused. */
export function processRole(env: NodeJS.ProcessEnv = process.env): ProcessRole {
  if (cluster.isWorker) return { kind: 'worker', periodic: env[periodicEnv] === '1' };
  const raw = env.WORKERS?.trim() || '1';
  const workers = Number(raw);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    throw new Error(`WORKERS=${raw} 无效：应为 1 到 64 之间的整数`);
  if (workers === 1) return { kind: 'single' };
  // PGlite's data directory is owned by the one process that opened it.
  if (!env.DATABASE_URL)
    throw new Error(
      `WORKERS=${workers} 需要 PostgreSQL（设置 DATABASE_URL）：内嵌 PGlite 只能由一个进程打开`,
    );
  return { kind: 'primary', workers };
}

/** Whether this process runs the periodic tasks (reminders, compliance, sealer, housekeeping). */
export const runsPeriodicTasks = (role: ProcessRole) => role.kind !== 'worker' || role.periodic;

/** A worker that dies this soon after the previous death waits before it is forked again. */
const restartBackoffMs = 1_000;

/**
 * Fork `workers` processes running this same entry point and keep that many alive: a worker that
 * dies is forked again (the one running the periodic tasks is replaced by one that runs them).
 * `onReady` runs once the first `workers` all listen. SIGTERM or SIGINT passes the signal on, so
 * each worker drains its requests and closes, and the primary exits once all have; a worker still
 * open after `drainMs` is killed. Never resolves: the primary's work ends with its process.
 */
export function superviseWorkers(
  workers: number,
  onReady: () => void,
  log: (line: string) => void,
  drainMs = 30_000,
): Promise<never> {
  let stopping = false;
  let listening = 0;
  const onListening = () => {
    listening += 1;
    if (listening === workers) onReady();
  };
  cluster.on('listening', onListening);
  let lastDeath = 0;
  const fork = (periodic: boolean) => {
    const worker = cluster.fork({ [periodicEnv]: periodic ? '1' : '0' });
    worker.on('exit', (code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      log(`工作进程 ${worker.process.pid} 退出 (${signal ?? code})，重新启动`);
      const wait = Date.now() - lastDeath < restartBackoffMs ? restartBackoffMs : 0;
      lastDeath = Date.now();
      setTimeout(() => fork(periodic), wait);
    });
  };
  for (let i = 0; i < workers; i += 1) fork(i === 0);

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {});
    if (!alive.length) process.exit(0);
    for (const worker of alive) worker?.process.kill(signal);
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, drainMs).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return new Promise<never>(() => {});
}

/**
 * In a worker, every answer names it in `X-Worker` (the cluster's number, not the process id), so
 * which process answered is plain to an operator reading a proxy's log and to tests.
 */
export function nameWorkerInAnswers(app: FastifyInstance) {
  const worker = cluster.worker;
  if (!worker) return;
  const id = String(worker.id);
  app.addHook('onRequest', async (_request, reply) => {
    reply.raw.setHeader('x-worker', id);
  });
}
