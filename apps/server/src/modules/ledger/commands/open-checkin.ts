// The organizer opens a check-in code for a visit or activity (issue 12 item 6). A new code
// replaces the record's earlier ones: they expire now, so only the code on screen works.
import type { CheckinCode } from '@pairing/shared';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadRecordScoped } from '../access.ts';
import { recordLedgerAudit } from '../audit.ts';
import { codeExpiry } from '../checkin/expiry.ts';
import { openRefusal } from '../checkin/rules.ts';
import { checkinPath, hashCheckinToken, newCheckinToken } from '../checkin/token.ts';
import { checkinCodes } from '../schema.ts';

export async function openCheckin(
  db: Db,
  clock: Clock,
  scope: Scope,
  recordId: number,
): Promise<CheckinCode> {
  return db.transaction(async (tx) => {
    const { record, pairing } = await loadRecordScoped(tx, scope, recordId, true);
    const now = clock.now();
    const refused = openRefusal(scope, record, pairing, now);
    if (refused) throw refused;

    const replaced = await tx
      .update(checkinCodes)
      .set({ expiresAt: now })
      .where(and(eq(checkinCodes.recordId, recordId), gt(checkinCodes.expiresAt, now)))
      .returning({ id: checkinCodes.id });
    const token = newCheckinToken();
    const expiresAt = codeExpiry(record.date, now);
    const [code] = await tx
      .insert(checkinCodes)
      .values({
        recordId,
        tokenHash: hashCheckinToken(token),
        expiresAt,
        createdBy: scope.userId,
        createdAt: now,
      })
      .returning({ id: checkinCodes.id });

    await recordLedgerAudit(tx, scope, {
      action: 'ledger.checkin.open',
      entity: 'ledger_record',
      entityId: recordId,
      pairing,
      after: {
        codeId: code.id,
        expiresAt: expiresAt.toISOString(),
        replaced: replaced.map((r) => r.id),
      },
    });
    return { url: checkinPath(token), token, expiresAt: expiresAt.toISOString() };
  });
}
