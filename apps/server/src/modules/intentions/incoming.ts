import { sql } from 'drizzle-orm';
import type { IncomingIntention, IntentionState, UnitProfile } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { resourcesOf } from '../rounds/read-for-intentions.ts';
import { intentionViews } from './queries.ts';

type ProfileRow = Omit<UnitProfile, 'resources'> & { id: number };

/**
 * A village or town deciding (its inbox): the intentions its side received, each with what it
 * needs to know of the unit — kind, budget, capacity, committee or district, 资源清单 (S2 §2.2).
 */
export async function incomingIntentions(
  db: Db,
  scope: Scope,
  now: Date,
  roundId: number,
  state?: IntentionState,
): Promise<IncomingIntention[]> {
  const views = await intentionViews(db, scope, now, roundId, { state, side: 'rural' });
  const unitIds = [...new Set(views.map((v) => v.urbanOrgId))];
  if (!unitIds.length) return [];
  const [profiles, resources] = await Promise.all([
    queryRows<ProfileRow>(
      db,
      sql`select u.id::int as "id", u.unit_type as "unitType",
                 u.yearly_budget::float8 as "yearlyBudget", u.capacity::int as "capacity",
                 p.name as "parentName",
                 case when p.kind in ('working_committee', 'district') then p.kind::text end as "parentKind"
          from org_directory u
          left join org_directory p on p.id = u.parent_id
          where u.id in (${sql.join(
            unitIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    ),
    resourcesOf(db, roundId, unitIds),
  ]);
  const byId = new Map(
    profiles.map(({ id, ...p }) => [
      id,
      {
        ...p,
        resources: resources
          .filter((r) => r.orgId === id)
          .map(({ category, note, amount }) => ({ category, note, amount })),
      },
    ]),
  );
  return views.map((v) => ({ ...v, unit: byId.get(v.urbanOrgId)! }));
}
