import { sql } from 'drizzle-orm';
import type { RenewalConfirmation, RenewalView } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { notifyBoard } from '../../lib/notify.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { createDraftAgreement } from '../agreements/service.ts';
import { isPast } from '../rounds/dates.ts';
import { isoTimeOrNull, queryRows, type RowTime } from '../../lib/rows.ts';
import { getRound } from '../rounds/service.ts';
import { deadlinePassed, duplicateIntention, roundNotOpen } from './errors.ts';
import { authorize, isUrbanRole } from './policy.ts';
import { isUniqueViolation, takePlaces } from './service.ts';

/** Both sides' answers as the statements return them (times as PostgreSQL's text). */
type Answers = {
  urbanConfirmedAt: RowTime | null;
  ruralConfirmedAt: RowTime | null;
  declinedAt: RowTime | null;
};

type RenewalRow = Omit<RenewalView, keyof Answers> & Answers;

const presentAnswers = (row: Answers): Answers => ({
  urbanConfirmedAt: isoTimeOrNull(row.urbanConfirmedAt),
  ruralConfirmedAt: isoTimeOrNull(row.ruralConfirmedAt),
  declinedAt: isoTimeOrNull(row.declinedAt),
});

const view = (roundId: number) => sql`
  select rn.id::int as "renewalId", p.id::int as "previousIntentionId",
         uo.id::int as "urbanOrgId", uo.name as "urbanOrgName", uo.path as "urbanPath",
         ro.id::int as "ruralOrgId", ro.name as "ruralOrgName", ro.path as "ruralPath",
         rn.urban_confirmed_at as "urbanConfirmedAt", rn.rural_confirmed_at as "ruralConfirmedAt",
         rn.declined_at as "declinedAt", rn.intention_id::int as "intentionId"
  from rounds r
  join intentions p on p.round_id = r.previous_round_id and p.state = 'accepted'
  join orgs uo on uo.id = p.urban_org_id
  join orgs ro on ro.id = p.rural_org_id
  left join renewals rn on rn.round_id = r.id and rn.previous_intention_id = p.id
  where r.id = ${roundId}`;

/** R-ROUND-RENEW: the previous round's pairs in the caller's scope, with both sides' answers. */
export async function listRenewals(db: Db, scope: Scope, roundId: number): Promise<RenewalView[]> {
  authorize(scope, 'read');
  await getRound(db, scope, roundId);
  const rows = await queryRows<RenewalRow & { urbanPath: string; ruralPath: string }>(
    db,
    sql`${view(roundId)} and (uo.path like ${pathPrefix(scope.path)} or ro.path like ${pathPrefix(scope.path)})
      order by p.id`,
  );
  return rows.map(({ urbanPath: _u, ruralPath: _r, ...rest }) => ({
    ...rest,
    ...presentAnswers(rest),
  }));
}

/**
 * One side confirms the renewal of a previous-round pair. The second confirmation turns it into
 * an accepted intention of the new round (taking a place like any intention, R-COVERAGE counts it)
 * and creates its draft agreement.
 */
