import type { OwnedJob } from '../jobs/owned.ts';
import { createRun } from './runs.ts';

export type AllocationJobData = { roundId: number; sourceRunId: number | null };

/**
 * An allocation run as a background job: a province's round takes longer to solve than a request
 * may be held. The run is one transaction, so a process that dies mid-run leaves nothing and the
 * retry starts afresh; the refusals of `createRun` settle the job with their message.
 */
export const allocationRunJob: OwnedJob<AllocationJobData> = {
  kind: 'allocation.run',
  retryLimit: 1,
  expireInSeconds: 15 * 60,
  run: async (ctx, scope, { roundId, sourceRunId }, progress) => {
    await progress(0, 1);
    const run = await createRun(ctx.dbh.db, scope, ctx.clock, roundId, sourceRunId);
    await progress(1, 1);
    return { roundId, runId: run.id };
  },
};
