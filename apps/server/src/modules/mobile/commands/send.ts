// The outflow organization records where the member goes and which organization receives him
// (流出). Training and the management agreement come first (八个一: 外出前培训, 管理一协议;
// the contract checks both dates lie on or before the leave date).
import type { MobileMemberView, MobileSendInput } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { invalid } from '../../../lib/errors.ts';
import type { Keyring } from '../../../lib/personal-crypto.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadFile } from '../access.ts';
import { recordMobileAudit } from '../audit.ts';
import { ensure } from '../policy.ts';
import { presentMembers } from '../present.ts';

export async function sendMember(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  clock: Clock,
  id: number,
  input: MobileSendInput,
): Promise<MobileMemberView> {
  ensure(scope, 'send');
  return db.transaction(async (tx) => {
    const row = await loadFile(tx, scope, id, true);
    ensure(scope, 'send', row);
    // Any organization may receive him, inside the caller's scope or not (another district).
    const [inflow] = await queryRows<{ id: number }>(
      tx,
      sql`select id::int from org_directory where id = ${input.inflowOrgId}`,
    );
    if (!inflow) throw invalid('流入组织不存在', { inflowOrgId: '流入组织不存在' });
    if (inflow.id === row.outflowOrgId)
      throw invalid('流入组织不能是流出组织本身', { inflowOrgId: '不能是流出组织本身' });
    await tx.execute(
      sql`update mobile_members set state = 'sent', inflow_org_id = ${inflow.id},
          destination = ${input.destination}, leave_date = ${input.leaveDate},
          trained_on = ${input.trainedOn}, agreement_signed_on = ${input.agreementSignedOn},
          sent_at = ${clock.now().toISOString()}
        where id = ${id}`,
    );
    const sent = await loadFile(tx, scope, id);
    await recordMobileAudit(tx, scope, sent, {
      action: 'mobile.sent',
      bothSides: true,
      before: { state: row.state },
      after: {
        state: 'sent',
        inflowOrgId: inflow.id,
        leaveDate: input.leaveDate,
        trainedOn: input.trainedOn,
        agreementSignedOn: input.agreementSignedOn,
      },
    });
    const [view] = await presentMembers(tx, keyring, scope, [sent]);
    return view;
  });
}
