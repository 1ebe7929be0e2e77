// Where the demo city's people are registered: the units and villages that have admin accounts
// (the documented showcase pair first), and the demo `member` account to link to a cadre.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../auth/schema.ts';
import { orgs } from '../orgs/schema.ts';

const maxUnits = 40;
const maxVillages = 120;

export async function demoPeopleOrgs(db: Db) {
  const seats = await db
    .select({
      username: users.username,
      role: users.role,
      userId: users.id,
      id: orgs.id,
      provinceCode: orgs.provinceCode,
    })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(inArray(users.role, ['unit_admin', 'village_admin', 'member']))
    .orderBy(users.id);
  const of = (role: string, showcase: string, max: number) => {
    const list = seats.filter((s) => s.role === role);
    const first = list.filter((s) => s.username === showcase);
    const unique = new Map(
      [...first, ...list].map((s) => [s.id, { id: s.id, provinceCode: s.provinceCode }]),
    );
    return [...unique.values()].slice(0, max);
  };
  return {
    units: of('unit_admin', 'unit_admin', maxUnits),
    villages: of('village_admin', 'village_admin', maxVillages),
    memberUserId: seats.find((s) => s.username === 'member')?.userId ?? null,
  };
}
