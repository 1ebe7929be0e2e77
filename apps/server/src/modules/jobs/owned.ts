import { randomUUID } from 'node:crypto';
import type { BackgroundJob } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { queueOf } from './queue.ts';
import { backgroundJobs } from './schema.ts';

/** Reports how far a job has come: `done` of `total` steps. */
export type Progress = (done: number, total: number) => Promise<void>;

/**
 * Work a user starts and follows (an allocation run): it runs in whichever server process takes
 * it, as the user who started it. `retryLimit` and `expireInSeconds` say what happens to a job
 * whose process died: once it has been running `expireInSeconds`, the queue fails it and runs it
 * again while retries are left. `run` answers the job's result; an AppError it throws settles the
 * job as failed with its message (a refusal, not worth a retry).
 */
export type OwnedJob<D> = {
  kind: BackgroundJob['kind'];
  retryLimit: number;
  expireInSeconds: number;
  run(ctx: AppContext, scope: Scope, data: D, progress: Progress): Promise<Record<string, unknown>>;
};

type Payload<D> = { scope: Scope; data: D };

/** Pollers wait at most this long for a queued job to be taken. */
const pollingIntervalSeconds = 0.5;

const workerIds = new WeakMap<AppContext['dbh'], Map<string, string>>();

/** Create the queues of these jobs and work them in this process. */
export async function workOwnedJobs(ctx: AppContext, jobs: Array<OwnedJob<never>>) {
  const boss = queueOf(ctx.dbh);
  const ids = new Map<string, string>();
  workerIds.set(ctx.dbh, ids);
  for (const job of jobs) {
    const { kind, retryLimit, expireInSeconds } = job;
    await boss.createQueue(kind, { name: kind, retryLimit, expireInSeconds });
    const id = await boss.work<Payload<never>>(kind, { pollingIntervalSeconds }, ([taken]) =>
      runOwned(ctx, job, taken.id, taken.data),
    );
    ids.set(kind, id);
  }
}

async function runOwned<D>(ctx: AppContext, job: OwnedJob<D>, id: string, payload: Payload<D>) {
  const db = ctx.dbh.db;
  const settle = (values: Partial<typeof backgroundJobs.$inferInsert>) =>
    db.update(backgroundJobs).set(values).where(eq(backgroundJobs.id, id));
  // A retry of a job that settled just before its process died has nothing left to do.
  const [row] = await db
    .select({ outcome: backgroundJobs.outcome })
    .from(backgroundJobs)
    .where(eq(backgroundJobs.id, id));
  if (!row || row.outcome) return;
  const progress: Progress = (done, total) => settle({ progress: done, total }).then(() => {});
  try {
    const result = await job.run(ctx, payload.scope, payload.data, progress);
    await settle({ outcome: 'done', result });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await settle({ outcome: 'failed', message: err.message });
  }
}

/** Queue a job for `scope`'s user; answers its id at once. */
export async function startOwnedJob<D>(
  ctx: AppContext,
  job: OwnedJob<D>,
  scope: Scope,
  data: D,
): Promise<{ jobId: string }> {
  const boss = queueOf(ctx.dbh);
  const id = randomUUID();
  await ctx.dbh.db
    .insert(backgroundJobs)
    .values({ id, kind: job.kind, ownerId: scope.userId, scopePath: scope.path });
  await boss.send(job.kind, { scope, data } satisfies Payload<D>, { id });
  // A worker of this process takes it now rather than at its next poll.
  const worker = workerIds.get(ctx.dbh)?.get(job.kind);
  if (worker) boss.notifyWorker(worker);
  return { jobId: id };
}
