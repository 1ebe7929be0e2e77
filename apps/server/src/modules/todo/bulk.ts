// The work a district, a working committee or the city oversees in bulk across its scope: allocated
// pairs still unconfirmed, quotas behind (R-QUOTA) and rural targets still uncovered (R-COVERAGE),
// one item per round in its intention or balancing phase.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import {
  acceptedPairs,
  allocatedUnconfirmed,
  coveredInRound,
} from '../intentions/read-for-todo.ts';
import { withinScope } from '../orgs/sql.ts';
import { quotaProgress, ruralTarget, type RoundDeadlines } from '../rounds/read-for-todo.ts';
import { phaseDeadline, type Pending } from './items.ts';

/** Rounds whose coverage is still being decided: intentions open, or the city balancing. */
export const decidingRounds = (rounds: readonly RoundDeadlines[]) =>
  rounds.filter((r) => r.state === 'intentions_open' || r.state === 'balancing');

async function allocatedInBulk(db: Db, scope: Scope, round: RoundDeadlines): Promise<Pending[]> {
  const [{ count }] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as "count" from ${allocatedUnconfirmed} a
      join org_directory u on u.id = a.urban_org_id
      join org_directory r on r.id = a.rural_org_id
      where a.round_id = ${round.id}
        and (${withinScope(sql`u.path`, scope)} or ${withinScope(sql`r.path`, scope)})`,
  );
  return [
    {
      kind: 'allocatedToConfirmInBulk',
      count,
      title: `「${round.name}」${count} 对组织分配的结对尚待双方确认`,
      deadline: phaseDeadline(round),
      link: '/allocation',
    },
  ];
}

type Shortfall = { behind: number; towns: number; villages: number; weak: number };

/**
 * The quotas of the round inside the scope not yet met: a district or working committee sees its
 * own shortfall; the city, how many of its districts and committees are behind.
 */
async function quotasBehind(db: Db, scope: Scope, round: RoundDeadlines): Promise<Pending[]> {
  const [s] = await queryRows<Shortfall>(
    db,
    sql`select count(*)::int as "behind",
        coalesce(sum(greatest(p.towns - p.done_towns, 0)), 0)::int as "towns",
        coalesce(sum(greatest(p.villages - p.done_villages, 0)), 0)::int as "villages",
        coalesce(sum(greatest(p.weak_villages - p.done_weak_villages, 0)), 0)::int as "weak"
      from ${quotaProgress(round.id, acceptedPairs(round.id))} p
      join org_directory o on o.id = p.org_id
      where ${withinScope(sql`o.path`, scope)}
        and (p.done_towns < p.towns or p.done_villages < p.villages
          or p.done_weak_villages < p.weak_villages)`,
  );
  if (s.behind === 0) return [];
  const short = [
    s.villages ? `村 ${s.villages} 个` : '',
    s.towns ? `镇 ${s.towns} 个` : '',
    s.weak ? `经济薄弱村 ${s.weak} 个` : '',
  ]
    .filter(Boolean)
    .join('、');
  const own = scope.role !== 'city_admin';
  return [
    {
      kind: 'quotaBehind',
      count: own ? Math.max(s.villages + s.towns, s.weak, 1) : s.behind,
      title: own
        ? `「${round.name}」配额尚差：${short}`
        : `「${round.name}」${s.behind} 个区、工委尚未完成配额（共差${short}）`,
      deadline: phaseDeadline(round),
      link: `/rounds/${round.id}`,
    },
  ];
}

/** R-COVERAGE: the round's towns and villages in the scope without a unit yet. */
async function uncovered(db: Db, scope: Scope, round: RoundDeadlines): Promise<Pending[]> {
  const [{ count, weak }] = await queryRows<{ count: number; weak: number }>(
    db,
    sql`select count(*)::int as "count", count(*) filter (where o.weak_village)::int as "weak"
      from org_directory o
      where ${ruralTarget('o')}
        and ${withinScope(sql`o.path`, { path: round.scopePath })}
        and ${withinScope(sql`o.path`, scope)}
        and not ${coveredInRound(round.id, sql`o.id`)}`,
  );
  return [
    {
      kind: 'villagesUncovered',
      count,
      title: `「${round.name}」${count} 个村镇尚无结对单位${weak ? `（其中经济薄弱村 ${weak} 个）` : ''}`,
      deadline: phaseDeadline(round),
      link: `/rounds/${round.id}/uncovered`,
    },
  ];
}

/** Every bulk item of the scope over the rounds still deciding their coverage. */
export async function bulkWaiting(
  db: Db,
  scope: Scope,
  rounds: readonly RoundDeadlines[],
): Promise<Pending[]> {
  const found = await Promise.all(
    decidingRounds(rounds).flatMap((round) => [
      allocatedInBulk(db, scope, round),
      quotasBehind(db, scope, round),
      uncovered(db, scope, round),
    ]),
  );
  return found.flat();
}
