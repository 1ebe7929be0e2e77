import { eq, sql } from 'drizzle-orm';
import {
  roundStateLabels,
  type RoundState,
  type TransitionInput,
  type TransitionPreview,
  type UnfinishedItem,
  type UnfinishedKind,
} from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { notifyBoard } from '../../lib/notify.ts';
import { authorize } from '../../lib/policy.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';
import { daysLeft, isPast } from './dates.ts';
import { can } from './policy.ts';
import type { IntentionsReader, StageCounts, StageWork } from './ports.ts';
import { ruralTarget } from './rural.ts';
import { rounds } from './schema.ts';
import { getRound, type Round } from './service.ts';
import { orgsBehindQuota } from './sql.ts';
import { stagePlan } from './stages.ts';
import { assertTransition } from './states.ts';

/** The modules a stage change reads and closes work in (wired in the modules index). */
export type StagePorts = { reader: IntentionsReader; work: StageWork };

/** Uncovered rural targets of the round (R-COVERAGE) and districts behind their quota (R-QUOTA). */
async function coverageGaps(db: Db, reader: IntentionsReader, round: Round): Promise<StageCounts> {
  const [gaps] = await queryRows<StageCounts>(
    db,
    sql`select
        (select count(*)::int from org_directory o
          where starts_with(o.path, ${round.scopePath}) and ${ruralTarget('o')}
            and not ${reader.coveredInRound(round.id, sql`o.id`)}) as "uncoveredTargets",
        (select count(*)::int from org_directory o
          where starts_with(o.path, ${round.scopePath}) and ${ruralTarget('o')}
            and o.kind = 'village' and o.weak_village
            and not ${reader.coveredInRound(round.id, sql`o.id`)}) as "uncoveredWeakVillages",
        (select count(*)::int from (${orgsBehindQuota(round.id, reader.acceptedPairs(round.id))}) b)
          as "quotasBehind"`,
  );
  return gaps;
}

/** A deadline day not yet past: its count is the days left, the day itself included. */
const ahead = (day: string, now: Date) => (isPast(day, now) ? 0 : daysLeft(day, now) + 1);

async function unfinished(
  db: Db,
  ports: StagePorts,
  round: Round,
  to: RoundState,
  now: Date,
): Promise<UnfinishedItem[]> {
  const plan = stagePlan[to];
  const kinds = Object.keys(plan) as UnfinishedKind[];
  if (kinds.length === 0) return [];
  const dates: Partial<Record<UnfinishedKind, string>> = {
    intentionDeadlineAhead: round.intentionDeadline,
    signingDeadlineAhead: round.signingDeadline,
    termAhead: round.termEnd,
  };
  const counts: StageCounts = {
    ...(await ports.work.unfinished(db, round)),
    ...(await coverageGaps(db, ports.reader, round)),
    ...Object.fromEntries(Object.entries(dates).map(([k, day]) => [k, ahead(day, now)])),
  };
  return kinds
    .map((kind) => ({
      kind,
      count: counts[kind] ?? 0,
      outcome: plan[kind]!,
      date: dates[kind] ?? null,
    }))
    .filter((item) => item.count > 0);
}

/** What moving the round to `to` would leave unfinished, and what the move does to each. */
export async function previewTransition(
  db: Db,
  scope: Scope,
  clock: Clock,
  ports: StagePorts,
  id: number,
  to: RoundState,
): Promise<TransitionPreview> {
  authorize(can, scope, 'manage');
  const round = await getRound(db, scope, id);
  assertTransition(round.state, to);
  const items = await unfinished(db, ports, round, to, clock.now());
  return { from: round.state, to, items, needsConfirmation: items.length > 0 };
}

function unconfirmed(input: TransitionInput, items: UnfinishedItem[]) {
  const fields: Record<string, string> = {};
  if (input.confirm !== true) fields.confirm = '请确认已了解未完成事项的处理方式';
  if (!input.reason) fields.reason = '请填写变更原因';
  return new AppError(
    409,
    'transition_unconfirmed',
    `本轮还有 ${items.length} 类未完成事项，须确认其处理方式并填写变更原因后才能变更`,
    fields,
  );
}

/**
 * Move the round one phase on (states.ts). Unfinished work (the preview, computed again under the
 * round's row lock, which waits for writes in flight and holds off new ones) needs `confirm` and
 * a `reason`; the move then gives each kind its outcome (stages.ts) in the same transaction, and
 * the audit record keeps the reason, what was unfinished and what was closed.
 */
export async function transitionRound(
  db: Db,
  scope: Scope,
  clock: Clock,
  ports: StagePorts,
  id: number,
  input: TransitionInput,
) {
  authorize(can, scope, 'manage');
  const now = clock.now();
  return db.transaction(async (tx) => {
    const before = await getRound(tx, scope, id, true);
    assertTransition(before.state, input.to);
    const items = await unfinished(tx, ports, before, input.to, now);
    if (items.length > 0 && (input.confirm !== true || !input.reason))
      throw unconfirmed(input, items);
    const reason = input.reason || null;
    const toLapse = items.filter((i) => i.outcome === 'lapse').map((i) => i.kind);
    const closedReason = `轮次进入「${roundStateLabels[input.to]}」时未完成，已失效：${reason ?? ''}`;
    const closed = toLapse.length
      ? await ports.work.lapse(tx, scope, before, toLapse, closedReason, now)
      : {};
    const [after] = await tx
      .update(rounds)
      .set({ state: input.to, updatedAt: now })
      .where(eq(rounds.id, id))
      .returning();
    await recordAudit(tx, scope, {
      action: 'round.transition',
      entity: 'round',
      entityId: id,
      scopePath: after.scopePath,
      before: { state: before.state },
      after: {
        state: input.to,
        label: roundStateLabels[input.to],
        ...(reason ? { reason } : {}),
        ...(items.length ? { unfinished: items, closed } : {}),
      },
    });
    await notifyBoard(tx, id);
    return after;
  });
}
