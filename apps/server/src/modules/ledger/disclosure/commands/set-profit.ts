import type { UnitTax } from '@pairing/shared';
import type { Db } from '../../../../db/client.ts';
import { conflict } from '../../../../lib/errors.ts';
import { authorize } from '../../../../lib/policy.ts';
import type { Scope } from '../../../../lib/scope.ts';
import { recordAudit } from '../../../audit/record.ts';
import { can } from '../policy.ts';
import { isEnterprise } from '../tax.ts';
import { loadUnitScoped, lockedProfit, presentTax, storeProfit, unitSubject } from '../unit-tax.ts';

/** An enterprise unit's annual total profit (R-TAX-CAP), entered by the unit or its district. */
export async function setProfit(
  db: Db,
  scope: Scope,
  unitId: number,
  year: number,
  profit: number,
  today: string,
): Promise<UnitTax> {
  return db.transaction(async (tx) => {
    authorize(can, scope, 'read');
    const unit = await loadUnitScoped(tx, scope, unitId);
    authorize(can, scope, 'setProfit', { ...unitSubject(unit), enterprise: true });
    if (!isEnterprise(unit.unitType))
      throw conflict('not_enterprise', '只有企业填报年度利润总额（公益捐赠税前扣除限额）');
    const before = await lockedProfit(tx, unitId, year);
    await storeProfit(tx, unitId, year, profit);
    await recordAudit(tx, scope, {
      action: 'unit_profit.set',
      entity: 'org',
      entityId: unitId,
      scopePath: unit.path,
      before: before === null ? null : { year, profit: before },
      after: { year, profit },
    });
    return presentTax(tx, scope, unit, year, today, null);
  });
}
