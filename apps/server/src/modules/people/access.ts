// Which people the caller sees, as SQL over `persons p` with its home (`ho`) and second (`so`)
// organizations (read.ts `peopleJoins`), and one person loaded through it: out of sight is 404.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { displayNameOf } from '../auth/sql.ts';
import { withinScope } from '../orgs/sql.ts';
import type { PeoplePorts } from './ports.ts';
import { peopleJoins, personColumns } from './read.ts';
import type { Keyring } from '../../lib/personal-crypto.ts';

/** What the registry's commands and queries need: the database, the keys and the ports. */
export type Registry = { db: Db; keyring: Keyring; ports: PeoplePorts };

/**
 * The caller sees `p` when it is registered (home or second organization) inside his scope, or
 * a port lets him (a unit sees the people paired with its cadres). A unit's scope is the unit
 * itself, so a unit sees its own cadres and, through the ports, nobody else's.
 */
export function personVisible(scope: Scope, ports: PeoplePorts): SQL {
  const through = ports.visibleThrough.map((fragment) => fragment(scope));
  return sql`(${sql.join(
    [
      withinScope(sql`ho.path`, scope),
      sql`(so.path is not null and ${withinScope(sql`so.path`, scope)})`,
      ...through,
    ],
    sql` or `,
  )})`;
}

/** `personColumns` and what the registry's own view adds. */
export const viewColumns = sql`${personColumns}, p.note, p.user_id::int as "userId",
  ${displayNameOf(sql`p.user_id`)} as "userName", ho.path as "homePath", so.path as "secondPath"`;

export type ViewRow = {
  id: number;
  kind: 'member' | 'resident';
  name: string;
  gender: 'male' | 'female';
  birthYear: number;
  tags: string[];
  orgId: number;
  orgName: string;
  secondOrgId: number | null;
  secondOrgName: string | null;
  idNumberSealed: string;
  phoneSealed: string | null;
  note: string;
  userId: number | null;
  userName: string | null;
  homePath: string;
  secondPath: string | null;
};

/** One person the caller sees, else 404; `lock` takes his row for a write in the transaction. */
export async function loadPerson(
  reg: Registry,
  scope: Scope,
  id: number,
  lock = false,
): Promise<ViewRow> {
  const [row] = await queryRows<ViewRow>(
    reg.db,
    sql`select ${viewColumns} from ${peopleJoins}
      where p.id = ${id} and ${personVisible(scope, reg.ports)}
      ${lock ? sql`for update of p` : sql``}`,
  );
  if (!row) throw notFound('人员不存在');
  return row;
}
