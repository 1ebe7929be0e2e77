import { roleMay, type ActionOf, type PolicyModule } from '@pairing/shared';
import { forbidden } from './errors.ts';
import type { Scope } from './scope.ts';

/**
 * A module's policy: may the caller take `action`, on `subject` when the action is about one
 * object. Every module's `policy.ts` exports one `can` of this shape; services call it (commands
 * and queries to decide, presenters to list the caller's abilities), routes never do.
 */
export type Can<A extends string, S = never> = (scope: Scope, action: A, subject?: S) => boolean;

/** 403 unless `can` allows it; `message` says why where the role alone is not the reason. */
export function authorize<A extends string, S>(
  can: Can<A, S>,
  scope: Scope,
  action: A,
  subject?: S,
  message?: string,
) {
  if (!can(scope, action, subject)) throw forbidden(message);
}

/** The role table's answer (packages/shared `roleRules`), the part of every policy that is data. */
export const roleAllows =
  <M extends PolicyModule>(m: M) =>
  (scope: Scope, action: ActionOf<M>) =>
    roleMay(scope.role, m, action);

/** The caller's abilities on one presented object: `{ action: can(scope, action, subject) }`. */
export function abilitiesOn<A extends string, S>(
  can: Can<A, S>,
  scope: Scope,
  actions: readonly A[],
  subject: S,
): Record<A, boolean> {
  return Object.fromEntries(actions.map((a) => [a, can(scope, a, subject)])) as Record<A, boolean>;
}
