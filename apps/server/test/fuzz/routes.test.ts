// Issue 11 item 8: every route of the OpenAPI document, driven with generated valid and invalid
// input as each role and anonymously. No answer is a 5xx, every error has the shared shape, and a
// batch of refused requests changes no table (digest.ts lists the ones left out and why).
// FUZZ_RUNS=200 for a deeper run; FUZZ_SEED to replay one (fast-check prints it on failure).
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestEnv } from '../harness.ts';
import { createScenario } from '../scenario.ts';
import { actorsOf, callers } from './callers.ts';
import { digest } from './digest.ts';
import { operationsOf } from './operations.ts';
import { poolsOf } from './pools.ts';
import { invalidRequest, validRequest, type FuzzRequest } from './requests.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 3);
const seed = Number(process.env.FUZZ_SEED ?? 20261205);

// Streams stay open as long as their watcher does; their checks are in modules/board/streams.test.ts.
const endless = new Set(['GET /api/public/rounds/{id}/board/stream']);

const env = await createTestEnv();
const scenario = await createScenario(env, 'fz');
const actors = await actorsOf(env, scenario);
const pools = await poolsOf(env.dbh);
await env.app.ready();
const operations = operationsOf(env.app.swagger());
afterAll(() => env.close());

/** Route → the statuses its valid requests got, to show the run reaches the handlers. */
const reached = new Map<string, Set<number>>();

function describeAnswer(req: FuzzRequest, caller: string, res: LightMyRequestResponse) {
  const sent = typeof req.payload === 'string' ? req.payload.slice(0, 200) : '(bytes)';
  return `${caller} ${req.method} ${req.url.slice(0, 300)} ${req.broken ?? ''} ${sent} → ${res.statusCode} ${res.body.slice(0, 300)}`;
}

function hasErrorShape(res: LightMyRequestResponse) {
  try {
    const { error } = res.json() as { error?: Record<string, unknown> };
    return (
      typeof error?.code === 'string' &&
      typeof error.message === 'string' &&
      typeof error.fields === 'object' &&
      error.fields !== null
    );
  } catch {
    return false;
  }
}

/** Send as every caller, failing on a 5xx, a wrong-shaped error or an accepted broken request. */
async function sendAsEveryone(req: FuzzRequest, statuses = new Set<number>()) {
  for (const caller of callers) {
    const cookie = actors.cookieOf(caller);
    const { broken: _, ...options } = req;
    const res = await env.app.inject({
      ...options,
      headers: { ...options.headers, ...(cookie ? { cookie } : {}) },
    });
    const answer = describeAnswer(req, caller, res);
    expect(res.statusCode < 500, answer).toBe(true);
    if (res.statusCode >= 400) expect(hasErrorShape(res), answer).toBe(true);
    if (req.broken) expect(res.statusCode >= 400, `accepted: ${answer}`).toBe(true);
    statuses.add(res.statusCode);
  }
}

describe('fuzzing every route (issue 11 item 8)', () => {
  it('reads every route from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(150);
    expect(operations.filter((op) => op.multipart).length).toBeGreaterThanOrEqual(6);
  });

  it('sees a change in any table in the digest', async () => {
    const before = await digest(env.dbh);
    expect(Object.keys(before).length).toBeGreaterThan(40);
    const village = scenario.a.village;
    await env.dbh.query('update orgs set name = $1 where id = $2', [
      `${village.name}x`,
      village.id,
    ]);
    expect(await digest(env.dbh)).not.toEqual(before);
    await env.dbh.query('update orgs set name = $1 where id = $2', [village.name, village.id]);
    expect(await digest(env.dbh)).toEqual(before);
  });

  for (const op of operations) {
    const name = `${op.method} ${op.path}`;
    it(name, { timeout: 300_000 }, async () => {
      const invalid = invalidRequest(op, pools);
      if (invalid) {
        const before = await digest(env.dbh);
        await fc.assert(
          fc.asyncProperty(invalid, (req) => sendAsEveryone(req)),
          { seed, numRuns: runs },
        );
        expect(await digest(env.dbh)).toEqual(before);
      }
      if (!endless.has(name)) {
        const statuses = new Set<number>();
        reached.set(name, statuses);
        await fc.assert(
          fc.asyncProperty(validRequest(op, pools), (req) => sendAsEveryone(req, statuses)),
          { seed, numRuns: runs },
        );
      }
      await actors.restore();
    });
  }

  // Generated input that never passed validation would fuzz only the validator: a success, or a
  // 404 or 409 (which only handlers answer), shows a route's valid requests got past it.
  it('gets past validation into the handlers of most routes', () => {
    const some = (test: (status: number) => boolean) =>
      [...reached.values()].filter((statuses) => [...statuses].some(test)).length;
    const succeeded = some((s) => s < 300);
    const handled = some((s) => s < 300 || s === 404 || s === 409);
    console.log(
      `of ${reached.size} routes: ${succeeded} answered a valid request with 2xx, ${handled} with 2xx, 404 or 409`,
    );
    expect(handled).toBeGreaterThan(reached.size / 2);
  });
});
