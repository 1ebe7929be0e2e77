// The work of the caller's own organization on one side of its pairs: a unit (urban side), a
// village or a town (rural side). Each query reads one owning module's published SQL.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import { draftsAwaiting } from '../agreements/read-for-todo.ts';
import {
  awaitingAnswerOf,
  renewalsAwaitingOneSide,
  type Side,
} from '../intentions/read-for-todo.ts';
import { dutiesOf, type OwnDuty } from '../ledger/read-for-todo.ts';
import type { RoundDeadlines } from '../rounds/read-for-todo.ts';
import { phaseDeadline, type Waiting } from './items.ts';

type Rounds = Map<number, RoundDeadlines>;

/** Where a side answers intentions and renewals: the unit's selection page, the rural inbox. */
const answerPage = (side: Side) => (side === 'urban' ? '/intentions/select' : '/intentions/inbox');

/** Choices to accept or refuse (rural side) and allocated pairs to confirm (either side). */
async function intentionsWaiting(db: Db, side: Side, orgId: number, rounds: Rounds) {
  const rows = await queryRows<{ roundId: number; other: string; allocated: boolean }>(
    db,
    sql`select i.round_id::int as "roundId", o.name as "other", i.allocated
      from ${awaitingAnswerOf(side, orgId)} i join org_directory o on o.id = i.other_org_id`,
  );
  return rows.flatMap((row): Waiting[] => {
    const round = rounds.get(row.roundId);
    if (!round) return [];
    const page = answerPage(side);
    if (row.allocated) {
      // An allocated pair is published while balancing, and may be confirmed then too.
      if (round.state !== 'intentions_open' && round.state !== 'balancing') return [];
      return [
        {
          kind: 'allocatedToConfirm',
          deadline: phaseDeadline(round),
          link: page,
          listLink: page,
          title: `与 ${row.other} 的组织分配结对`,
        },
      ];
    }
    if (round.state !== 'intentions_open') return [];
    return [
      {
        kind: 'intentionsToDecide',
        deadline: round.intentionDeadline,
        link: page,
        listLink: page,
        title: `${row.other} 的结对意向`,
      },
    ];
  });
}

/** R-ROUND-RENEW: renewals the other side has confirmed, awaiting this side's answer. */
async function renewalsWaiting(db: Db, side: Side, orgId: number, rounds: Rounds) {
  const mine = sql.raw(side === 'urban' ? 'rn.urban_org_id' : 'rn.rural_org_id');
  const theirs = sql.raw(side === 'urban' ? 'rn.rural_org_id' : 'rn.urban_org_id');
  const rows = await queryRows<{ roundId: number; other: string }>(
    db,
    sql`select rn.round_id::int as "roundId", o.name as "other"
      from ${renewalsAwaitingOneSide} rn join org_directory o on o.id = ${theirs}
      where rn.awaiting = ${side} and ${mine} = ${orgId}`,
  );
  return rows.flatMap((row): Waiting[] => {
    const round = rounds.get(row.roundId);
    if (round?.state !== 'intentions_open') return [];
    return [
      {
        kind: 'renewalToAnswer',
        deadline: round.intentionDeadline,
        link: answerPage(side),
        listLink: answerPage(side),
        title: `与 ${row.other} 的续签`,
      },
    ];
  });
}

/** Drafts where this side holds the pen, or whose signature the other side awaits. */
async function draftsWaiting(db: Db, side: Side, orgId: number, rounds: Rounds) {
  const rows = await queryRows<{
    id: number;
    roundId: number;
    other: string;
    amendment: boolean;
    waiting: 'pen' | 'signature';
  }>(
    db,
    sql`select a.id::int as "id", a.round_id::int as "roundId", o.name as "other", a.amendment,
        a.waiting
      from ${draftsAwaiting(side, orgId)} a join org_directory o on o.id = a.other_org_id`,
  );
  return rows.map((row): Waiting => {
    const round = rounds.get(row.roundId);
    // An amendment has no deadline; an original is due by its round's signing deadline.
    const deadline = !row.amendment && round ? round.signingDeadline : null;
    const document = row.amendment ? '补充协议' : '结对协议';
    return {
      kind: row.waiting === 'pen' ? 'agreementPen' : 'signatureDue',
      deadline,
      link: `/agreements/${row.id}`,
      listLink: '/agreements',
      title: `与 ${row.other} 的${document}`,
    };
  });
}

/**
 * Duties of the org's pairings due soon or missed lately (quarterly reports apart), one item per
 * pairing and day naming its rules.
 */
async function dutiesWaiting(db: Db, orgId: number, today: string) {
  const groups = new Map<string, OwnDuty[]>();
  for (const duty of await dutiesOf(db, orgId, today)) {
    const key = `${duty.pairingId}|${duty.due}|${duty.missed}|${duty.report}`;
    groups.set(key, [...(groups.get(key) ?? []), duty]);
  }
  return [...groups.values()].map((duties): Waiting => {
    const [duty] = duties;
    const labels = [...new Set(duties.map((d) => d.label))].join('、');
    return {
      kind: duty.report ? 'reportDue' : 'dutyDue',
      deadline: duty.due,
      link: `/pairings/${duty.pairingId}`,
      listLink: '/pairings',
      title: `与 ${duty.partner} 的结对：${labels}${duty.missed ? '（已逾期）' : ''}`,
      count: duties.length,
    };
  });
}

/** Everything awaiting org `orgId` on `side`, one row per object. */
export async function ownWaiting(
  db: Db,
  side: Side,
  orgId: number,
  rounds: Rounds,
  today: string,
): Promise<Waiting[]> {
  const found = await Promise.all([
    intentionsWaiting(db, side, orgId, rounds),
    renewalsWaiting(db, side, orgId, rounds),
    draftsWaiting(db, side, orgId, rounds),
    dutiesWaiting(db, orgId, today),
  ]);
  return found.flat();
}
