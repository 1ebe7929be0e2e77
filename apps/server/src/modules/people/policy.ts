// Who may do what in the people registry (issue 14 items 1 and 6). Seeing a person is decided by
// the query (access.ts): his home or second organization in the caller's scope, or a port of a
// module built on the registry (1+2, mobile members). Writing belongs to the home organization's
// side: its admin and the admins above it; the second organization sees him but does not edit.
import { inScope, type Scope } from '../../lib/scope.ts';
import { roleAllows, type Can } from '../../lib/policy.ts';

export type PeopleAction =
  'read' | 'write' | 'linkAccount' | 'reveal' | 'import' | 'exportMasked' | 'exportFull';

/** A person by where he is registered (org paths); for a create or import, the home org alone. */
export type PersonSubject = { homePath: string; secondPath: string | null };

const role = roleAllows('people');

export const can: Can<PeopleAction, PersonSubject> = (scope: Scope, action, subject) => {
  const home = !subject || inScope(scope, subject.homePath);
  switch (action) {
    case 'read':
      return role(scope, 'read');
    case 'write':
    case 'import':
      return role(scope, action) && home;
    case 'linkAccount':
      return role(scope, 'linkAccount') && home;
    // Anyone who sees the person and holds the right: the cadre paired with a poor resident needs
    // his phone. Every reveal is audited with its reason.
    case 'reveal':
      return role(scope, 'reveal');
    // Names are personal too: even a masked list leaves only with a reason, for those who read.
    case 'exportMasked':
      return role(scope, 'read');
    case 'exportFull':
      return role(scope, 'export');
  }
};
