// For the secretaries' tests: calls with an idempotency key, and a secretary registered and put
// in office in one step.
import type { TestEnv } from '../../../test/harness.ts';
import { insertPerson } from '../people/test-support.ts';

let keyNo = 0;

export function secretaryCall(
  env: TestEnv,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  key = `secretary-test-${++keyNo}`,
) {
  return env.app.inject({
    method,
    url: `/api${url}`,
    headers: { ...(cookie ? { cookie } : {}), 'idempotency-key': key },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export type TermSpec = { from: string; to?: string | null; baseSubsidyPerYear?: number };

/**
 * A person tagged 村党组织书记 registered at the village, and a term there recorded through the
 * route by `cookie` (a town admin or above); returns the person's and the term's ids.
 */
export async function secretaryInOffice(
  env: TestEnv,
  cookie: string,
  villageId: number,
  term: TermSpec = { from: '2020-01-01' },
) {
  const personId = await insertPerson(env, { orgId: villageId, tags: ['villageSecretary'] });
  const res = await secretaryCall(env, cookie, 'POST', '/secretaries/terms', {
    personId,
    villageId,
    from: term.from,
    to: term.to ?? null,
    baseSubsidyPerYear: term.baseSubsidyPerYear ?? 20_000,
  });
  if (res.statusCode !== 201) throw new Error(`term: ${res.statusCode} ${res.body}`);
  const termId = (res.json() as { terms: { id: number }[] }).terms.at(-1)!.id;
  return { personId, termId };
}
