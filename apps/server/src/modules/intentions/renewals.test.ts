import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openRound, submit, signAllDrafts } from '../rounds/testing.ts';

let env: TestEnv;
let sc: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env);
});
afterAll(() => env.close());

const post = (url: string, cookie: string, payload?: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('renewals (R-ROUND-RENEW)', () => {
  it('turns a previous pair into an accepted intention once both sides confirm', async () => {
    const city = sc.actors.city_admin.cookie;
    const unit = sc.actors.unit_admin.cookie;
    const village = sc.actors.village_admin.cookie;
    const previous = await openRound(env, city);
    const sent = await submit(env, unit, previous, { ruralOrgId: sc.a.village.id });
    const previousId = sent.json().intention.id;
    expect((await post(`/api/intentions/${previousId}/accept`, village)).statusCode).toBe(200);
    await signAllDrafts(env, previous);

    const round = await openRound(env, city, { previousRoundId: previous });
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/rounds/${round}/renewals`,
      headers: { cookie: unit },
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        previousIntentionId: previousId,
        renewalId: null,
        // Nothing to decline before either side has answered.
        abilities: { confirm: true, decline: false },
      }),
    ]);

    const first = await post(`/api/rounds/${round}/renewals`, unit, {
      previousIntentionId: previousId,
    });
    expect(first.json().renewal).toMatchObject({ completed: false, side: 'urban' });
    const abilitiesOf = async (cookie: string) =>
      (
        await env.app.inject({
          method: 'GET',
          url: `/api/rounds/${round}/renewals`,
          headers: { cookie },
        })
      ).json().items[0].abilities;
    expect(await abilitiesOf(unit)).toEqual({ confirm: false, decline: true });
    expect(await abilitiesOf(village)).toEqual({ confirm: true, decline: true });
    expect(await abilitiesOf(city)).toEqual({ confirm: false, decline: false });
    const count = async () =>
      (
        await env.dbh.query<{ n: number }>(
          `select count(*)::int as n from intentions where round_id = $1`,
          [round],
        )
      ).rows[0].n;
    expect(await count()).toBe(0);
    // Another village's admin cannot confirm for 民主村.
    expect(
      (
        await post(`/api/rounds/${round}/renewals`, sc.b.users.village_admin.cookie, {
          previousIntentionId: previousId,
        })
      ).statusCode,
    ).toBe(404);

    const second = await post(`/api/rounds/${round}/renewals`, village, {
      previousIntentionId: previousId,
    });
    expect(second.json().renewal).toMatchObject({ completed: true, side: 'rural' });
    const [renewed] = (
      await env.app.inject({
        method: 'GET',
        url: `/api/rounds/${round}/renewals`,
        headers: { cookie: village },
      })
    ).json().items;
    expect(renewed.intentionId).toBe(second.json().renewal.intentionId);
    expect(renewed.abilities).toEqual({ confirm: false, decline: false });
    expect(new Date(renewed.ruralConfirmedAt).toISOString()).toBe(renewed.ruralConfirmedAt);
    const [row] = (
      await env.dbh.query<{ state: string; source: string }>(
        `select state::text, source::text from intentions where round_id = $1`,
        [round],
      )
    ).rows;
    expect(row).toEqual({ state: 'accepted', source: 'renewal' });
    // Confirming again changes nothing and answers as the completing confirmation did.
    const again = await post(`/api/rounds/${round}/renewals`, unit, {
      previousIntentionId: previousId,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().renewal).toEqual({
      id: first.json().renewal.id,
      side: 'urban',
      intentionId: second.json().renewal.intentionId,
      completed: true,
    });
    expect(await count()).toBe(1);
    const board = await env.app.inject({ method: 'GET', url: `/api/public/rounds/${round}/board` });
    expect(board.json().intentions.accepted).toBe(1);
    // Completed renewals cannot be declined any more; bad ids are 422.
    expect((await post(`/api/renewals/${first.json().renewal.id}/decline`, unit)).statusCode).toBe(
      409,
    );
    expect(
      (await post(`/api/rounds/${round}/renewals`, unit, { previousIntentionId: 'x' })).statusCode,
    ).toBe(422);
  });
});
