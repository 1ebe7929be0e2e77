// Register a person at an organization (issue 14 item 1): numbers sealed, birth year from the ID
// number, one registration per ID number (blind indexes of every key; the unique index decides a
// race), audited with the numbers masked, replayed for a retried request.
import { birthYearOfIdNumber, type PersonInput, type PersonView } from '@pairing/shared';
import { AppError } from '../../../lib/errors.ts';
import { authorize } from '../../../lib/policy.ts';
import { blindIndex, seal } from '../../../lib/personal-crypto.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { loadPerson, type Registry } from '../access.ts';
import { auditOfPerson, recordPersonAudit } from '../audit.ts';
import { checkSecondOrg, ensureNotRegistered, homeOrg, lostRace } from '../checks.ts';
import { can } from '../policy.ts';
import { presentView } from '../present.ts';
import { persons } from '../schema.ts';

const replayed = () => new AppError(409, 'idempotent_replay', '该请求已处理，将返回首次的结果');

/** The sealed columns of a person's numbers, under the current key. */
export const sealedNumbers = (reg: Registry, input: Pick<PersonInput, 'idNumber' | 'phone'>) => ({
  idNumberSealed: seal(reg.keyring, input.idNumber),
  idNumberIndex: blindIndex(reg.keyring, input.idNumber),
  phoneSealed: input.phone === null ? null : seal(reg.keyring, input.phone),
  keyId: reg.keyring.currentId,
  birthYear: birthYearOfIdNumber(input.idNumber),
});

export async function createPerson(
  reg: Registry,
  scope: Scope,
  orgId: number,
  input: PersonInput,
  idempotency: IdempotencyKey | null = null,
): Promise<{ person: PersonView }> {
  authorize(can, scope, 'write');
  try {
    return await reg.db.transaction(async (tx) => {
      const org = await homeOrg(tx, scope, orgId);
      authorize(can, scope, 'write', { homePath: org.path, secondPath: null });
      await checkSecondOrg(tx, input.secondOrgId, org.id);
      await ensureNotRegistered(tx, reg.keyring, input.idNumber);
      const [inserted] = await tx
        .insert(persons)
        .values({
          orgId: org.id,
          secondOrgId: input.secondOrgId,
          provinceCode: org.provinceCode,
          kind: input.kind,
          name: input.name,
          gender: input.gender,
          tags: [...new Set(input.tags)],
          note: input.note,
          createdBy: scope.userId,
          ...sealedNumbers(reg, input),
        })
        .returning({ id: persons.id });
      await recordPersonAudit(tx, scope, {
        action: 'person.created',
        personId: inserted.id,
        homePath: org.path,
        after: auditOfPerson(org.id, input),
      });
      const answer = {
        person: presentView(
          reg.keyring,
          scope,
          await loadPerson({ ...reg, db: tx }, scope, inserted.id),
        ),
      };
      if (idempotency && !(await recordAnswer(tx, idempotency, 201, answer))) throw replayed();
      return answer;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'persons_id_number_index_key'))
      throw await lostRace(reg.db, reg.keyring, input.idNumber);
    throw err;
  }
}
