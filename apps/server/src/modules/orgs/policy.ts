import type { ActionOf } from '@pairing/shared';
import { roleAllows, type Can } from '../../lib/policy.ts';
import { inScope, type Scope } from '../../lib/scope.ts';
import type { orgs } from './schema.ts';

type Org = typeof orgs.$inferSelect;

/**
 * The directory's actions: the role table's (`roleRules.directory`) and those about one org:
 * `update` it, `createUnit` under it, `seeFullPhone` of its contact.
 */
export type DirectoryAction = ActionOf<'directory'> | 'update' | 'createUnit' | 'seeFullPhone';

export type OrgSubject = Pick<Org, 'id' | 'kind' | 'path' | 'districtClass'>;

const role = roleAllows('directory');

/** Only a village's weak flag and an urban unit's fields are editable in the directory. */
const editableKinds = new Set<Org['kind']>(['village', 'urban_unit']);

const within = (scope: Scope, org: OrgSubject | undefined): org is OrgSubject =>
  org !== undefined && inScope(scope, org.path);

/** Urban units hang under a working committee or a district that helps (S1 §2–3). */
export const takesUnits = (org: Pick<Org, 'kind' | 'districtClass'>) =>
  org.kind === 'working_committee' ||
  (org.kind === 'district' && org.districtClass !== 'outer_suburban');

/**
 * Who may call each directory and Excel route at all comes from the role table; a listed role
 * still reaches only orgs whose path lies under its own org (the services filter in SQL; out of
 * scope answers 404). About one org, the org must lie in scope too.
 */
export const can: Can<DirectoryAction, OrgSubject> = (scope, action, org) => {
  switch (action) {
    case 'update':
      return role(scope, 'write') && within(scope, org) && editableKinds.has(org.kind);
    case 'createUnit':
      return role(scope, 'createUnits') && within(scope, org) && takesUnits(org);
    case 'seeFullPhone':
      // Full contact phones only for the admins of the unit's scope and the unit's own admin.
      return (
        within(scope, org) &&
        (role(scope, 'write') || (scope.role === 'unit_admin' && scope.orgId === org.id))
      );
    default:
      return role(scope, action);
  }
};
