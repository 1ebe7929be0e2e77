import type { UnitFields } from '@pairing/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { invalid } from '../../lib/errors.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { isUniqueViolation } from '../../lib/unique-violation.ts';
import { recordAudit } from '../audit/record.ts';
import { can } from './policy.ts';
import { auditFields, presentOrg } from './present.ts';
import { findInScope } from './queries.ts';
import { orgs } from './schema.ts';
import { checkAddressDistrict, duplicateName } from './unit-checks.ts';

export type OrgPatch = Partial<UnitFields> & { weakVillage?: boolean };

const villageFields = new Set(['weakVillage']);

/** Mark a weak village, or edit an urban unit; audited in the same transaction. */
export async function updateOrg(db: Db, scope: Scope, id: number, patch: OrgPatch) {
  authorize(can, scope, 'write');
  const keys = Object.keys(patch).filter((k) => patch[k as keyof OrgPatch] !== undefined);
  try {
    return await db.transaction(async (tx) => {
      const before = await findInScope(tx as unknown as Db, scope, id);
      const allowed =
        before.kind === 'village'
          ? (k: string) => villageFields.has(k)
          : before.kind === 'urban_unit'
            ? (k: string) => !villageFields.has(k)
            : () => false;
      const refused = keys.filter((k) => !allowed(k));
      if (refused.length) {
        throw invalid(
          '该组织不能修改这些字段',
          Object.fromEntries(refused.map((k) => [k, '该类组织不能修改此字段'])),
        );
      }
      if (!keys.length) return { org: presentOrg(scope, before) };
      if (patch.addressDistrictId)
        await checkAddressDistrict(
          tx as unknown as Db,
          before.provinceCode,
          patch.addressDistrictId,
        );
      const [after] = await tx
        .update(orgs)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(orgs.id, id))
        .returning();
      await recordAudit(tx as unknown as Db, scope, {
        action: before.kind === 'village' ? 'org.weak_village' : 'org.update_unit',
        entity: 'org',
        entityId: id,
        scopePath: before.path,
        before: auditFields(before),
        after: auditFields(after),
      });
      return { org: presentOrg(scope, after) };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName();
    throw err;
  }
}
