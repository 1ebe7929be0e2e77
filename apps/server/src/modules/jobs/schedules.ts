import type { AppContext } from '../../context.ts';
import { queueOf } from './queue.ts';

/**
 * Work that runs on a clock (cron, in China time), once per tick across all server processes:
 * every process registers the schedule and works its queue, the queue fires each tick once and
 * one process takes it. At most one tick waits while one runs, so a long run does not pile up.
 */
export type ScheduledJob = {
  name: string;
  cron: string;
  /** A run still going after this long lost its process; the next tick runs afresh. */
  expireInSeconds: number;
  run(ctx: AppContext): Promise<void>;
};

/** Register the schedules and work them in this process; answers the stop function. */
export async function startSchedules(ctx: AppContext, jobs: ScheduledJob[]) {
  const boss = queueOf(ctx.dbh);
  for (const job of jobs) {
    const { name, expireInSeconds } = job;
    await boss.createQueue(name, { name, policy: 'stately', retryLimit: 0, expireInSeconds });
    await boss.schedule(name, job.cron, {}, { tz: 'Asia/Shanghai' });
    await boss.work(name, () => job.run(ctx));
  }
  return async () => {
    for (const job of jobs) await boss.offWork(job.name);
  };
}
