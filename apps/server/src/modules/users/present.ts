import { userActions, type UserRecord, type UserView } from '@pairing/shared';
import { abilitiesOn } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import type { AccountRow } from '../auth/read.ts';
import { can } from './policy.ts';

/**
 * 13812345678 → 138****5678. Masked in lists, details and audit records alike (DESIGN.md "Data
 * safety"); no user route needs the full number.
 */
export const maskPhone = (phone: string | null) =>
  phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;

/** An account as audit records keep it. */
export const userRecord = ({ orgPath: _, ...row }: AccountRow): UserRecord => ({
  ...row,
  phone: maskPhone(row.phone),
  lockedUntil: row.lockedUntil?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** An account as the caller sees it, with what the caller may do to it. */
export const presentUser = (scope: Scope, row: AccountRow): UserView => ({
  ...userRecord(row),
  abilities: abilitiesOn(can, scope, userActions, { role: row.role }),
});
