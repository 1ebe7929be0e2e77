import { sql } from 'drizzle-orm';
import type { QuotaInput, QuotaRecord, QuotaView } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { authorize } from '../../lib/policy.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import { can } from './policy.ts';
import type { IntentionsReader } from './ports.ts';
import { roundQuotas } from './schema.ts';
import { getRound } from './service.ts';
import { quotaProgress } from './sql.ts';

/** R-QUOTA: set (or replace) the quota of one district Party committee or working committee. */
export async function setQuota(db: Db, scope: Scope, roundId: number, input: QuotaInput) {
  authorize(can, scope, 'manage');
  return db.transaction(async (tx) => {
    const round = await getRound(tx, scope, roundId, true);
    if (!can(scope, 'setQuotas', round))
      throw conflict('round_not_editable', '本轮结对已进入实施阶段，不能再调整任务建议书');
    const [org] = await queryRows<{ id: number; path: string }>(
      tx,
      sql`select id::int as "id", path from org_directory
        where id = ${input.orgId} and kind in ('district', 'working_committee')
          and ${withinScope(sql`path`, { path: round.scopePath })}`,
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

const quotaSelect = (reader: IntentionsReader, roundId: number) => {
  const accepted = reader.acceptedPairs(roundId);
  return sql`
  select p.quota_id::int as "id", o.id::int as "orgId", o.name as "orgName",
         o.kind::text as "orgKind", p.towns, p.villages, p.weak_villages as "weakVillages", p.note,
         json_build_object('towns', p.done_towns, 'villages', p.done_villages,
           'weakVillages', p.done_weak_villages) as "progress"
  from ${quotaProgress(roundId, accepted)} p
  join org_directory o on o.id = p.org_id`;
};

/** Quotas of the orgs inside the caller's scope (a district admin sees its own). */
export async function listQuotas(
  db: Db,
  reader: IntentionsReader,
  scope: Scope,
  roundId: number,
): Promise<QuotaView[]> {
  authorize(can, scope, 'readQuotas');
  await getRound(db, scope, roundId);
  return queryRows<QuotaView>(
    db,
    sql`${quotaSelect(reader, roundId)}
    where ${withinScope(sql`o.path`, scope)} order by o.code nulls last, o.id`,
  );
}

export async function getQuota(
  db: Db,
  reader: IntentionsReader,
  scope: Scope,
  roundId: number,
  quotaId: number,
) {
  authorize(can, scope, 'readQuotas');
  const round = await getRound(db, scope, roundId);
  const [quota] = await queryRows<QuotaView>(
    db,
    sql`${quotaSelect(reader, roundId)}
    where p.quota_id = ${quotaId} and ${withinScope(sql`o.path`, scope)}`,
  );
  if (!quota) throw notFound('任务建议书不存在');
  const [city] = await queryRows<{ name: string }>(
    db,
    sql`select name from org_directory where id = ${round.orgId}`,
  );
  return { round, quota, issuer: city?.name ?? '' };
}
