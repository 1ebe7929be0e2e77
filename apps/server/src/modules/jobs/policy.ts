import { adminRoles } from '@pairing/shared';
import type { Can } from '../../lib/policy.ts';
import { inScope } from '../../lib/scope.ts';

/** Whose job it is and where in the org tree it acts. */
export type JobSubject = { ownerId: number; scopePath: string };

/**
 * A job is seen by the user who started it, and by the administrators whose part of the org tree
 * it acts in (they answer for what runs there). Everyone else is told it does not exist.
 */
export const can: Can<'view', JobSubject> = (scope, _action, job) =>
  !!job &&
  (job.ownerId === scope.userId ||
    (adminRoles.includes(scope.role) && inScope(scope, job.scopePath)));
