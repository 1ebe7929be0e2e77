import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { notifications } from '../reminders/schema.ts';
import { inAppSender, type Notification } from '../reminders/sender.ts';
import { runReminders } from '../reminders/service.ts';
import { runDailyCompliance } from './compliance/daily.ts';
import { insertRecords } from './compliance/test-support.ts';
import { rosterOf, signedPairing } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let pairingId: number;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'ldut');
  // sh-2010 with a weak village: R-VISIT-LEAD (2 a year), R-VISIT-PRINCIPAL, R-WEAK-FUNDS.
  const p = await signedPairing(env, s, { weak: true });
  pairingId = p.id;
  const [principal, team, lead] = await rosterOf(env, p.id);
  await insertRecords(env, p.id, s.a.users.unit_admin.id, [
    // 2026's funds are met; one of 2026's two lead visits is missing.
    { type: 'fund', date: '2026-02-01', countsFrom: '2026-02-02', amount: 20_000 },
    {
      type: 'visit',
      date: '2026-03-05',
      countsFrom: '2026-03-06',
      rosterIds: [principal, team, lead],
      department: true,
    },
  ]);
});
afterAll(() => env.close());

const dutyNotes = (orgId: number) =>
  env.dbh.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), like(notifications.kind, 'duty.%')));

/** A day as the server sees it: the compliance recomputed for it, then the reminders run. */
async function day(at: string, senders = [inAppSender]) {
  env.clock.set(`${at}T08:00:00+08:00`);
  await runDailyCompliance(env);
  await runReminders(env, senders);
  await runReminders(env, senders);
}

describe('duty reminders', () => {
  it('reminds both sides once, 14 days before an unmet duty falls due, not for met ones', async () => {
    await day('2026-12-16');
    expect(await dutyNotes(s.a.unit.id)).toEqual([]);

    const sent: Notification[] = [];
    await day('2026-12-17', [
      inAppSender,
      { name: 'record', send: async (n) => void sent.push(n) },
    ]);
    await day('2026-12-20');
    for (const org of [s.a.unit, s.a.village]) {
      const notes = await dutyNotes(org.id);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({
        kind: 'duty.due',
        title: '分管领导走访将于 2026-12-31 到期',
        link: `/pairings/${pairingId}`,
      });
      expect(notes[0].body).toContain('2026 年度（2026-01-01 至 2026-12-31）要求 2 次，目前 1 次');
    }
    expect((await dutyNotes(s.a.unit.id))[0].body).toContain(s.a.village.name);
    expect((await dutyNotes(s.a.village.id))[0].body).toContain(s.a.unit.name);
    expect(sent.map((n) => n.orgId).sort()).toEqual([s.a.unit.id, s.a.village.id].sort());
  });

  it('reminds both sides once when the duty is missed', async () => {
    await day('2027-01-01');
    await day('2027-01-03');
    for (const org of [s.a.unit, s.a.village]) {
      const missed = (await dutyNotes(org.id)).filter((n) => n.kind === 'duty.missed');
      expect(missed).toHaveLength(1);
      expect(missed[0].title).toBe('分管领导走访已逾期');
      expect(missed[0].body).toContain('实际 1 次，已于 2026-12-31 到期未完成');
    }
    // Nothing about the funds, met for 2026, nor about the town or the district above.
    for (const org of [s.a.unit, s.a.village]) {
      expect((await dutyNotes(org.id)).every((n) => n.title.includes('分管领导走访'))).toBe(true);
    }
    expect(await dutyNotes(s.a.town.id)).toEqual([]);
  });
});
