import type { SecurityPolicy } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';
import { can } from './policy.ts';
import { readSecurityPolicy } from './read.ts';
import { securityPolicy } from './schema.ts';

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
    // The row lock orders concurrent edits, so each audit record's `before` is what it replaced.
    await tx.execute(sql`select 1 from security_policy where id = 1 for update`);
    const { updatedAt: _, ...before } = await readSecurityPolicy(tx);
    const values = { ...input, updatedAt: new Date(), updatedBy: scope.userId };
    await tx
      .insert(securityPolicy)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: securityPolicy.id, set: values });
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
