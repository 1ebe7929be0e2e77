import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { conflict, invalid } from '../../lib/errors.ts';
import { takesUnits } from './policy.ts';
import type { Org } from './present.ts';
import { orgs } from './schema.ts';

/** A district of the unit's province to record as its address (any district, not only in scope). */
export async function checkAddressDistrict(db: Db, provinceCode: string, districtId: number) {
  const [district] = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(
      and(eq(orgs.id, districtId), eq(orgs.kind, 'district'), eq(orgs.provinceCode, provinceCode)),
    );
  if (!district) throw invalid('所在区不存在', { addressDistrictId: '所在区不存在' });
}

/** Urban units hang under a working committee or a district that helps (S1 §2–3). */
export function checkUnitParent(parent: Org) {
  if (!takesUnits(parent)) {
    throw invalid('上级组织须为工作党委或中心城区、近郊区', {
      parentId: '上级组织须为工作党委或中心城区、近郊区',
    });
  }
}

export const duplicateName = () => conflict('duplicate_name', '同一上级组织下已有同名单位');
