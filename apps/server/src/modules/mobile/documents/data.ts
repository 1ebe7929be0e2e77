// What the two documents need, read within the caller's reach.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../lib/errors.ts';
import type { Keyring } from '../../../lib/personal-crypto.ts';
import { authorize } from '../../../lib/policy.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { withinScope } from '../../orgs/sql.ts';
import { readPeople } from '../../people/read.ts';
import { loadFile, memberColumns, memberJoins, type MemberRow } from '../access.ts';
import { can } from '../policy.ts';
import type { LetterTo } from './letter-docx.ts';

/** The member and his name, for his 管理协议书: whoever may see his file. */
export async function agreementData(db: Db, keyring: Keyring, scope: Scope, id: number) {
  authorize(can, scope, 'read');
  const row = await loadFile(db, scope, id);
  const [person] = await readPeople(db, keyring, [row.personId]);
  return { row, name: person.name };
}

/**
 * The organization and its members away (sent, queried back or received) whose home lies in its
 * subtree, by certificate number: the addressees of its letter. The outflow side's admins only.
 */
export async function letterData(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  orgId: number,
): Promise<{ orgName: string; to: LetterTo[] }> {
  authorize(can, scope, 'register');
  const [org] = await queryRows<{ name: string; path: string }>(
    db,
    sql`select name, path from org_directory o
      where o.id = ${orgId} and ${withinScope(sql`o.path`, scope)}`,
  );
  if (!org) throw notFound('组织不存在或不在您的管理范围内');
  const rows = await queryRows<MemberRow>(
    db,
    sql`select ${memberColumns} from ${memberJoins}
      where mm.state in ('sent', 'queried', 'received') and ${withinScope(sql`oo.path`, org)}
      order by mm.certificate_number`,
  );
  const people = new Map(
    (
      await readPeople(
        db,
        keyring,
        rows.map((r) => r.personId),
      )
    ).map((p) => [p.id, p.name]),
  );
  return {
    orgName: org.name,
    to: rows.map((r) => ({
      name: people.get(r.personId) ?? '',
      certificateNumber: r.certificateNumber,
      destination: r.destination,
    })),
  };
}
