import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { rosterOf, signedPairing } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let keyNo = 0;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'lrec');
});
afterAll(() => env.close());

const send = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  env.app.inject({
    method,
    url: `/api${url}`,
    headers: { cookie, 'idempotency-key': `k-lrec-${++keyNo}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

const visit = (rosterIds: number[], date = '2026-02-20') => ({
  type: 'visit',
  date,
  place: '村委会',
  narrative: '走访困难户',
  people: { rosterIds, others: ['刘村长'] },
  department: true,
});

describe('records', () => {
  it('records a visit, the village confirms it and it counts', async () => {
    const p = await signedPairing(env, s);
    const [principal, , lead] = await rosterOf(env, p.id);
    const unit = s.a.users.unit_admin.cookie;
    const created = await send(unit, 'POST', `/pairings/${p.id}/records`, visit([principal, lead]));
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json();
    expect(record).toMatchObject({
      side: 'urban',
      state: 'pending',
      countsFrom: '2026-03-15',
      counts: false,
      abilities: { confirm: false, object: false, withdraw: true, settle: false },
    });
    expect(record.participants.map((x: { name: string }) => x.name)).toEqual([
      '王建国',
      '张华',
      '刘村长',
    ]);

    const village = s.a.users.village_admin.cookie;
    const seen = await send(village, 'GET', `/records/${record.id}`);
    expect(seen.json().abilities).toMatchObject({ confirm: true, object: true, withdraw: false });
    const confirmed = await send(village, 'POST', `/records/${record.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      state: 'confirmed',
      countsFrom: '2026-03-01',
      counts: true,
    });

    const ledger = (await send(unit, 'GET', `/pairings/${p.id}/ledger`)).json();
    expect(ledger.events).toEqual([
      {
        id: `r${record.id}`,
        type: 'visit',
        date: '2026-02-20',
        people: [`p${principal}`, `p${lead}`],
        department: true,
      },
    ]);
    const pairing = await send(unit, 'GET', `/pairings/${p.id}`);
    expect(pairing.statusCode, pairing.body).toBe(200);
    expect(pairing.json()).toMatchObject({ mySide: 'urban', openRecords: 0 });
    const list = await send(unit, 'GET', `/pairings`);
    expect(list.statusCode, list.body).toBe(200);
  });
});
