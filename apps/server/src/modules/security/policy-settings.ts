import type { SecurityPolicy } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';
import { readSecurityPolicy, writeSecurityPolicy } from '../auth/security-policy.ts';
import { can } from './policy.ts';

const present = ({ updatedAt, ...policy }: Awaited<ReturnType<typeof readSecurityPolicy>>) => ({
  ...policy,
  updatedAt: updatedAt?.toISOString() ?? null,
});

export async function getPolicy(db: Db, scope: Scope) {
  authorize(can, scope, 'readPolicy');
  return present(await readSecurityPolicy(db));
}

/** Set the whole policy; sign-in and password changes read it from the next request on. */
export async function setPolicy(db: Db, scope: Scope, input: SecurityPolicy) {
  authorize(can, scope, 'editPolicy');
  return db.transaction(async (tx) => {
    const before = await writeSecurityPolicy(tx, input, scope.userId);
    await recordAudit(tx, scope, {
      action: 'security.policy_set',
      entity: 'security_policy',
      entityId: 1,
      scopePath: scope.path,
      before,
      after: input,
    });
    return present(await readSecurityPolicy(tx));
  });
}
