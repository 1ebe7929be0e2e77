// Who may do what with village secretaries (R-SECRETARY-PAY): reading, and for the town, district
// and city above the village assessing and keeping the terms; the parameters are the city's. The
// queries already answer 404 outside the caller's scope; the subject makes the policy say so too.
import { roleAllows, type Can } from '../../lib/policy.ts';
import { inScope } from '../../lib/scope.ts';

export type SecretaryAction = 'read' | 'assess' | 'configure';

/** The village a term or an assessment belongs to. */
export type SecretarySubject = { villagePath: string };

const allows = roleAllows('secretaries');

export const can: Can<SecretaryAction, SecretarySubject> = (scope, action, subject) =>
  allows(scope, action) && (!subject || inScope(scope, subject.villagePath));
