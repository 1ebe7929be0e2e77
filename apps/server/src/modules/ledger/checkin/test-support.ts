// Test fixtures for check-ins: a signed pairing, its roster and a record, written straight to
// the tables (the record commands are the core's and are tested there).
import type { LedgerSide, RecordInput, RosterRole } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import type { TestEnv } from '../../../../test/harness.ts';
import type { ScenarioOrg } from '../../../../test/scenario.ts';
import { agreements } from '../../agreements/schema.ts';
import { openPair } from '../../agreements/test-support.ts';
import { pendingCountsFrom } from '../record-row.ts';
import { ledgerRecords, pairingRoster } from '../schema.ts';

/** A pairing signed by both sides, its term around the test clock's day. */
export async function signedPairing(
  env: TestEnv,
  parties: { city: ScenarioOrg; urban: ScenarioOrg; rural: ScenarioOrg },
) {
  const { agreementId } = await openPair(env, { ...parties, state: 'in_force' });
  const now = env.clock.now();
  await env.dbh.db
    .update(agreements)
    .set({
      status: 'signed',
      signedAt: now,
      urbanSignedAt: now,
      ruralSignedAt: now,
      termStart: '2025-01-01',
      termEnd: '2027-12-31',
    })
    .where(eq(agreements.id, agreementId));
  return agreementId;
}

export async function addRoster(
  env: TestEnv,
  pairingId: number,
  entry: { name: string; post?: string; role?: RosterRole; from?: string; to?: string | null },
) {
  const [row] = await env.dbh.db
    .insert(pairingRoster)
    .values({
      pairingId,
      name: entry.name,
      post: entry.post ?? '副主任',
      role: entry.role ?? 'team',
      fromDate: entry.from ?? '2025-01-01',
      toDate: entry.to ?? null,
    })
    .returning();
  return row.id;
}

/** A pending record entered today by `side` (an activity unless `content` says otherwise). */
export async function addRecord(
  env: TestEnv,
  pairingId: number,
  options: { side: LedgerSide; enteredBy: number; date: string; content?: Partial<RecordInput> },
) {
  const content = {
    type: 'activity',
    date: options.date,
    place: '村委会会议室',
    narrative: '',
    people: { rosterIds: [], others: [] },
    category: 'joint_meeting',
    ...options.content,
  } as RecordInput;
  const [row] = await env.dbh.db
    .insert(ledgerRecords)
    .values({
      pairingId,
      provinceCode: '31',
      type: content.type,
      side: options.side,
      date: options.date,
      content,
      category: 'category' in content ? content.category : null,
      amount: 'amount' in content ? content.amount : null,
      state: 'pending',
      countsFrom: pendingCountsFrom(options.date),
      enteredAt: env.clock.now(),
      enteredBy: options.enteredBy,
    })
    .returning();
  return row.id;
}
