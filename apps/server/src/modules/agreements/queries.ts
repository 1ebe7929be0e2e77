// Reads of agreements. The parties come from the orgs module's `org_directory` view and the
// signers' names from the auth module's fragment; the scope filter is the orgs module's.
import type {
  AgreementDiff,
  AgreementSummary,
  AgreementVersion,
  AgreementView,
  Paged,
  PublicCommitment,
} from '@pairing/shared';
import { and, asc, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { offsetOf } from '../../lib/pagination.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { displayNameOf } from '../auth/sql.ts';
import { withinScope } from '../orgs/sql.ts';
import { roundSummaries } from '../rounds/sql.ts';
import { diffContent } from './diff.ts';
import { can } from './policy.ts';
import { commitment, contentFor, summary, view } from './present.ts';
import type { LoadedAgreement } from './row.ts';
import { agreements, agreementVersions } from './schema.ts';

const agreementColumns = {
  agreement: agreements,
  urbanName: sql<string>`urban_org.name`,
  urbanPath: sql<string>`urban_org.path`,
  ruralName: sql<string>`rural_org.name`,
  ruralPath: sql<string>`rural_org.path`,
  weakVillage: sql<boolean>`rural_org.weak_village`,
  urbanSignerName: displayNameOf(agreements.urbanSignedBy),
  ruralSignerName: displayNameOf(agreements.ruralSignedBy),
  // The rounds module's summaries: the signing stage is part of what the policy asks.
  roundState: sql<string>`(select r.state from ${roundSummaries} r where r.id = agreements.round_id)`,
};

const urbanOrg = [
  sql`org_directory urban_org`,
  sql`urban_org.id = ${agreements.urbanOrgId}`,
] as const;
const ruralOrg = [
  sql`org_directory rural_org`,
  sql`rural_org.id = ${agreements.ruralOrgId}`,
] as const;

const visibleTo = (scope: Scope): SQL =>
  or(withinScope(sql`urban_org.path`, scope), withinScope(sql`rural_org.path`, scope))!;

function selectAgreements(db: Db) {
  return db
    .select(agreementColumns)
    .from(agreements)
    .innerJoin(...urbanOrg)
    .innerJoin(...ruralOrg);
}

/**
 * The agreement if either party is inside the caller's scope; 404 otherwise (ids do not leak).
 * With `lock`, the row stays locked until the caller's transaction ends, so the version check,
 * the turn and the signatures of a write are decided by the database.
 */
export async function loadScoped(db: Db, scope: Scope, id: number, lock = false) {
  authorize(can, scope, 'read');
  const query = selectAgreements(db).where(and(eq(agreements.id, id), visibleTo(scope)));
  const [row] = await (lock ? query.for('update', { of: agreements }) : query);
  if (!row) throw notFound('协议不存在');
  return row as LoadedAgreement;
}

export type ListQuery = {
  roundId?: number;
  status?: 'draft' | 'signed';
  page: number;
  pageSize: number;
};

export async function listAgreements(
  db: Db,
  scope: Scope,
  query: ListQuery,
): Promise<Paged<AgreementSummary>> {
  authorize(can, scope, 'read');
  const where = and(
    visibleTo(scope),
    query.roundId === undefined ? undefined : eq(agreements.roundId, query.roundId),
    query.status === undefined ? undefined : eq(agreements.status, query.status),
  );
  const rows = (await selectAgreements(db)
    .where(where)
    .orderBy(desc(agreements.updatedAt), desc(agreements.id))
    .limit(query.pageSize)
    .offset(offsetOf(query.page, query.pageSize))) as LoadedAgreement[];
  const [{ total }] = await db
    .select({ total: count() })
    .from(agreements)
    .innerJoin(...urbanOrg)
    .innerJoin(...ruralOrg)
    .where(where);
  return {
    items: rows.map((row) => summary(scope, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getAgreement(db: Db, scope: Scope, id: number): Promise<AgreementView> {
  return view(scope, await loadScoped(db, scope, id));
}

export async function listVersions(db: Db, scope: Scope, id: number): Promise<AgreementVersion[]> {
  const row = await loadScoped(db, scope, id);
  const versions = await db
    .select({
      version: agreementVersions.version,
      side: agreementVersions.side,
      content: agreementVersions.content,
      editedBy: displayNameOf(agreementVersions.editedBy),
      editedAt: agreementVersions.editedAt,
    })
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, id))
    .orderBy(asc(agreementVersions.version));
  return versions.map((v) => ({
    ...v,
    content: contentFor(scope, row, v.content),
    editedAt: v.editedAt.toISOString(),
  }));
}

export async function diffVersions(
  db: Db,
  scope: Scope,
  id: number,
  from: number,
  to: number,
): Promise<AgreementDiff> {
  const row = await loadScoped(db, scope, id);
  const found = await db
    .select({ version: agreementVersions.version, content: agreementVersions.content })
    .from(agreementVersions)
    .where(
      and(
        eq(agreementVersions.agreementId, id),
        sql`${agreementVersions.version} in (${from}, ${to})`,
      ),
    );
  const before = found.find((v) => v.version === from);
  const after = found.find((v) => v.version === to);
  if (!before || !after) throw notFound('协议版本不存在');
  return {
    from,
    to,
    changes: diffContent(
      contentFor(scope, row, before.content),
      contentFor(scope, row, after.content),
    ),
  };
}

/** The agreement as its paper document shows it, phones masked as the caller reads them. */
export async function documentData(db: Db, scope: Scope, id: number): Promise<LoadedAgreement> {
  const row = await loadScoped(db, scope, id);
  return {
    ...row,
    agreement: { ...row.agreement, content: contentFor(scope, row, row.agreement.content) },
  };
}

/** 公开承诺 (R-ANNUAL-PLAN, R-DISCLOSE): signed agreements only, no personal phone numbers. */
export async function publicCommitment(db: Db, id: number): Promise<PublicCommitment> {
  const [row] = (await selectAgreements(db).where(
    and(eq(agreements.id, id), eq(agreements.status, 'signed')),
  )) as LoadedAgreement[];
  if (!row) throw notFound('协议不存在或尚未签署');
  return commitment(row);
}
