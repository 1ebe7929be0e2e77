// A participant checks in by the code's token (issue 12 item 6): a roster entry joins the record's
// roster ids and its content's `people.rosterIds`, a typed name its `people.others`. The same
// person checking in again changes nothing and answers as the first time did.
//
// Only a pending record that does not count yet takes people (checkin/rules.ts), so today's stored
// compliance, which counts no such record, stays as it is.
import type { CheckinAnswer, CheckinInput, RecordInput } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { invalid } from '../../../lib/errors.ts';
import { queryRows } from '../../../lib/rows.ts';
import { lockPairing } from '../access.ts';
import { maskName, recordLedgerAudit } from '../audit.ts';
import { rosterEntryOn } from '../checkin/queries.ts';
import { loadByCode, pairingOfCode } from '../checkin/record-access.ts';
import { ensureStillOpen } from '../checkin/rules.ts';
import { hashCheckinToken } from '../checkin/token.ts';

/** The contract's bound on a record's people (`recordInput`): no check-in may pass it. */
const MAX_PEOPLE = 100;

type WithPeople = Extract<RecordInput, { people: unknown }>;

export async function checkIn(
  db: Db,
  clock: Clock,
  token: string,
  input: CheckinInput,
): Promise<CheckinAnswer> {
  const tokenHash = hashCheckinToken(token);
  return db.transaction(async (tx) => {
    const now = clock.now();
    // The pairing's ledger lock, as every record write takes it: a confirmation or a second
    // check-in of the same record waits, and the code is read again once it is held.
    await lockPairing(tx, await pairingOfCode(tx, tokenHash, now));
    const { codeId, record, pairing } = await loadByCode(tx, tokenHash, now);
    ensureStillOpen(record, now);

    let rosterId: number | null = null;
    let name: string;
    if (input.rosterId !== undefined) {
      const entry = await rosterEntryOn(tx, record.pairingId, record.date, input.rosterId);
      if (!entry) {
        throw invalid('名单中没有此人', { rosterId: '请从本次活动的名单中选择' });
      }
      rosterId = entry.id;
      name = entry.name;
    } else {
      name = input.name!;
    }

    const [inserted] = await queryRows<{ id: number }>(
      tx,
      sql`insert into checkins (code_id, record_id, roster_id, name, created_at)
        values (${codeId}, ${record.id}, ${rosterId}, ${name}, ${now.toISOString()}::timestamptz)
        on conflict do nothing returning id::int`,
    );
    if (!inserted) return { rosterId, name, already: true };

    const content = record.content as WithPeople;
    const people = { ...content.people };
    if (rosterId !== null && !people.rosterIds.includes(rosterId)) {
      people.rosterIds = [...people.rosterIds, rosterId];
    }
    if (rosterId === null && !people.others.includes(name)) {
      people.others = [...people.others, name];
    }
    if (people.rosterIds.length > MAX_PEOPLE || people.others.length > MAX_PEOPLE) {
      throw invalid('参加人员过多', { name: `每条记录最多 ${MAX_PEOPLE} 名参加人员` });
    }
    await tx.execute(
      sql`update ledger_records
        set content = ${JSON.stringify({ ...content, people })}::jsonb,
          roster_ids = ${`{${people.rosterIds.join(',')}}`}::bigint[],
          updated_at = ${now.toISOString()}::timestamptz
        where id = ${record.id}`,
    );
    await recordLedgerAudit(tx, null, {
      action: 'ledger.checkin.add',
      entity: 'ledger_record',
      entityId: record.id,
      pairing,
      after: { codeId, rosterId, name: maskName(name) },
    });
    return { rosterId, name, already: false };
  });
}
