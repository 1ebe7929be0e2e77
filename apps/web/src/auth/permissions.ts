import type { Role } from '@pairing/shared';

/** Who sees which part of the app; the server enforces the same in its policies. */
export const canManageUsers = (role: Role) =>
  role === 'city_admin' || role === 'district_admin' || role === 'town_admin';
export const canReadAudit = (role: Role) => canManageUsers(role) || role === 'inspector';
/** Which workbooks a role may import (and export); mirrors the server's directory policy. */
export function importKindsFor(role: Role): Array<'units' | 'weak-villages'> {
  const kinds: Array<'units' | 'weak-villages'> = [];
  if (role === 'city_admin' || role === 'district_admin') kinds.push('units');
  if (role === 'city_admin' || role === 'district_admin' || role === 'town_admin')
    kinds.push('weak-villages');
  return kinds;
}
export const canImport = (role: Role) => importKindsFor(role).length > 0;
export const canEditOrgs = (role: Role) => canManageUsers(role);
/** Units hang under a working committee or a district, so only city and district admins create. */
export const canCreateUnits = (role: Role) => role === 'city_admin' || role === 'district_admin';
/** The 对口帮扶 table: everyone reads the pairs touching their scope; the city admin edits. */
export const canEditDistrictPairs = (role: Role) => role === 'city_admin';

/** Roles an admin may hand out: never above their own level. */
export function assignableRoles(role: Role): Role[] {
  const below: Role[] = ['town_admin', 'unit_admin', 'village_admin', 'inspector', 'member'];
  if (role === 'city_admin') return ['city_admin', 'district_admin', ...below];
  if (role === 'district_admin') return ['district_admin', ...below];
  return ['town_admin', 'village_admin', 'inspector', 'member'];
}

/** Pairing rounds (issue 3); mirror the rounds, intentions and agreements policies. */
export const canManageRounds = (role: Role) => role === 'city_admin';
export const canReadRounds = (role: Role) =>
  role === 'city_admin' || role === 'district_admin' || role === 'inspector';
export const canReadQuotas = canReadRounds;
export const canReadUncovered = (role: Role) => canReadRounds(role) || role === 'town_admin';
export const canEditNeeds = (role: Role) => role === 'village_admin' || role === 'town_admin';
export const canEditResources = (role: Role) => role === 'unit_admin';
export const canSubmitIntentions = (role: Role) =>
  role === 'unit_admin' || role === 'district_admin';
export const canDecideIntentions = (role: Role) =>
  role === 'village_admin' || role === 'town_admin';
export const canReadAgreements = (role: Role) => role !== 'member';
