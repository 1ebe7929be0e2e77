import { and, eq, sql } from 'drizzle-orm';
import type { QuotaRecord, QuotaView } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { orgs } from '../orgs/schema.ts';
import { authorize } from './policy.ts';
import { queryRows } from '../../lib/rows.ts';
import { roundQuotas } from './schema.ts';
import { getRound } from './service.ts';

export type QuotaInput = {
  orgId: number;
  towns: number;
  villages: number;
  weakVillages: number;
  note?: string | null;
};

/** R-QUOTA: set (or replace) the quota of one district Party committee or working committee. */
export async function setQuota(db: Db, scope: Scope, roundId: number, input: QuotaInput) {
  authorize(scope, 'manage');
  return db.transaction(async (tx) => {
    const round = await getRound(tx, scope, roundId, true);
    if (round.state === 'closed' || round.state === 'in_force')
      throw conflict('round_not_editable', '本轮结对已进入实施阶段，不能再调整任务建议书');
    const [org] = await tx
      .select({ id: orgs.id, path: orgs.path })
      .from(orgs)
      .where(
        and(
          eq(orgs.id, input.orgId),
          sql`${orgs.kind} in ('district', 'working_committee')`,
          sql`${orgs.path} like ${pathPrefix(round.scopePath)}`,
        ),
      );
    if (!org) throw notFound('区县党委或工作党委不存在');
    const values = {
      roundId,
      orgId: org.id,
      towns: input.towns,
      villages: input.villages,
      weakVillages: input.weakVillages,
      note: input.note ?? null,
    };
    const [row] = await tx
      .insert(roundQuotas)
      .values(values)
      .onConflictDoUpdate({
        target: [roundQuotas.roundId, roundQuotas.orgId],
        set: { ...values, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(tx, scope, {
      action: 'round.quota_set',
      entity: 'round_quota',
      entityId: row.id,
      scopePath: org.path,
      after: row,
    });
    return row;
  });
}

/** A saved quota as `PUT /api/rounds/:id/quotas` answers it: times are ISO strings. */
export const presentQuota = ({
  createdAt,
  updatedAt,
  ...quota
}: typeof roundQuotas.$inferSelect): QuotaRecord => ({
  ...quota,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

const quotaSelect = (roundId: number) => sql`
  select q.id::int as "id", o.id::int as "orgId", o.name as "orgName", o.kind::text as "orgKind",
         q.towns, q.villages, q.weak_villages as "weakVillages", q.note,
         json_build_object(
           'towns', count(distinct r.id) filter (where r.kind = 'town'),
           'villages', count(distinct r.id) filter (where r.kind = 'village'),
           'weakVillages', count(distinct r.id) filter (where r.kind = 'village' and r.weak_village)
         ) as "progress"
  from round_quotas q
  join orgs o on o.id = q.org_id
  left join intentions i on i.round_id = q.round_id and i.state = 'accepted'
    and exists (select 1 from orgs u where u.id = i.urban_org_id and u.path like o.path || '%')
  left join orgs r on r.id = i.rural_org_id
  where q.round_id = ${roundId}`;

/** Quotas of the orgs inside the caller's scope (a district admin sees its own). */
export async function listQuotas(db: Db, scope: Scope, roundId: number): Promise<QuotaView[]> {
  authorize(scope, 'readQuotas');
  await getRound(db, scope, roundId);
  return queryRows<QuotaView>(
    db,
    sql`${quotaSelect(roundId)}
    and o.path like ${pathPrefix(scope.path)} group by q.id, o.id order by o.code nulls last, o.id`,
  );
}

export async function getQuota(db: Db, scope: Scope, roundId: number, quotaId: number) {
  authorize(scope, 'readQuotas');
  const round = await getRound(db, scope, roundId);
  const [quota] = await queryRows<QuotaView>(
    db,
    sql`${quotaSelect(roundId)}
    and q.id = ${quotaId} and o.path like ${pathPrefix(scope.path)} group by q.id, o.id`,
  );
  if (!quota) throw notFound('任务建议书不存在');
  const [city] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, round.orgId));
  return { round, quota, issuer: city?.name ?? '' };
}
