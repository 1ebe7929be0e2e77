import {
  businessRoles,
  isPlatformAdmin,
  orgKinds,
  orgKindsForRole,
  orgKindsWithin,
  roleFitsOrg,
  roles,
  type Role,
} from './roles.ts';

/**
 * Every role that acts for an organization in the pairing work; a member acts only for themself,
 * and the platform administrators (三员) read no business data.
 */
const everyReader: readonly Role[] = businessRoles.filter((role) => role !== 'member');

/** The admins of an organization that keeps people: each for its own subtree. */
const orgAdmins = [
  'city_admin',
  'district_admin',
  'town_admin',
  'unit_admin',
  'village_admin',
] as const satisfies readonly Role[];

/** Who reads accounts: the business admins and inspector, and the system and security admins. */
const accountReaders = [
  'city_admin',
  'district_admin',
  'town_admin',
  'inspector',
  'system_admin',
  'security_admin',
] as const satisfies readonly Role[];

/**
 * Which roles may ever take each action, per module (docs/roles.md). This is data: each module's
 * `policy.ts` reads its table and adds what depends on the subject (scope, side, state). Scope
 * still limits every listed role to its own subtree; out of scope answers 404.
 */
export const roleRules = {
  audit: {
    browse: ['city_admin', 'district_admin', 'town_admin', 'inspector'],
  },
  // The system administrator keeps the city's business accounts; changing an existing account's
  // role is the security administrator's (三员分立). No route manages a platform administrator.
  users: {
    list: accountReaders,
    read: accountReaders,
    create: ['city_admin', 'district_admin', 'town_admin', 'system_admin'],
    update: ['city_admin', 'district_admin', 'town_admin', 'system_admin'],
    resetPassword: ['city_admin', 'district_admin', 'town_admin', 'system_admin'],
    assignRole: ['security_admin'],
  },
  // The security administrator's policy and everyone's sessions; the audit administrator's trail
  // of sign-ins, account, permission and configuration changes and views of personal data.
  security: {
    readPolicy: ['security_admin'],
    editPolicy: ['security_admin'],
    readSessions: ['security_admin'],
    endSessions: ['security_admin'],
    readTrail: ['audit_admin'],
    exportTrail: ['audit_admin'],
  },
  // Exports carry full phone numbers so that they re-import, hence they follow the import roles.
  // The system administrator reads the org tree to place a new account in it.
  directory: {
    read: [...everyReader, 'member', 'system_admin'],
    write: ['city_admin', 'district_admin', 'town_admin'],
    createUnits: ['city_admin', 'district_admin'],
    editDistrictPairs: ['city_admin'],
    importUnits: ['city_admin', 'district_admin'],
    importWeakVillages: ['city_admin', 'district_admin', 'town_admin'],
  },
  rounds: {
    read: everyReader,
    manage: ['city_admin'],
    readQuotas: ['city_admin', 'district_admin', 'inspector'],
    editNeeds: ['city_admin', 'district_admin', 'town_admin', 'village_admin'],
    editResources: ['city_admin', 'district_admin', 'unit_admin'],
    readUncovered: ['city_admin', 'district_admin', 'town_admin', 'inspector'],
  },
  // The urban side (a unit, or its working committee / district choosing for several units,
  // 相对集中) submits and withdraws; the rural side (the village or its town) decides. An
  // intention of the city's organizational allocation is confirmed by the urban side too.
  intentions: {
    submit: ['unit_admin', 'district_admin'],
    withdraw: ['unit_admin', 'district_admin'],
    confirm: ['unit_admin', 'district_admin'],
    // A district or working committee confirms the allocated pairs of its units and villages at once.
    confirmInBulk: ['district_admin'],
    decide: ['village_admin', 'town_admin'],
    read: everyReader,
    renew: ['unit_admin', 'district_admin', 'village_admin', 'town_admin'],
  },
  // Reading follows the scope (either party inside it). Editing, handing over, signing and
  // amending belong to one side: the unit or its district / working committee (甲方), the
  // village or its town (乙方); the agreements policy decides which side the caller is on.
  agreements: {
    read: everyReader,
    edit: ['unit_admin', 'district_admin', 'village_admin', 'town_admin'],
    handOver: ['unit_admin', 'district_admin', 'village_admin', 'town_admin'],
    sign: ['unit_admin', 'district_admin', 'village_admin', 'town_admin'],
    amend: ['unit_admin', 'district_admin', 'village_admin', 'town_admin'],
  },
  // 综合平衡/组织分配 is the city's job (S1 §8): only its admin runs, edits and publishes proposals.
  // District admins and inspectors read a proposal within their own subtree (S1 §9); units state
  // their preferences for their own unit or, from a district or working committee, for its units.
  allocation: {
    run: ['city_admin'],
    edit: ['city_admin'],
    publish: ['city_admin'],
    read: ['city_admin', 'district_admin', 'inspector'],
    configure: ['city_admin'],
    readSettings: ['city_admin', 'district_admin', 'inspector'],
    prefer: ['unit_admin', 'district_admin'],
  },
  // The term's ledger (issue 12). Either side records for its pairing and confirms or objects to
  // the other side's records: the unit or its district / working committee, the village or its
  // town. A dispute is settled by the town or district admin above the village (or the city).
  // The roster is the unit's. Roll-ups are for the admins and inspectors above the pairs.
  ledger: {
    read: everyReader,
    record: ['unit_admin', 'district_admin', 'village_admin', 'town_admin'],
    confirm: ['unit_admin', 'district_admin', 'village_admin', 'town_admin'],
    settle: ['city_admin', 'district_admin', 'town_admin'],
    manageRoster: ['unit_admin', 'district_admin'],
    setProfit: ['unit_admin', 'district_admin'],
    rollup: ['city_admin', 'district_admin', 'town_admin', 'inspector'],
    export: [
      'city_admin',
      'district_admin',
      'town_admin',
      'unit_admin',
      'village_admin',
      'inspector',
    ],
  },
  // People (issue 14). Each organization keeps its own people; the admins above see those of
  // their subtree. A unit sees, besides its own, only the people paired with its cadres (1+2); an
  // inflow organization sees a mobile member only once it has received him. Showing a number in
  // full and exporting personal data need a reason and are audited.
  people: {
    read: everyReader,
    write: [...orgAdmins],
    import: [...orgAdmins],
    export: [...orgAdmins],
    reveal: [...orgAdmins],
    linkAccount: [...orgAdmins],
  },
  // "1+2" (R-ONE-PLUS-TWO): the village (or its town) proposes its poor member and poor resident,
  // the unit (or its district / working committee) assigns its cadre, plans and concludes; either
  // side records help, and so does the cadre himself (a `member` account linked to his person),
  // who therefore reads too: only the pairs where he is the cadre.
  helpPairs: {
    read: [...everyReader, 'member'],
    propose: ['village_admin', 'town_admin'],
    assign: ['unit_admin', 'district_admin'],
    plan: ['unit_admin', 'district_admin'],
    record: ['unit_admin', 'district_admin', 'village_admin', 'town_admin', 'member'],
    conclude: ['unit_admin', 'district_admin'],
    coverage: ['city_admin', 'district_admin', 'town_admin', 'unit_admin', 'inspector'],
  },
  // The care archive (R-CARE, R-DOUBLE-PAIR): kept by the person's organization and those above.
  care: {
    read: everyReader,
    record: [...orgAdmins],
  },
  // Mobile members (R-MOBILE-EIGHT, R-MOBILE-QUERY, R-MOBILE-REPORT): the outflow organization
  // registers and sends, the inflow organization receives or queries back; either asks the other.
  mobile: {
    read: everyReader,
    manage: [...orgAdmins],
    receive: [...orgAdmins],
    query: [...orgAdmins],
    answer: [...orgAdmins],
  },
  // Village secretaries' 双百分 assessment and pay (R-SECRETARY-PAY): the town assesses, the
  // district and city review; the parameters are the city's.
  secretaries: {
    read: ['city_admin', 'district_admin', 'town_admin', 'village_admin', 'inspector'],
    assess: ['city_admin', 'district_admin', 'town_admin'],
    configure: ['city_admin'],
  },
} as const satisfies Record<string, Record<string, readonly Role[]>>;

