// The outflow organization ends the flow when the member returns home (返乡): the inflow side no
// longer sees his file, and a new flow may be registered for him later.
import type { MobileMemberView } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { invalid } from '../../../lib/errors.ts';
import type { Keyring } from '../../../lib/personal-crypto.ts';
import type { Scope } from '../../../lib/scope.ts';
import { chinaDay } from '../../rounds/dates.ts';
import { loadFile } from '../access.ts';
import { recordMobileAudit } from '../audit.ts';
import { ensure } from '../policy.ts';
import { presentMembers } from '../present.ts';

export async function returnHome(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  clock: Clock,
  id: number,
  returnedOn: string,
): Promise<MobileMemberView> {
  ensure(scope, 'returnHome');
  if (returnedOn > chinaDay(clock.now()))
    throw invalid('返乡日期不能晚于今天', { returnedOn: '不能晚于今天' });
  return db.transaction(async (tx) => {
    const row = await loadFile(tx, scope, id, true);
    ensure(scope, 'returnHome', row);
    if (row.leaveDate !== null && returnedOn < row.leaveDate)
      throw invalid('返乡日期不能早于外出日期', { returnedOn: `不能早于 ${row.leaveDate}` });
    await tx.execute(
      sql`update mobile_members set state = 'returned', returned_on = ${returnedOn}
        where id = ${id}`,
    );
    const returned = await loadFile(tx, scope, id);
    await recordMobileAudit(tx, scope, returned, {
      action: 'mobile.returned',
      bothSides: true,
      before: { state: row.state },
      after: { state: 'returned', returnedOn },
    });
    const [view] = await presentMembers(tx, keyring, scope, [returned]);
    return view;
  });
}
