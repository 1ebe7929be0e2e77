// For the care archive's tests: calls with a fresh idempotency key, and a case opened for a new
// person of an organization.
import type { CareCaseView, CareKind } from '@pairing/shared';
import { expect } from 'vitest';
import type { TestEnv } from '../../../test/harness.ts';
import { insertPerson } from '../people/test-support.ts';

let keyNo = 0;

export function careCall(
  env: TestEnv,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  key = `care-test-${++keyNo}`,
) {
  return env.app.inject({
    method,
    url: `/api${url}`,
    headers: { ...(cookie ? { cookie } : {}), 'idempotency-key': key },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export const caseInput = (personId: number, kind: CareKind = 'member') => ({
  personId,
  kind,
  difficulties: ['illness', 'lowIncome'],
  description: '患慢性病，家庭收入低',
  openedOn: '2024-01-02',
});

/** Register a person at `orgId` and open a case for him as `cookie`; the case as answered. */
export async function openedCase(
  env: TestEnv,
  cookie: string,
  orgId: number,
  kind: CareKind = 'member',
  openedOn = '2024-01-02',
): Promise<CareCaseView> {
  const personId = await insertPerson(env, {
    orgId,
    kind: kind === 'resident' ? 'resident' : 'member',
    tags: [kind === 'resident' ? 'poorResident' : 'poorMember'],
  });
  const res = await careCall(env, cookie, 'POST', '/care/cases', {
    ...caseInput(personId, kind),
    openedOn,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().case;
}

export const help = (over: Record<string, unknown> = {}) => ({
  kind: 'thought',
  date: '2026-02-20',
  text: '上门谈心，宣讲惠民政策',
  givenByName: '王建国',
  ...over,
});
