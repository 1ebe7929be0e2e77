// The inflow organization receives the member (流入接收): from then on it sees his file, until he
// returns home. The row lock decides between two receipts: the second finds him received (409).
import type { MobileMemberView } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { Keyring } from '../../../lib/personal-crypto.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadFile, loadNotice } from '../access.ts';
import { recordMobileAudit } from '../audit.ts';
import { ensure } from '../policy.ts';
import { presentMembers } from '../present.ts';

export async function receiveMember(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  clock: Clock,
  id: number,
): Promise<MobileMemberView> {
  ensure(scope, 'receive');
  return db.transaction(async (tx) => {
    const row = await loadNotice(tx, scope, id, true);
    ensure(scope, 'receive', row);
    await tx.execute(
      sql`update mobile_members set state = 'received', received_at = ${clock.now().toISOString()},
          received_by = ${scope.userId}
        where id = ${id}`,
    );
    const received = await loadFile(tx, scope, id);
    await recordMobileAudit(tx, scope, received, {
      action: 'mobile.received',
      bothSides: true,
      before: { state: row.state },
      after: { state: 'received', inflowOrgId: row.inflowOrgId },
    });
    const [view] = await presentMembers(tx, keyring, scope, [received]);
    return view;
  });
}
