// Change a person's registration (issue 14 item 1): the home organization's side only (the second
// organization sees him but does not edit); the numbers are sealed again under the current key;
// audited with before and after masked.
import type { PersonInput, PersonUpdate, PersonView } from '@pairing/shared';
import { eq, sql } from 'drizzle-orm';
import { authorize } from '../../../lib/policy.ts';
import { open } from '../../../lib/personal-crypto.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { loadPerson, type Registry } from '../access.ts';
import { auditOfPerson, recordPersonAudit } from '../audit.ts';
import { checkSecondOrg, ensureNotRegistered, lostRace } from '../checks.ts';
import { can } from '../policy.ts';
import { presentView } from '../present.ts';
import { persons } from '../schema.ts';
import { sealedNumbers } from './create-person.ts';

export async function updatePerson(
  reg: Registry,
  scope: Scope,
  id: number,
  update: PersonUpdate,
): Promise<{ person: PersonView }> {
  authorize(can, scope, 'write');
  let idNumber = update.idNumber;
  try {
    return await reg.db.transaction(async (tx) => {
      const treg = { ...reg, db: tx };
      const row = await loadPerson(treg, scope, id, true);
      authorize(can, scope, 'write', row, '人员信息由其组织关系所在组织及上级管理员维护');
      // Numbers left out stay as stored (opened here, sealed again under the current key).
      idNumber ??= open(reg.keyring, row.idNumberSealed);
      const input: PersonInput = {
        ...update,
        idNumber,
        phone:
          update.phone !== undefined
            ? update.phone
            : row.phoneSealed === null
              ? null
              : open(reg.keyring, row.phoneSealed),
      };
      await checkSecondOrg(tx, input.secondOrgId, row.orgId);
      await ensureNotRegistered(tx, reg.keyring, input.idNumber, id);
      const before = presentView(reg.keyring, scope, row);
      await tx
        .update(persons)
        .set({
          secondOrgId: input.secondOrgId,
          kind: input.kind,
          name: input.name,
          gender: input.gender,
          tags: [...new Set(input.tags)],
          note: input.note,
          updatedAt: sql`now()`,
          ...sealedNumbers(reg, input),
        })
        .where(eq(persons.id, id));
      await recordPersonAudit(tx, scope, {
        action: 'person.updated',
        personId: id,
        homePath: row.homePath,
        before: {
          orgId: before.orgId,
          kind: before.kind,
          name: before.name,
          gender: before.gender,
          idNumber: before.idNumberMasked,
          phone: before.phoneMasked,
          tags: before.tags,
          secondOrgId: before.secondOrgId,
          note: before.note,
        },
        after: auditOfPerson(row.orgId, input),
      });
      return { person: presentView(reg.keyring, scope, await loadPerson(treg, scope, id)) };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'persons_id_number_index_key') && idNumber)
      throw await lostRace(reg.db, reg.keyring, idNumber);
    throw err;
  }
}
