import type { AppContext } from '../../context.ts';
import { queueOf } from './queue.ts';

/**
 * A kind of background work and what happens to a job whose process died: once it has been
 * running `expireInSeconds`, the queue fails it and runs it again while retries are left. `run`
 * must therefore find out what a dead try already did.
 */
export type QueueJob<D> = {
  name: string;
  retryLimit: number;
  expireInSeconds: number;
  run(ctx: AppContext, data: D, jobId: string): Promise<unknown>;
};

/** Pollers wait at most this long for a queued job to be taken. */
const pollingIntervalSeconds = 0.5;

const workerIds = new WeakMap<AppContext['dbh'], Map<string, string>>();

/** Create the queues of these jobs and work them in this process, one job at a time each. */
export async function workJobs(ctx: AppContext, jobs: Array<QueueJob<never>>) {
  const boss = queueOf(ctx.dbh);
  const ids = workerIds.get(ctx.dbh) ?? new Map<string, string>();
  workerIds.set(ctx.dbh, ids);
  for (const job of jobs) {
    const { name, retryLimit, expireInSeconds } = job;
    await boss.createQueue(name, { name, retryLimit, expireInSeconds });
    const id = await boss.work<never>(name, { pollingIntervalSeconds }, ([taken]) =>
      job.run(ctx, taken.data, taken.id),
    );
    ids.set(name, id);
  }
}

/** Queue a job under the id given; a worker of this process takes it at once if it is idle. */
export async function sendJob<D extends object>(
  ctx: AppContext,
  job: QueueJob<D>,
  data: D,
  id: string,
) {
  const boss = queueOf(ctx.dbh);
  await boss.send(job.name, data, { id });
  const worker = workerIds.get(ctx.dbh)?.get(job.name);
  if (worker) boss.notifyWorker(worker);
}

/** How the queue stands with one job: null when it no longer knows it. */
export async function queuedState(ctx: Pick<AppContext, 'dbh'>, name: string, id: string) {
  return (await queueOf(ctx.dbh).getJobById(name, id))?.state ?? null;
}