export type PolicyModule = keyof typeof roleRules;
export type ActionOf<M extends PolicyModule> = keyof (typeof roleRules)[M] & string;

/** Whether `role` may ever take `action` of module `m`. */
export const roleMay = <M extends PolicyModule>(role: Role, m: M, action: ActionOf<M>) =>
  (roleRules[m][action] as readonly Role[]).includes(role);

/** Every module action as `module.action`: what `me.abilities` answers for the signed-in user. */
export type GlobalAbility = {
  [M in PolicyModule]: `${M}.${ActionOf<M>}`;
}[PolicyModule];

export const globalAbilities = Object.entries(roleRules).flatMap(([m, actions]) =>
  Object.keys(actions).map((action) => `${m}.${action}`),
) as GlobalAbility[];

/** The abilities of a role over every module, as `me` presents them to the web. */
export const abilitiesOfRole = (role: Role) =>
  Object.fromEntries(
    Object.entries(roleRules).flatMap(([m, actions]) =>
      Object.entries(actions).map(([action, allowed]) => [
        `${m}.${action}`,
        (allowed as readonly Role[]).includes(role),
      ]),
    ),
  ) as Record<GlobalAbility, boolean>;

// Administrative rank (docs/roles.md): city_admin > district_admin > town_admin > the others.
const adminRank: Record<Role, number> = {
  city_admin: 3,
  district_admin: 2,
  town_admin: 1,
  unit_admin: 0,
  village_admin: 0,
  inspector: 0,
  member: 0,
  system_admin: 0,
  security_admin: 0,
  audit_admin: 0,
};

/**
 * Whether an admin of role `actor` may create or manage an account of `role`: up to its own
 * rank, never above, and only a city admin makes another city admin; the system administrator
 * manages every business account. Nobody manages a platform administrator (only the CLI).
 */
export const mayManageRole = (actor: Role, role: Role) => {
  if (isPlatformAdmin(role)) return false;
  if (actor === 'system_admin') return true;
  if (isPlatformAdmin(actor)) return false;
  return adminRank[role] <= adminRank[actor] && (role !== 'city_admin' || actor === 'city_admin');
};

/**
 * The roles `actor` may hand out when creating an account: those it may manage that fit some org
 * kind its own scope holds (a town holds no urban unit, so a town admin makes no unit admin).
 */
export const assignableRoles = (actor: Role): Role[] => {
  if (!roleMay(actor, 'users', 'create')) return [];
  const own = orgKindsForRole[actor] ?? orgKinds;
  return roles.filter(
    (role) =>
      mayManageRole(actor, role) &&
      own.some((mine) => orgKindsWithin[mine].some((kind) => roleFitsOrg(role, kind))),
  );
};
