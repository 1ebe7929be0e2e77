import { orgActions, type OrgView } from '@pairing/shared';
import { abilitiesOn } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { maskPhone } from './phone.ts';
import { can } from './policy.ts';
import type { orgs } from './schema.ts';

export type Org = typeof orgs.$inferSelect;

/** One org as the caller may see it, with the caller's abilities on it. */
export function presentOrg(scope: Scope, org: Org): OrgView {
  return {
    id: org.id,
    kind: org.kind,
    code: org.code,
    name: org.name,
    parentId: org.parentId,
    path: org.path,
    depth: org.depth,
    provinceCode: org.provinceCode,
    districtClass: org.districtClass,
    weakVillage: org.weakVillage,
    unitType: org.unitType,
    capacity: org.capacity,
    yearlyBudget: org.yearlyBudget,
    resourceTags: org.resourceTags ?? [],
    addressDistrictId: org.addressDistrictId,
    contactName: org.contactName,
    contactPhone: can(scope, 'seeFullPhone', org) ? org.contactPhone : maskPhone(org.contactPhone),
    abilities: abilitiesOn(can, scope, orgActions, org),
  };
}

/** What an audit record keeps of an org's editable fields. */
export const auditFields = (org: Org) => ({
  name: org.name,
  weakVillage: org.weakVillage,
  unitType: org.unitType,
  capacity: org.capacity,
  yearlyBudget: org.yearlyBudget,
  resourceTags: org.resourceTags,
  addressDistrictId: org.addressDistrictId,
  contactName: org.contactName,
  contactPhone: org.contactPhone,
});
