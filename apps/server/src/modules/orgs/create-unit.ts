import type { UnitFields } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { isUniqueViolation } from '../../lib/unique-violation.ts';
import { recordAudit } from '../audit/record.ts';
import { can } from './policy.ts';
import { auditFields, presentOrg } from './present.ts';
import { findInScope } from './queries.ts';
import { insertOrg } from './tree.ts';
import { checkAddressDistrict, checkUnitParent, duplicateName } from './unit-checks.ts';

/** Create an urban unit under a working committee or district inside the caller's scope. */
export async function createUnit(db: Db, scope: Scope, input: UnitFields & { parentId: number }) {
  // Any writer gets this far: a town's scope holds no parent for a unit, so it answers 404.
  authorize(can, scope, 'write');
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const parent = await findInScope(t, scope, input.parentId);
      checkUnitParent(parent);
      await checkAddressDistrict(t, parent.provinceCode, input.addressDistrictId);
      const created = await insertOrg(t, {
        kind: 'urban_unit',
        parentId: parent.id,
        name: input.name,
        unitType: input.unitType,
        capacity: input.capacity,
        yearlyBudget: input.yearlyBudget,
        resourceTags: input.resourceTags,
        addressDistrictId: input.addressDistrictId,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
      });
      await recordAudit(t, scope, {
        action: 'org.create_unit',
        entity: 'org',
        entityId: created.id,
        scopePath: created.path,
        after: auditFields(created),
      });
      return { org: presentOrg(scope, created) };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName();
    throw err;
  }
}
