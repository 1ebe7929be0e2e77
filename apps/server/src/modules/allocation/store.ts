import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { getRound, type Round } from '../rounds/service.ts';
import { ensureState, type AllocationAction } from './policy.ts';
import { allocationRuns, allocationSettings } from './schema.ts';
import { readSettings } from './settings.ts';

export type Run = typeof allocationRuns.$inferSelect;

export async function settingsOf(db: Db, roundId: number) {
  const [row] = await db
    .select({ settings: allocationSettings.settings })
    .from(allocationSettings)
    .where(eq(allocationSettings.roundId, roundId));
  return readSettings(row?.settings ?? {});
}

/** The round (404 outside the caller's scope), locked, in a state where `action` may be taken. */
export async function openRound(
  tx: Db,
  scope: Scope,
  roundId: number,
  action: AllocationAction,
): Promise<Round> {
  const round = await getRound(tx, scope, roundId, true);
  ensureState(action, { roundState: round.state });
  return round;
}

/** The run of this round, optionally locked; 404 when it belongs to another round. */
export async function findRun(db: Db, roundId: number, runId: number, lock = false) {
  const query = db
    .select()
    .from(allocationRuns)
    .where(and(eq(allocationRuns.id, runId), eq(allocationRuns.roundId, roundId)));
  const [run] = lock ? await query.for('update') : await query;
  if (!run) throw notFound('分配方案不存在');
  return run;
}

/** The run, locked, where `action` may be taken: edits and re-runs start from the proposal only. */
export async function openRun(tx: Db, round: Round, runId: number, action: AllocationAction) {
  const run = await findRun(tx, round.id, runId, true);
  ensureState(action, { roundState: round.state, runStatus: run.status });
  return run;
}

/** Insert rows in chunks that stay under PostgreSQL's parameter limit. */
export async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}
