import { randomUUID } from 'node:crypto';
import type { BackgroundJob } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { backgroundJobs } from './schema.ts';
import { sendJob, type QueueJob } from './work.ts';

/** Reports how far a job has come: `done` of `total` steps. */
export type Progress = (done: number, total: number) => Promise<void>;

/**
 * Work a user starts and follows (an allocation run): it runs in whichever server process takes
 * it, as the user who started it, with the retries and expiry of `QueueJob`. `run` answers the
 * job's result; an AppError it throws settles the job as failed with its message (a refusal, not
 * worth a retry).
 */
export type OwnedJob<D> = {
  kind: BackgroundJob['kind'];
  retryLimit: number;
  expireInSeconds: number;
  run(ctx: AppContext, scope: Scope, data: D, progress: Progress): Promise<Record<string, unknown>>;
};

type Payload<D> = { scope: Scope; data: D };

/** The queue's view of an owned job: its row in background_jobs settles it once. */
export function queueJobOf<D>(job: OwnedJob<D>): QueueJob<Payload<D>> {
  return {
    name: job.kind,
    retryLimit: job.retryLimit,
    expireInSeconds: job.expireInSeconds,
    run: (ctx, payload, id) => runOwned(ctx, job, id, payload),
  };
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
  const id = randomUUID();
  await ctx.dbh.db
    .insert(backgroundJobs)
    .values({ id, kind: job.kind, ownerId: scope.userId, scopePath: scope.path });
  await sendJob(ctx, queueJobOf(job), { scope, data }, id);
  return { jobId: id };
}
