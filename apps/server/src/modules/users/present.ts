import type { UserView } from '@pairing/shared';

export type { UserView };

export type UserRow = Omit<UserView, 'phone' | 'lockedUntil' | 'createdAt'> & {
  phone: string | null;
  lockedUntil: Date | null;
  createdAt: Date;
};

/**
 * 13812345678 → 138****5678. Masked in lists, details and audit records alike (DESIGN.md "Data
 * safety"); no user route needs the full number.
 */
export const maskPhone = (phone: string | null) =>
  phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;

export const presentUser = (row: UserRow): UserView => ({
  ...row,
  phone: maskPhone(row.phone),
  lockedUntil: row.lockedUntil?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});
