// Condolence visits (R-CARE): the Spring Festival from the lunar calendar and 七一, listed from 30
// days before until recorded, overdue 15 days after; boundaries for the festivals of 2025–2030.
import { springFestival } from '@pairing/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { moveClock } from '../ledger/test-support.ts';
import { addDays, currentOccurrence, festivalDate, visitState } from './festivals.ts';
import { careCall, help, openedCase } from './test-support.ts';

const years = [2025, 2026, 2027, 2028, 2029, 2030];

describe('festival occurrences (pure)', () => {
  it('takes the Spring Festival from the lunar calendar and 七一 as 1 July', () => {
    expect(years.map((y) => festivalDate('springFestival', y))).toEqual([
      '2025-01-29',
      '2026-02-17',
      '2027-02-06',
      '2028-01-26',
      '2029-02-13',
      '2030-02-03',
    ]);
    for (const y of years) expect(festivalDate('springFestival', y)).toBe(springFestival(y));
    expect(festivalDate('julyFirst', 2027)).toBe('2027-07-01');
  });

  it('opens each occurrence 30 days before and keeps it until the next one opens', () => {
    for (const y of years) {
      for (const festival of ['springFestival', 'julyFirst'] as const) {
        const date = festivalDate(festival, y);
        expect(currentOccurrence(festival, addDays(date, -31)).year).toBe(y - 1);
        expect(currentOccurrence(festival, addDays(date, -30))).toEqual({
          festival,
          year: y,
          date,
          daysLeft: 30,
        });
        expect(currentOccurrence(festival, addDays(date, 200))).toMatchObject({
          year: y,
          daysLeft: -200,
        });
      }
    }
  });

  it('is due until 15 days after, overdue after, not owed by a case opened later', () => {
    const date = '2027-02-06';
    expect(visitState({ date }, '2026-01-01', false, '2027-02-21')).toBe('due');
    expect(visitState({ date }, '2026-01-01', false, '2027-02-22')).toBe('overdue');
    expect(visitState({ date }, '2026-01-01', true, '2027-02-22')).toBe('recorded');
    expect(visitState({ date }, '2027-02-06', false, '2027-02-22')).toBe('overdue');
    expect(visitState({ date }, '2027-02-07', false, '2027-02-10')).toBe('notOwed');
  });
});

describe('due visits (route, test clock)', () => {
  let env: TestEnv;
  let s: Scenario;
  let caseId: number;
  const village = () => s.a.users.village_admin.cookie;
  const at = (day: string) => moveClock(env, `${day}T09:00:00+08:00`);
  type Item = { caseId: number; festival: string; year: number; state: string; daysLeft: number };
  const listed = async (festival: 'springFestival' | 'julyFirst') => {
    const res = await careCall(env, village(), 'GET', `/care/visits-due?festival=${festival}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Item[]).find((i) => i.caseId === caseId) ?? null;
  };

  beforeAll(async () => {
    env = await createTestEnv();
    s = await createScenario(env, 'carev');
    caseId = (await openedCase(env, village(), s.a.village.id)).id;
  });
  afterAll(() => env.close());

  it('lists each Spring Festival of 2025–2030 from 30 days before, overdue 16 days after', async () => {
    for (const y of years) {
      const date = springFestival(y);
      await at(addDays(date, -31));
      expect(await listed('springFestival')).not.toMatchObject({ year: y });
      await at(addDays(date, -30));
      expect(await listed('springFestival')).toMatchObject({ year: y, state: 'due', daysLeft: 30 });
      await at(date);
      expect(await listed('springFestival')).toMatchObject({ year: y, state: 'due', daysLeft: 0 });
      await at(addDays(date, 15));
      expect(await listed('springFestival')).toMatchObject({ state: 'due', daysLeft: -15 });
      await at(addDays(date, 16));
      expect(await listed('springFestival')).toMatchObject({ year: y, state: 'overdue' });
      const due = await careCall(env, village(), 'GET', '/care/cases?due=true&pageSize=100');
      expect(due.json().items.map((c: { id: number }) => c.id)).toContain(caseId);
    }
  });

  it('ticks a recorded visit and drops it 15 days after the festival', async () => {
    const date = springFestival(2031);
    await at(addDays(date, -3));
    expect(await listed('springFestival')).toMatchObject({ year: 2031, state: 'due' });
    const visit = help({ festival: 'springFestival', festivalYear: 2031, date: addDays(date, -3) });
    const res = await careCall(env, village(), 'POST', `/care/cases/${caseId}/help`, visit);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().case.visits[0]).toMatchObject({
      festival: 'springFestival',
      year: 2031,
      state: 'recorded',
      visitedOn: addDays(date, -3),
    });
    expect(await listed('springFestival')).toMatchObject({ year: 2031, state: 'recorded' });
    await at(addDays(date, 15));
    expect(await listed('springFestival')).toMatchObject({ state: 'recorded' });
    await at(addDays(date, 16));
    expect(await listed('springFestival')).toBeNull();
  });

  it('lists 七一 from 1 June, overdue from 17 July', async () => {
    for (const y of [2025, 2030]) {
      await at(`${y}-05-31`);
      expect(await listed('julyFirst')).not.toMatchObject({ year: y });
      await at(`${y}-06-01`);
      const first = await careCall(env, village(), 'GET', '/care/visits-due');
      expect(first.json().festivals).toContainEqual({
        festival: 'julyFirst',
        year: y,
        date: `${y}-07-01`,
        daysLeft: 30,
      });
      expect(await listed('julyFirst')).toMatchObject({ year: y, state: 'due', daysLeft: 30 });
      await at(`${y}-07-16`);
      expect(await listed('julyFirst')).toMatchObject({ year: y, state: 'due', daysLeft: -15 });
      await at(`${y}-07-17`);
      expect(await listed('julyFirst')).toMatchObject({ year: y, state: 'overdue' });
    }
  });

  it('leaves out closed cases, and cases opened after the festival', async () => {
    await at('2030-06-20');
    const late = await openedCase(env, village(), s.a.village.id, 'member', '2030-06-20');
    const closed = await openedCase(env, village(), s.a.village.id);
    await careCall(env, village(), 'POST', `/care/cases/${closed.id}/close`, {
      closedOn: '2030-06-20',
      reason: '已迁出',
    });
    const items = (await careCall(env, village(), 'GET', '/care/visits-due?pageSize=100')).json()
      .items as Item[];
    const ids = items.map((i) => `${i.caseId}:${i.festival}`);
    expect(ids).toContain(`${late.id}:julyFirst`);
    expect(ids).not.toContain(`${closed.id}:julyFirst`);
    // The Spring Festival of 2030 (3 February) was before the late case was opened.
    expect(ids).not.toContain(`${late.id}:springFestival`);
    expect(ids).toContain(`${caseId}:springFestival`);
  });
});
