import { jobsApi, type BackgroundJob } from '@pairing/shared';
import { call } from './client.ts';

/** How often a page asks how its background job is doing. */
const pollMs = 500;

/**
 * Follow a background job until it ends: `onUpdate` sees each state on the way; answers the
 * finished job, or throws its message when it failed.
 */
export async function awaitJob(
  jobId: string,
  onUpdate: (job: BackgroundJob) => void = () => undefined,
): Promise<BackgroundJob> {
  for (;;) {
    const job = await call(jobsApi.get, { params: { jobId } });
    onUpdate(job);
    if (job.state === 'done') return job;
    if (job.state === 'failed') throw new Error(job.message ?? job.state);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
