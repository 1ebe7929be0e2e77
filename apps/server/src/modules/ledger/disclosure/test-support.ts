// Test fixtures for the disclosure and archive tests: a signed pairing, roster entries and
// records written straight into the tables (the core's record commands are not needed here).
import type { LedgerSide, RecordInput } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import type { TestEnv } from '../../../../test/harness.ts';
import type { ScenarioOrg } from '../../../../test/scenario.ts';
import { agreements } from '../../agreements/schema.ts';
import { checkableProject, openPair } from '../../agreements/test-support.ts';
import { pendingCountsFrom } from '../record-row.ts';
import { ledgerRecords, pairingRoster, recordEvidence, evidenceFiles } from '../schema.ts';

export const term = { start: '2024-07-01', end: '2027-06-30' };

/** A pairing signed by both sides, in force from 2024-07-01 to 2027-06-30, with two projects. */
export async function signedPairing(
  env: TestEnv,
  parties: { city: ScenarioOrg; urban: ScenarioOrg; rural: ScenarioOrg },
) {
  const { agreementId } = await openPair(env, {
    ...parties,
    signingDeadline: term.start,
    termEnd: term.end,
  });
  const db = env.dbh.db;
  const [a] = await db.select().from(agreements).where(eq(agreements.id, agreementId));
  const now = env.clock.now();
  await db
    .update(agreements)
    .set({
      status: 'signed',
      signedAt: now,
      urbanSignedAt: now,
      ruralSignedAt: now,
      content: {
        ...a.content,
        projects: [
          checkableProject(2024),
          { ...checkableProject(2025), title: '村道路灯安装', indicator: null },
        ],
      },
    })
    .where(eq(agreements.id, agreementId));
  return agreementId;
}

export async function addRosterMember(
  env: TestEnv,
  pairingId: number,
  member: { name: string; post: string; role: 'principal' | 'team' | 'lead' | 'member' },
) {
  const [row] = await env.dbh.db
    .insert(pairingRoster)
    .values({ pairingId, ...member, fromDate: term.start })
    .returning({ id: pairingRoster.id });
  return row.id;
}

export type StoredRecord = {
  side?: LedgerSide;
  state?: 'pending' | 'confirmed' | 'disputed' | 'upheld' | 'rejected' | 'withdrawn';
  /** Days since entry; a pending record counts 14 days after. Default: confirmed on entry. */
  countsFrom?: string | null;
  evidence?: number;
};

let files = 0;

/** A record as the core would have stored it, optionally with evidence files attached. */
export async function storeRecord(
  env: TestEnv,
  pairingId: number,
  enteredBy: number,
  content: RecordInput,
  options: StoredRecord = {},
) {
  const db = env.dbh.db;
  const state = options.state ?? 'confirmed';
  const countsFrom =
    options.countsFrom !== undefined
      ? options.countsFrom
      : state === 'pending'
        ? pendingCountsFrom(content.date)
        : ['confirmed', 'upheld'].includes(state)
          ? content.date
          : null;
  const [row] = await db
    .insert(ledgerRecords)
    .values({
      pairingId,
      provinceCode: '31',
      type: content.type,
      side: options.side ?? (content.type === 'fund' ? 'urban' : 'rural'),
      date: content.date,
      content,
      rosterIds:
        content.type === 'visit' || content.type === 'activity' ? content.people.rosterIds : [],
      department: content.type === 'visit' ? content.department : false,
      category: content.type === 'activity' ? content.category : null,
      amount: content.type === 'fund' ? content.amount : null,
      period: content.type === 'report' ? content.quarter : null,
      state,
      countsFrom,
      enteredAt: new Date(`${content.date}T10:00:00+08:00`),
      enteredBy,
    })
    .returning({ id: ledgerRecords.id });
  for (let i = 0; i < (options.evidence ?? 0); i += 1) {
    const [file] = await db
      .insert(evidenceFiles)
      .values({ sha256: `test-${++files}-${row.id}`, mime: 'image/jpeg', size: 1000 })
      .returning({ id: evidenceFiles.id });
    await db.insert(recordEvidence).values({ recordId: row.id, fileId: file.id, position: i });
  }
  return row.id;
}

/** A fund record's content: ¥`amount` in cash from the unit through a charity, for project 1. */
export const fund = (
  date: string,
  amount: number,
  more: Partial<Extract<RecordInput, { type: 'fund' }>> = {},
): RecordInput => ({
  type: 'fund',
  date,
  place: '村党群服务中心',
  narrative: '王建国书记带队送来帮扶资金，联系电话 13800005678',
  form: 'cash',
  amount,
  source: 'unit',
  purpose: '村级活动室改造',
  projectIndex: 0,
  channel: 'charity',
  receiptNo: 'SJ-2025-001',
  ...more,
});
