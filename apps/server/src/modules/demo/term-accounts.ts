// Every side of a demo pairing acts through an account of its own org: records are entered,
// confirmed, objected to and settled by someone (ledger_records' *_by columns).
import { and, inArray } from 'drizzle-orm';
import type { Role } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { users } from '../auth/schema.ts';
import { insertInChunks } from './bulk.ts';

export type AccountWanted = { orgId: number; orgName: string; role: Role; username: string };

/**
 * The account of each (org, role) wanted: an existing one (the documented demo accounts) or a
 * new one named `username`, with the demo password. Answers `role:orgId` → user id.
 */
export async function ensureAccounts(db: Db, passwordHash: string, wanted: AccountWanted[]) {
  const key = (role: string, orgId: number) => `${role}:${orgId}`;
  const unique = [...new Map(wanted.map((w) => [key(w.role, w.orgId), w])).values()];
  const existing = await db
    .select({ id: users.id, orgId: users.orgId, role: users.role })
    .from(users)
    .where(
      and(
        inArray(
          users.orgId,
          unique.map((w) => w.orgId),
        ),
        inArray(users.role, [...new Set(unique.map((w) => w.role))]),
      ),
    )
    .orderBy(users.id);
  const ids = new Map<string, number>();
  for (const u of existing) if (!ids.has(key(u.role, u.orgId))) ids.set(key(u.role, u.orgId), u.id);
  const missing = unique.filter((w) => !ids.has(key(w.role, w.orgId)));
  const inserted = await insertInChunks(
    db,
    users,
    missing.map((w) => ({
      username: w.username,
      displayName: `演示${w.orgName}`,
      passwordHash,
      orgId: w.orgId,
      role: w.role,
      mustChangePassword: false,
    })),
  );
  missing.forEach((w, i) => ids.set(key(w.role, w.orgId), inserted[i]));
  return (role: Role, orgId: number) => ids.get(key(role, orgId))!;
}
