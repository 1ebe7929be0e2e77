import { abilitiesOfRole, assignableRoles, type Me } from '@pairing/shared';
import type { SessionUser } from '../../lib/scope.ts';

/**
 * The signed-in user as login and `me` answer it, with what the role may do in every module
 * (the web shows its menu and actions from these) and the roles it may give a new account.
 */
export const presentMe = (user: SessionUser): Me => ({
  ...user,
  abilities: abilitiesOfRole(user.role),
  assignableRoles: assignableRoles(user.role),
});
