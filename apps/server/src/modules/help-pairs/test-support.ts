// Test fixtures for "1+2": the people of one side (poor members and residents of its village,
// in-service cadres of its unit, one of them the side's `member` user), and the pair's steps
// through the API as the side's users.
import type { TestEnv } from '../../../test/harness.ts';
import type { ScenarioSide } from '../../../test/scenario.ts';
import { ledgerCall } from '../ledger/test-support.ts';
import { insertPerson } from '../people/test-support.ts';

export type SidePeople = {
  members: number[];
  residents: number[];
  /** `cadres[0]` is the side's `member` user's own person. */
  cadres: number[];
  /** A resident without the poorResident tag, a member of another village, a non-cadre. */
  plainResident: number;
  plainStaff: number;
};

export async function sidePeople(env: TestEnv, side: ScenarioSide, n = 3): Promise<SidePeople> {
  const village = side.village.id;
  const many = (count: number, make: (i: number) => Promise<number>) =>
    Promise.all(Array.from({ length: count }, (_, i) => make(i)));
  return {
    members: await many(n, (i) =>
      insertPerson(env, {
        orgId: village,
        kind: 'member',
        name: `困难党员${i}`,
        tags: ['poorMember'],
      }),
    ),
    residents: await many(n, (i) =>
      insertPerson(env, {
        orgId: village,
        kind: 'resident',
        name: `困难群众${i}`,
        tags: ['poorResident'],
      }),
    ),
    cadres: await many(n, (i) =>
      insertPerson(env, {
        orgId: side.unit.id,
        name: `在职干部${i}`,
        tags: ['inServiceCadre'],
        userId: i === 0 ? side.users.member.id : null,
      }),
    ),
    plainResident: await insertPerson(env, { orgId: village, kind: 'resident', name: '普通群众' }),
    plainStaff: await insertPerson(env, { orgId: side.unit.id, name: '普通职工' }),
  };
}

export const plan = {
  measures: ['讲解强农惠农政策', '指导大棚蔬菜种植'],
  targets: [
    { text: '年收入达到', value: 30000, unit: '元', due: '2026-12-31', met: false },
    { text: '参加技术培训', value: 2, unit: '次', due: '2026-06-30', met: true },
  ],
  startDate: '2026-03-01',
  endDate: '2026-12-31',
};

export const helpRecord = {
  kind: 'technology',
  date: '2026-02-20',
  text: '到田头讲解大棚番茄的病虫害防治',
  amount: null,
};

/** Propose `member` and `resident` as the side's village admin; answers the pair's id. */
export async function proposed(
  env: TestEnv,
  side: ScenarioSide,
  pairingId: number,
  member: number,
  resident: number,
): Promise<number> {
  const res = await ledgerCall(
    env,
    side.users.village_admin.cookie,
    'POST',
    `/pairings/${pairingId}/help-pairs`,
    { memberId: member, residentId: resident },
  );
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as number;
}

/** Assign `cadre` to the pair as the side's unit admin. */
export async function assigned(env: TestEnv, side: ScenarioSide, pairId: number, cadre: number) {
  const res = await ledgerCall(
    env,
    side.users.unit_admin.cookie,
    'PUT',
    `/help-pairs/${pairId}/cadre`,
    {
      cadreId: cadre,
    },
  );
  if (res.statusCode !== 200) throw new Error(res.body);
}
