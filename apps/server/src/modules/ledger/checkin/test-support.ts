// Test fixtures for check-ins: a record of any type and side written straight to the table, so a
// test picks its day and state freely (the record commands are tested with the core).
import type { LedgerSide, RecordInput } from '@pairing/shared';
import type { TestEnv } from '../../../../test/harness.ts';
import { pendingCountsFrom } from '../record-row.ts';
import { ledgerRecords } from '../schema.ts';

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
