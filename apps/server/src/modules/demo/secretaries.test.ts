// The demo's village secretaries: valid sealed people, one secretary in office per village, the
// stored pay equal to the policy's and the predecessors' allowances consistent with their service.
import { isIdNumber } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { keyringOf, open } from '../../lib/personal-crypto.ts';
import { seedDemoSecretaries } from './secretaries.ts';

let env: TestEnv;
let terms: number;
beforeAll(async () => {
  env = await createTestEnv();
  terms = await seedDemoSecretaries(env);
});
afterAll(() => env.close());

const rows = async <T>(text: string) => (await env.dbh.query<T>(text)).rows;

describe('demo village secretaries', () => {
  it('gives every village of 朱泾镇 and 枫泾镇 one secretary in office, some with a predecessor', async () => {
    expect(terms).toBeGreaterThan(20);
    const [open_] = await rows<{ villages: number; serving: number; left: number }>(
      `select count(distinct village_id)::int as villages,
         count(*) filter (where to_date is null)::int as serving,
         count(*) filter (where allowance is not null)::int as left
       from secretary_terms`,
    );
    expect(open_.serving).toBe(open_.villages);
    expect(open_.left).toBeGreaterThan(0);
  });

  it('seals valid ID numbers and tags each person a village secretary', async () => {
    const people = await rows<{ sealed: string; tags: string }>(
      `select id_number_sealed as sealed, tags::text from persons
        where id in (select person_id from secretary_terms)`,
    );
    expect(people).toHaveLength(terms);
    for (const p of people) {
      expect(isIdNumber(open(keyringOf(env.config), p.sealed))).toBe(true);
      expect(p.tags).toBe('{villageSecretary}');
    }
  });

  it('stores pay whose items add up, and no negative award', async () => {
    const assessed = await rows<{ pay: Record<string, number>; total: number }>(
      `select pay, total from secretary_assessments`,
    );
    expect(assessed.length).toBeGreaterThan(10);
    for (const { pay, total } of assessed) {
      expect(
        pay.baseSubsidy + pay.pointsAdjustment + pay.contributionAward + pay.insuranceSubsidy,
      ).toBe(total);
      expect(pay.contributionAward).toBeGreaterThanOrEqual(0);
    }
  });
});
