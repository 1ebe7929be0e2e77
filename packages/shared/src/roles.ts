export const roles = [
  'city_admin',
  'district_admin',
  'town_admin',
  'unit_admin',
  'village_admin',
  'inspector',
  'member',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof roles)[number];

/**
 * The three platform administrators (三员分立, 等保 2.0 level 3): the system administrator keeps
 * the accounts, the security administrator roles, policy and sessions, the audit administrator
 * alone reads the security trail. None of them takes part in the pairing work.
 */
export const platformAdminRoles = ['system_admin', 'security_admin', 'audit_admin'] as const;
export type PlatformAdminRole = (typeof platformAdminRoles)[number];

export const isPlatformAdmin = (role: Role): role is PlatformAdminRole =>
  (platformAdminRoles as readonly Role[]).includes(role);

/** The roles of the pairing work: every role but the platform administrators. */
export const businessRoles: readonly Role[] = roles.filter((role) => !isPlatformAdmin(role));

/** Roles that administer the organizations and users below their own org. */
export const adminRoles: readonly Role[] = ['city_admin', 'district_admin', 'town_admin'];

export const orgKinds = [
  'province',
  'city',
  'district',
  'town',
  'village',
  'community',
  'working_committee',
  'urban_unit',
] as const;
export type OrgKind = (typeof orgKinds)[number];

/**
 * The org kinds a role acts for (DESIGN.md "Organizations and scope"): an account's org must be
 * of one of them. Null: any kind.
 */
export const orgKindsForRole: Record<Role, readonly OrgKind[] | null> = {
  city_admin: ['city'],
  district_admin: ['district', 'working_committee'],
  town_admin: ['town'],
  unit_admin: ['urban_unit'],
  // A residents' committee (社区居委会) is kept like a village (村居): receiving mobile members, care.
  village_admin: ['village', 'community'],
  inspector: null,
  member: null,
  // The platform administrators act for the city, over every account in it.
  system_admin: ['city'],
  security_admin: ['city'],
  audit_admin: ['city'],
};

/** S1 §2–3: central districts help, outer suburbs are helped, near suburbs do both. */
export const districtClasses = ['central', 'near_suburban', 'outer_suburban'] as const;
export type DistrictClass = (typeof districtClasses)[number];

/** 资源清单 categories (S2 §2.2). */
export const resourceTags = ['政策', '人才', '技术', '物资', '信息', '资金'] as const;

/** Urban unit types (S1 §2–3). */
export const unitTypes = [
  '机关',
  '社区街道',
  '企业',
  '事业单位',
  '金融机构',
  '高等院校',
  '科研院所',
  '医疗卫生',
  '文化传媒',
] as const;

/** Whether an account of `role` may act for an org of `kind` (`orgKindsForRole`). */
export const roleFitsOrg = (role: Role, kind: OrgKind) => {
  const kinds = orgKindsForRole[role];
  return kinds === null || kinds.includes(kind);
};

/**
 * The kinds an org's subtree holds, itself included (DESIGN.md "Organizations and scope"): rural
 * orgs hang village → town → district, urban units under their working committee or district.
 */
export const orgKindsWithin: Record<OrgKind, readonly OrgKind[]> = {
  province: orgKinds,
  city: orgKinds.filter((kind) => kind !== 'province'),
  district: ['district', 'town', 'village', 'community', 'urban_unit'],
  working_committee: ['working_committee', 'urban_unit'],
  town: ['town', 'village', 'community'],
  village: ['village'],
  community: ['community'],
  urban_unit: ['urban_unit'],
};
