import { roles } from '@pairing/shared';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { balancingRound } from '../allocation/testing.ts';
import { signedInUser } from '../rounds/testing.ts';
import { openQueue, queueDepth } from './queue.ts';
import { settledJob } from './testing.ts';

let env: TestEnv;
let sc: Scenario;
let roundId: number;

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env, 'jb');
  roundId = (await balancingRound(env, sc, 2)).roundId;
});
afterAll(() => env.close());

const get = (url: string, cookie?: string) =>
  env.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const startRun = (cookie: string) =>
  env.app.inject({
    method: 'POST',
    url: `/api/rounds/${roundId}/allocation/runs`,
    headers: { cookie },
  });

describe('an allocation run as a background job', () => {
  it('answers 202 with a job at once; the job runs to a new run the owner can open', async () => {
    const city = sc.actors.city_admin.cookie;
    const started = await startRun(city);
    expect(started.statusCode, started.body).toBe(202);
    const { jobId } = started.json();
    const job = await settledJob(env, city, jobId);
    expect(job).toMatchObject({ kind: 'allocation.run', state: 'done', progress: 1, total: 1 });
    const view = await get(`/api/rounds/${roundId}/allocation/runs/${job.result!.runId}`, city);
    expect(view.statusCode).toBe(200);
    expect(view.json().pairs.length).toBeGreaterThan(0);
    const mine = (await get('/api/jobs', city)).json().items;
    expect(mine.map((j: { id: string }) => j.id)).toContain(jobId);
    const depth = await queueDepth(env.dbh);
    expect(depth?.queues['allocation.run']?.completed).toBeGreaterThanOrEqual(1);
  });

  it('shows a job to its owner and the admins of its scope only', async () => {
    const owner = sc.actors.city_admin.cookie;
    const { jobId } = (await startRun(owner)).json();
    await settledJob(env, owner, jobId);
    const colleague = await signedInUser(env, 'jb.city2', 'city_admin', sc.a.city.id);
    const url = `/api/jobs/${jobId}`;
    expect((await get(url, colleague.cookie)).statusCode).toBe(200);
    for (const role of roles.filter((r) => r !== 'city_admin')) {
      const res = await get(url, sc.actors[role].cookie);
      expect([role, res.statusCode]).toEqual([role, 404]);
      expect((await get('/api/jobs', sc.actors[role].cookie)).json().items).toEqual([]);
    }
    expect((await get(url, sc.b.users.city_admin.cookie)).statusCode).toBe(404);
    expect((await get(url)).statusCode).toBe(401);
    expect((await get('/api/jobs')).statusCode).toBe(401);
    expect((await get('/api/jobs/not-a-uuid', owner)).statusCode).toBe(422);
    expect((await get(`/api/jobs/${crypto.randomUUID()}`, owner)).statusCode).toBe(404);
  });

  it('refuses a run the caller may not start before queueing anything', async () => {
    const before = (await get('/api/jobs', sc.actors.district_admin.cookie)).json().items;
    expect((await startRun(sc.actors.district_admin.cookie)).statusCode).toBe(403);
    expect((await startRun(sc.b.users.city_admin.cookie)).statusCode).toBe(404);
    expect((await get('/api/jobs', sc.actors.district_admin.cookie)).json().items).toEqual(before);
  });
});

const fast = {
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 1,
  cronMonitorIntervalSeconds: 1,
};
const until = async (check: () => Promise<boolean> | boolean, ms = 20_000) => {
  for (const end = Date.now() + ms; Date.now() < end;)
    if (await check()) return;
    else await new Promise((r) => setTimeout(r, 100));
  throw new Error('timed out');
};

describe('a queue instance that dies mid-job', () => {
  it('has its job expired and run again by another instance', async () => {
    const dead = await openQueue(env.dbh, fast);
    const live = await openQueue(env.dbh, fast);
    const queue = 'test.killed';
    const tries: string[] = [];
    let release = () => {};
    try {
      await dead.createQueue(queue, { name: queue, retryLimit: 1, expireInSeconds: 1 });
      // The dead instance takes the job and never finishes it, as a process killed mid-job.
      await dead.work(queue, { pollingIntervalSeconds: 0.5 }, async () => {
        tries.push('dead');
        await new Promise<void>((r) => (release = r));
      });
      const id = (await dead.send(queue, { n: 1 }))!;
      await until(() => tries.length === 1);
      await dead.offWork(queue);
      await live.work(queue, { pollingIntervalSeconds: 0.5 }, async () => {
        tries.push('live');
        return { ok: true };
      });
      await until(async () => (await live.getJobById(queue, id))?.state === 'completed');
      const job = await live.getJobById(queue, id);
      expect(tries).toEqual(['dead', 'live']);
      expect(job).toMatchObject({ retryCount: 1, output: { ok: true } });
    } finally {
      release();
      await stop(dead);
      await stop(live);
    }
  }, 60_000);
});

const stop = (boss: PgBoss) => boss.stop({ graceful: false, wait: true });

describe('a schedule', () => {
  it('fires once per tick with two queue instances working it', async () => {
    const one = await openQueue(env.dbh, fast);
    const two = await openQueue(env.dbh, fast);
    const queue = 'test.every-minute';
    const runs: Array<{ by: string; minute: number }> = [];
    try {
      await one.createQueue(queue, { name: queue, policy: 'stately', retryLimit: 0 });
      for (const [by, boss] of [
        ['one', one],
        ['two', two],
      ] as const) {
        await boss.schedule(queue, '* * * * *');
        await boss.work(queue, { pollingIntervalSeconds: 0.5 }, async () => {
          runs.push({ by, minute: Math.floor(Date.now() / 60_000) });
        });
      }
      await until(() => runs.length > 0);
      // Both instances look at the clock every second: each minute still fires once.
      await new Promise((r) => setTimeout(r, 6_000));
      expect(runs.length).toBeGreaterThan(0);
      expect(new Set(runs.map((r) => r.minute)).size).toBe(runs.length);
    } finally {
      await stop(one);
      await stop(two);
    }
  }, 60_000);
});
