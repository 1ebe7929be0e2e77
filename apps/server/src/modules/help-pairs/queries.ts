// Reads of "1+2" pairs: the list and one pair in the caller's scope, a pairing's overview, the
// people a side may name, and the file of a record's photo.
import type {
  HelpCandidateRole,
  HelpPairDetail,
  HelpPairState,
  HelpPairView,
  Paged,
  PairingHelpOverview,
  PersonSummary,
} from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { offsetOf } from '../../lib/pagination.ts';
import { keyringOf } from '../../lib/personal-crypto.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { loadPairingScoped } from '../ledger/access.ts';
import { storedFiles, type StoredFile } from '../ledger/evidence/read-for-help-pairs.ts';
import { withinScope } from '../orgs/sql.ts';
import { peopleJoins, personColumns, presentPerson } from '../people/read.ts';
import { loadPairScoped, pairJoins, pairVisible, visiblePairRows } from './access.ts';
import { pairingCoverage } from './coverage.ts';
import { can, ensure } from './policy.ts';
import { presentPairs, presentRecords, type Config } from './present.ts';

export type PairsQuery = {
  pairingId?: number;
  state?: HelpPairState;
  page: number;
  pageSize: number;
};

export async function listPairs(
  db: Db,
  config: Config,
  scope: Scope,
  query: PairsQuery,
): Promise<Paged<HelpPairView>> {
  ensure(scope, 'read');
  const parts: SQL[] = [sql`true`];
  if (query.pairingId !== undefined) parts.push(sql`hp.pairing_id = ${query.pairingId}`);
  if (query.state !== undefined) parts.push(sql`hp.state = ${query.state}`);
  const where = sql.join(parts, sql` and `);
  const [rows, [{ total }]] = await Promise.all([
    visiblePairRows(
      db,
      scope,
      where,
      sql`limit ${query.pageSize} offset ${offsetOf(query.page, query.pageSize)}`,
    ),
    queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from ${pairJoins} where ${pairVisible(scope)} and ${where}`,
    ),
  ]);
  return {
    items: await presentPairs(db, config, scope, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPair(
  db: Db,
  config: Config,
  scope: Scope,
  id: number,
): Promise<HelpPairDetail> {
  ensure(scope, 'read');
  const row = await loadPairScoped(db, scope, id);
  const [view] = await presentPairs(db, config, scope, [row]);
  return { ...view, helpRecords: await presentRecords(db, scope, row) };
}

/** A pairing's coverage and whether the caller may propose or assign in it. */
export async function pairingOverview(
  db: Db,
  scope: Scope,
  pairingId: number,
): Promise<PairingHelpOverview> {
  ensure(scope, 'readPairing');
  const pairing = await loadPairingScoped(db, scope, pairingId);
  return {
    pairingId,
    urbanOrg: { id: pairing.urbanOrgId, name: pairing.urbanName },
    ruralOrg: { id: pairing.ruralOrgId, name: pairing.ruralName },
    coverage: await pairingCoverage(db, pairingId),
    abilities: {
      propose: can(scope, 'propose', pairing),
      assign: can(scope, 'assign', pairing),
    },
  };
}

const candidateLimit = 200;

/**
 * Whom the caller may name in this pairing: the village's poor members or poor residents (the
 * rural side, to propose), or the unit's in-service cadres (the urban side, to assign); those
 * already in a live pair of the pairing left out.
 */
export async function candidates(
  db: Db,
  config: Config,
  scope: Scope,
  pairingId: number,
  role: HelpCandidateRole,
  q?: string,
): Promise<{ items: PersonSummary[] }> {
  const action = role === 'cadre' ? 'assign' : 'propose';
  ensure(scope, action);
  const pairing = await loadPairingScoped(db, scope, pairingId);
  ensure(scope, action, pairing);
  const column = { member: sql`member_id`, resident: sql`resident_id`, cadre: sql`cadre_id` }[role];
  const who =
    role === 'cadre'
      ? sql`'inServiceCadre' = any(p.tags) and ${withinScope(sql`ho.path`, { path: pairing.urbanPath })}`
      : sql`p.kind = ${role} and ${role === 'member' ? sql`'poorMember'` : sql`'poorResident'`} = any(p.tags)
          and (p.org_id = ${pairing.ruralOrgId} or p.second_org_id = ${pairing.ruralOrgId})`;
  const rows = await queryRows<Parameters<typeof presentPerson>[1]>(
    db,
    sql`select ${personColumns} from ${peopleJoins}
      where ${who}
        ${q ? sql`and strpos(p.name, ${q}) > 0` : sql``}
        and not exists (select 1 from help_pairs hp where hp.pairing_id = ${pairingId}
          and hp.state in ('proposed', 'assigned') and hp.${column} = p.id)
      order by p.name, p.id limit ${candidateLimit}`,
  );
  const keyring = keyringOf(config);
  return { items: rows.map((row) => presentPerson(keyring, row)) };
}

/** A stored photo if the caller may see some help record that carries it, else 404. */
export async function servedPhoto(db: Db, scope: Scope, fileId: number): Promise<StoredFile> {
  ensure(scope, 'read');
  const [found] = await queryRows<{ fileId: number }>(
    db,
    sql`select hrp.file_id::int as "fileId" from ${pairJoins}
      join help_records hr on hr.help_pair_id = hp.id
      join help_record_photos hrp on hrp.record_id = hr.id
      where hrp.file_id = ${fileId} and ${pairVisible(scope)} limit 1`,
  );
  const [file] = found ? await storedFiles(db, [fileId]) : [];
  if (!file) throw notFound('照片不存在');
  return file;
}