export async function confirmRenewal(
  db: Db,
  scope: Scope,
  clock: Clock,
  roundId: number,
  previousIntentionId: number,
): Promise<RenewalConfirmation['renewal']> {
  authorize(scope, 'renew');
  const side = isUrbanRole(scope.role) ? 'urban' : 'rural';
  const now = clock.now();
  return db.transaction(async (tx) => {
    const round = await getRound(tx, scope, roundId);
    if (round.state !== 'intentions_open') throw roundNotOpen(round.state);
    if (isPast(round.intentionDeadline, now)) throw deadlinePassed(round.intentionDeadline);
    const sidePath = side === 'urban' ? sql`uo.path` : sql`ro.path`;
    const [pair] = await queryRows<
      RenewalRow & { urbanPath: string; ruralPath: string; capacity: number; provinceCode: string }
    >(
      tx,
      sql`${view(roundId)} and p.id = ${previousIntentionId} and ${sidePath} like ${pathPrefix(scope.path)}`,
    );
    if (!pair) throw notFound('上一轮结对不存在');
    await tx.execute(sql`insert into renewals (round_id, previous_intention_id, urban_org_id, rural_org_id)
      values (${roundId}, ${previousIntentionId}, ${pair.urbanOrgId}, ${pair.ruralOrgId})
      on conflict (round_id, previous_intention_id) do nothing`);
    const [renewal] = await queryRows<Answers & { id: number; intentionId: number | null }>(
      tx,
      sql`select id::int as "id", urban_confirmed_at as "urbanConfirmedAt", rural_confirmed_at as "ruralConfirmedAt",
          declined_at as "declinedAt", intention_id::int as "intentionId"
        from renewals where round_id = ${roundId} and previous_intention_id = ${previousIntentionId} for update`,
    );
    if (renewal.declinedAt)
      throw conflict('renewal_declined', '一方已表示不再续签，请重新选择结对对象');
    if (renewal.intentionId)
      return { id: renewal.id, side, intentionId: renewal.intentionId, completed: true };
    const mine =
      side === 'urban'
        ? sql`urban_confirmed_by = ${scope.userId}, urban_confirmed_at = ${now}`
        : sql`rural_confirmed_by = ${scope.userId}, rural_confirmed_at = ${now}`;
    await tx.execute(sql`update renewals set ${mine} where id = ${renewal.id}`);
    const other = side === 'urban' ? renewal.ruralConfirmedAt : renewal.urbanConfirmedAt;
    let intentionId: number | null = null;
    if (other) {
      const [unit] = await queryRows<{ capacity: number; provinceCode: string }>(
        tx,
        sql`select coalesce(u.capacity, 1) as "capacity", r.province_code as "provinceCode"
          from orgs u, orgs r where u.id = ${pair.urbanOrgId} and r.id = ${pair.ruralOrgId}`,
      );
      await takePlaces(
        tx,
        roundId,
        pair.ruralOrgId,
        pair.urbanOrgId,
        round.villageCap,
        unit.capacity,
      );
      try {
        [{ id: intentionId }] = await queryRows<{ id: number }>(
          tx,
          sql`insert into intentions (round_id, urban_org_id, rural_org_id, state, source, province_code,
              submitted_by, submitted_at, decided_by, decided_at)
            values (${roundId}, ${pair.urbanOrgId}, ${pair.ruralOrgId}, 'accepted', 'renewal', ${unit.provinceCode},
              ${scope.userId}, ${now}, ${scope.userId}, ${now})
            returning id::int as "id"`,
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateIntention();
        throw err;
      }
      await tx.execute(
        sql`update renewals set intention_id = ${intentionId} where id = ${renewal.id}`,
      );
      await createDraftAgreement(tx, { intentionId, actor: scope });
    }
    await recordAudit(tx, scope, {
      action: intentionId ? 'renewal.completed' : 'renewal.confirmed',
      entity: 'renewal',
      entityId: renewal.id,
      scopePath: pair.ruralPath,
      after: { side, previousIntentionId, intentionId },
    });
    await notifyBoard(tx, roundId);
    return { id: renewal.id, side, intentionId, completed: intentionId != null };
  });
}

/** Either side says no, as long as the renewal is not complete. */
export async function declineRenewal(db: Db, scope: Scope, clock: Clock, renewalId: number) {
  authorize(scope, 'renew');
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{
      id: number;
      intentionId: number | null;
      declinedAt: RowTime | null;
      ruralPath: string;
    }>(
      tx,
      sql`select rn.id::int as "id", rn.intention_id::int as "intentionId", rn.declined_at as "declinedAt", ro.path as "ruralPath"
        from renewals rn join orgs uo on uo.id = rn.urban_org_id join orgs ro on ro.id = rn.rural_org_id
        where rn.id = ${renewalId}
          and ${isUrbanRole(scope.role) ? sql`uo.path` : sql`ro.path`} like ${pathPrefix(scope.path)}
        for update of rn`,
    );
    if (!row) throw notFound('续签记录不存在');
    if (row.intentionId) throw conflict('renewal_completed', '双方已确认续签，不能再撤销');
    if (!row.declinedAt)
      await tx.execute(
        sql`update renewals set declined_by = ${scope.userId}, declined_at = ${clock.now()} where id = ${row.id}`,
      );
    await recordAudit(tx, scope, {
      action: 'renewal.declined',
      entity: 'renewal',
      entityId: row.id,
      scopePath: row.ruralPath,
    });
    return { id: row.id, declined: true as const };
  });
}
