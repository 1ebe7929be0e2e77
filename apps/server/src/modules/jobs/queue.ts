import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { AppError } from '../../lib/errors.ts';
import type { DbHandle } from '../../db/client.ts';

/** How often a queue looks for work, expires stuck jobs and fires schedules; seconds. */
export type QueueTiming = {
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
  monitorStateIntervalSeconds?: number;
};

/**
 * pg-boss runs its statements on the server's own database: on PostgreSQL through the pool (a
 * script of several statements goes as one simple query), on PGlite through the one in-process
 * connection, where a script needs `exec` because the extended protocol takes one statement.
 */
function executorOf(dbh: DbHandle): PgBoss.Db {
  if (dbh.kind === 'postgres')
    return { executeSql: (text, values) => dbh.query(text, values?.length ? values : undefined) };
  // Drizzle's public handle on the driver it was given.
  const client = (dbh.db as unknown as { $client: PGlite }).$client;
  return {
    executeSql: async (text, values) => {
      if (values?.length) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

const queues = new WeakMap<DbHandle, PgBoss>();

/**
 * A started queue instance on this database (creating or upgrading its `pgboss` schema once,
 * under an advisory lock, so several processes may start together).
 */
export async function openQueue(
  dbh: DbHandle,
  timing: QueueTiming = {},
  warn: (err: Error) => void = (err) => console.error(err),
) {
  const boss = new PgBoss({
    db: executorOf(dbh),
    // Finished jobs stay visible a day, then move to the archive.
    archiveCompletedAfterSeconds: 24 * 3600,
    ...timing,
  });
  boss.on('error', warn);
  await boss.start();
  return boss;
}

/** Start this server process's queue on the database; one per database handle. */
export async function startQueue(
  dbh: DbHandle,
  timing: QueueTiming = {},
  warn: (err: Error) => void = (err) => console.error(err),
) {
  const boss = await openQueue(dbh, timing, warn);
  queues.set(dbh, boss);
  return boss;
}

/** The running queue of this database. */
export function queueOf(dbh: DbHandle): PgBoss {
  const boss = queues.get(dbh);
  // Only while the database has not answered since the start.
  if (!boss) throw new AppError(503, 'database_unavailable', '数据库暂时无法连接，请稍后重试');
  return boss;
}

/**
 * Stop taking work, let running jobs finish for up to `graceMs`, then give the queue back the ones
 * still running (failed, so their retry runs elsewhere or after a restart).
 */
export async function stopQueue(dbh: DbHandle, graceMs = 30_000) {
  const boss = queues.get(dbh);
  if (!boss) return;
  queues.delete(dbh);
  await boss.stop({ graceful: true, wait: true, timeout: graceMs });
}

export type QueueDepth = Record<
  'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed',
  number
>;

/**
 * Jobs by state, per queue and in all, for metrics: `{ all, created, …, queues: { name: {…} } }`.
 * Answers null while this database has no running queue.
 */
export async function queueDepth(dbh: DbHandle) {
  const boss = queues.get(dbh);
  if (!boss) return null;
  const counts = await (
    boss as unknown as {
      countStates(): Promise<QueueDepth & { all: number; queues: Record<string, QueueDepth> }>;
    }
  ).countStates();
  return counts;
}

/** Jobs waiting (created, retry) and running (active) in one queue, for the job_queue_depth metric. */
export const waitingAndRunning = (dbh: DbHandle, name: string) => async () => {
  const depth = (await queueDepth(dbh))?.queues[name];
  return (['created', 'retry', 'active'] as const).map((state) => ({
    state,
    count: depth?.[state] ?? 0,
  }));
};
