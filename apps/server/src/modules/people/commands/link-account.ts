// Link a person to his own account (role `member`), so that a cadre records his own help (1+2):
// an account of his home or second organization (or below it), one person per account.
import type { PersonView } from '@pairing/shared';
import { eq, sql } from 'drizzle-orm';
import { conflict, invalid } from '../../../lib/errors.ts';
import { authorize } from '../../../lib/policy.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { accountPlace } from '../../auth/read.ts';
import { loadPerson, type Registry } from '../access.ts';
import { recordPersonAudit } from '../audit.ts';
import { can } from '../policy.ts';
import { presentView } from '../present.ts';
import { persons } from '../schema.ts';

const accountLinked = () => conflict('account_linked', '该账号已关联其他人员');

export async function linkAccount(
  reg: Registry,
  scope: Scope,
  id: number,
  userId: number | null,
): Promise<{ person: PersonView }> {
  authorize(can, scope, 'linkAccount');
  try {
    return await reg.db.transaction(async (tx) => {
      const treg = { ...reg, db: tx };
      const row = await loadPerson(treg, scope, id, true);
      authorize(can, scope, 'linkAccount', row, '人员账号由其组织关系所在组织及上级管理员关联');
      if (userId !== null) {
        const account = await accountPlace(tx, userId);
        const belongs =
          account &&
          (account.orgPath.startsWith(row.homePath) ||
            (row.secondPath !== null && account.orgPath.startsWith(row.secondPath)));
        if (!account || account.role !== 'member' || !belongs)
          throw invalid('只能关联本人所在组织的党员账号', {
            userId: '须为该人员组织关系所在或双重登记组织的党员账号',
          });
      }
      await tx
        .update(persons)
        .set({ userId, updatedAt: sql`now()` })
        .where(eq(persons.id, id));
      await recordPersonAudit(tx, scope, {
        action: 'person.account_linked',
        personId: id,
        homePath: row.homePath,
        before: { userId: row.userId },
        after: { userId },
      });
      return { person: presentView(reg.keyring, scope, await loadPerson(treg, scope, id)) };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'persons_user_key')) throw accountLinked();
    throw err;
  }
}
