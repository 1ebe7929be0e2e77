// Who may do what in the care archive (R-CARE, R-DOUBLE-PAIR). A case belongs to the person's home
// organization: its admins and those above keep it (update, close, name the adopting
// organization) and export it. The adopting organization (双结对) and those above see the case and
// record the help they give. Reading follows either org in scope; out of scope is 404 from the
// query itself. A closed case takes no more writes (409, checked by the commands).
import type { CareState } from '@pairing/shared';
import { roleAllows, type Can } from '../../lib/policy.ts';
import { inScope } from '../../lib/scope.ts';

export type CareAction = 'read' | 'keep' | 'help' | 'export';

export type CareSubject = { homePath: string; carerPath: string | null; state: CareState };

const role = roleAllows('care');

export const can: Can<CareAction, CareSubject> = (scope, action, subject) => {
  const home = !subject || inScope(scope, subject.homePath);
  const carer = !!subject?.carerPath && inScope(scope, subject.carerPath);
  const open = !subject || subject.state === 'open';
  switch (action) {
    case 'read':
      return role(scope, 'read') && (home || carer);
    case 'keep':
      return role(scope, 'record') && home && open;
    case 'help':
      return role(scope, 'record') && (home || carer) && open;
    case 'export':
      return role(scope, 'record');
  }
};
