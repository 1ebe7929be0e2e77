// Helpers for the allocation tests (not used by the app).
import type { TestEnv } from '../../../test/harness.ts';
import type { Scenario } from '../../../test/scenario.ts';
import { settledJob } from '../jobs/testing.ts';
import { addOrg, openRound, signedInUser, submit } from '../rounds/testing.ts';

let seq = 0;
let rounds = 0;

/**
 * A Shanghai round in balancing: the template's ~1,550 real villages are the targets; `units`
 * fresh units under 黄浦区 (budgets 10,000 and 80,000 yuan alternately, capacity 2) plus the
 * scenario's; one voluntary intention (scenario unit A → 民主村) accepted before balancing.
 */
export async function balancingRound(env: TestEnv, sc: Scenario, units = 6) {
  const city = sc.actors.city_admin.cookie;
  const roundId = await openRound(env, city);
  const created = [];
  for (let i = 0; i < units; i++) {
    created.push(
      await addOrg(env, {
        kind: 'urban_unit',
        name: `分配测试单位${++seq}`,
        parentId: sc.central.id,
        capacity: 2,
        yearlyBudget: i % 2 ? 80_000 : 10_000,
        resourceTags: i % 2 ? ['资金', '物资'] : ['人才'],
      }),
    );
  }
  const n = ++rounds;
  const unitAdmin = await signedInUser(env, `alloc.unit.${n}`, 'unit_admin', sc.a.unit.id);
  const villageAdmin = await signedInUser(
    env,
    `alloc.village.${n}`,
    'village_admin',
    sc.a.village.id,
  );
  const submitted = await submit(env, unitAdmin.cookie, roundId, { ruralOrgId: sc.a.village.id });
  if (submitted.statusCode !== 201) throw new Error(`submit: ${submitted.body}`);
  const accepted = await env.app.inject({
    method: 'POST',
    url: `/api/intentions/${submitted.json().intention.id}/accept`,
    headers: { cookie: villageAdmin.cookie },
  });
  if (accepted.statusCode !== 200) throw new Error(`accept: ${accepted.body}`);
  await toBalancing(env, city, roundId);
  return { roundId, units: created };
}

export async function toBalancing(env: TestEnv, cookie: string, roundId: number) {
  const moved = await env.app.inject({
    method: 'POST',
    url: `/api/rounds/${roundId}/transitions`,
    headers: { cookie },
    // Before the intention deadline, and with uncovered villages: a confirmed stage change.
    payload: { to: 'balancing', confirm: true, reason: '测试：进入综合平衡' },
  });
  if (moved.statusCode !== 200) throw new Error(`balancing: ${moved.body}`);
}

/**
 * Start a run (a re-run of `sourceRunId` if given) as `cookie`, wait for its job and answer the
 * new run's view as the API gives it; a refused start answers the refusal itself.
 */
export async function runAllocation(
  env: TestEnv,
  cookie: string,
  roundId: number,
  sourceRunId?: number,
) {
  const base = `/api/rounds/${roundId}/allocation/runs`;
  const url = sourceRunId == null ? base : `${base}/${sourceRunId}/rerun`;
  const started = await env.app.inject({ method: 'POST', url, headers: { cookie } });
  if (started.statusCode !== 202) return started;
  const job = await settledJob(env, cookie, started.json().jobId);
  if (job.state !== 'done') throw new Error(`allocation job failed: ${job.message}`);
  return env.app.inject({
    method: 'GET',
    url: `${base}/${job.result!.runId}`,
    headers: { cookie },
  });
}
