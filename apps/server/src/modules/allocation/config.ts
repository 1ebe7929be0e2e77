import type { AllocationPreference, RoundState } from '@pairing/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { authorize, abilitiesOn } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { queryRows } from '../../lib/rows.ts';
import { withinScope } from '../orgs/sql.ts';
import { getRound } from '../rounds/service.ts';
import { can, ensureState } from './policy.ts';
import { allocationPreferences, allocationSettings } from './schema.ts';
import { settingsOf } from './store.ts';
import type { AllocationSettings } from './settings.ts';

const presentSettings = (scope: Scope, roundState: RoundState, settings: AllocationSettings) => ({
  settings,
  abilities: abilitiesOn(can, scope, ['configure'], { roundState }),
});

export async function getSettings(db: Db, scope: Scope, roundId: number) {
  authorize(can, scope, 'readSettings');
  const round = await getRound(db, scope, roundId);
  return presentSettings(scope, round.state, await settingsOf(db, roundId));
}

/** Replace the round's weights (already validated and completed with defaults by the route). */
export async function putSettings(
  db: Db,
  scope: Scope,
  roundId: number,
  settings: AllocationSettings,
) {
  authorize(can, scope, 'configure');
  return db.transaction(async (tx) => {
    const round = await getRound(tx, scope, roundId, true);
    ensureState('configure', { roundState: round.state });
    const before = await settingsOf(tx, roundId);
    await tx
      .insert(allocationSettings)
      .values({ roundId, settings, updatedBy: scope.userId })
      .onConflictDoUpdate({
        target: allocationSettings.roundId,
        set: { settings, updatedBy: scope.userId, updatedAt: new Date() },
      });
    await recordAudit(tx, scope, {
      action: 'allocation.settings',
      entity: 'allocation_settings',
      entityId: roundId,
      scopePath: round.scopePath,
      before,
      after: settings,
    });
    return presentSettings(scope, round.state, settings);
  });
}

/** The unit, if it is an urban unit of the round inside the caller's scope; else 404. */
async function unitInScope(db: Db, scope: Scope, roundPath: string, unitId: number) {
  const [unit] = await queryRows<{ id: number; path: string }>(
    db,
    sql`select id::int as "id", path from org_directory where id = ${unitId}
      and kind = 'urban_unit' and ${withinScope(sql`path`, { path: roundPath })}
      and ${withinScope(sql`path`, scope)}`,
  );
  if (!unit) throw notFound('单位不存在');
  return unit;
}

export async function getPreferences(db: Db, scope: Scope, roundId: number, unitId: number) {
  authorize(can, scope, 'prefer');
  const round = await getRound(db, scope, roundId);
  await unitInScope(db, scope, round.scopePath, unitId);
  const items = await queryRows<AllocationPreference>(
    db,
    sql`select o.id::int as "ruralOrgId", o.name, o.kind::text as "kind"
      from allocation_preferences p join org_directory o on o.id = p.rural_org_id
      where p.round_id = ${roundId} and p.urban_org_id = ${unitId} order by o.path`,
  );
  return { items, abilities: abilitiesOn(can, scope, ['prefer'], { roundState: round.state }) };
}

/**
 * A unit's stated preference (S2 §2.1 科学结对): districts, towns or villages of the round it
 * would like to help. Replaces the whole list; the cost builder lowers the cost of every target
 * under a preferred org.
 */
export async function setPreferences(
  db: Db,
  scope: Scope,
  roundId: number,
  unitId: number,
  ruralOrgIds: number[],
) {
  authorize(can, scope, 'prefer');
  return db.transaction(async (tx) => {
    const round = await getRound(tx, scope, roundId);
    ensureState('prefer', { roundState: round.state });
    const unit = await unitInScope(tx, scope, round.scopePath, unitId);
    const ids = [...new Set(ruralOrgIds)];
    const found = ids.length
      ? await queryRows<{ id: number }>(
          tx,
          sql`select id::int as "id" from org_directory
            where id = any(${`{${ids.join(',')}}`}::bigint[])
            and kind in ('district', 'town', 'village')
            and ${withinScope(sql`path`, { path: round.scopePath })}`,
        )
      : [];
    const unknown = ids.filter((id) => !found.some((f) => f.id === id));
    if (unknown.length)
      throw invalid('意向地区有误', {
        ruralOrgIds: `不是本轮范围内的区县、乡镇或村：${unknown.join('、')}`,
      });
    const before = await tx
      .delete(allocationPreferences)
      .where(
        and(
          eq(allocationPreferences.roundId, roundId),
          eq(allocationPreferences.urbanOrgId, unitId),
        ),
      )
      .returning({ ruralOrgId: allocationPreferences.ruralOrgId });
    if (ids.length)
      await tx
        .insert(allocationPreferences)
        .values(ids.map((ruralOrgId) => ({ roundId, urbanOrgId: unitId, ruralOrgId })));
    await recordAudit(tx, scope, {
      action: 'allocation.preferences',
      entity: 'allocation_preferences',
      entityId: unitId,
      scopePath: unit.path,
      before: before.map((b) => b.ruralOrgId),
      after: ids,
    });
    return getPreferences(tx, scope, roundId, unitId);
  });
}
