// Helpers for tests that start background jobs (not used by the app).
import type { BackgroundJob } from '@pairing/shared';
import type { TestEnv } from '../../../test/harness.ts';

/** Poll a job as `cookie` until it is done or failed; throws after about 20 s. */
export async function settledJob(env: TestEnv, cookie: string, jobId: string) {
  for (let i = 0; i < 400; i += 1) {
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}`,
      headers: { cookie },
    });
    if (res.statusCode !== 200) throw new Error(`job ${jobId}: ${res.statusCode} ${res.body}`);
    const job: BackgroundJob = res.json();
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/** Wait until every job `cookie` started (its latest 20) is done or failed. */
export async function settledJobs(env: TestEnv, cookie: string) {
  const res = await env.app.inject({ method: 'GET', url: '/api/jobs', headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`jobs: ${res.statusCode} ${res.body}`);
  const { items }: { items: BackgroundJob[] } = res.json();
  for (const job of items) await settledJob(env, cookie, job.id);
}
