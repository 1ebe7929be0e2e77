// Compliance as days pass (issue 12 item 7): every server process checks each minute whether the
// China-time day has changed and, if so, recomputes every pairing for the new day. The processes
// of a deployment share one run per day through `compliance_runs`: a process claims the day with a
// lease it renews after each batch; a run whose process died is taken over once its lease lapses.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { ScheduledJob } from '../../jobs/schedules.ts';
import { todayOf } from '../days.ts';
import { recomputeAll, type RecomputeProgress } from './recompute.ts';

export type DailyContext = Pick<AppContext, 'dbh' | 'clock'>;

/** A claim not renewed for this long belongs to a process that stopped. */
export const LEASE_MS = 5 * 60_000;

export type DailyOptions = {
  /** Who claims the day; unique per process by default. */
  worker?: string;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RecomputeProgress) => void;
  onFailure?: (pairingId: number, error: unknown) => void;
};

export type DailyOutcome =
  | { day: string; state: 'ran'; progress: RecomputeProgress }
  /** Another process has run it or is running it. */
  | { day: string; state: 'finished' | 'busy' };

const processWorker = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** Claim the day unless it is finished or another live process holds it. */
async function claim(ctx: DailyContext, day: string, worker: string) {
  const now = ctx.clock.now();
  const lapsed = new Date(now.getTime() - LEASE_MS);
  const [claimed] = await queryRows<{ day: string }>(
    ctx.dbh.db,
    sql`insert into compliance_runs (day, claimed_by, claimed_at)
      values (${day}, ${worker}, ${now.toISOString()})
      on conflict (day) do update set claimed_by = excluded.claimed_by,
        claimed_at = excluded.claimed_at
      where compliance_runs.finished_at is null
        and (compliance_runs.claimed_by = excluded.claimed_by
          or compliance_runs.claimed_at < ${lapsed.toISOString()})
      returning day::text as day`,
  );
  if (claimed) return 'claimed';
  const [run] = await queryRows<{ finished: boolean }>(
    ctx.dbh.db,
    sql`select finished_at is not null as finished from compliance_runs where day = ${day}`,
  );
  return run?.finished ? 'finished' : 'busy';
}

/** Run today's recompute here unless it is done or running elsewhere. */
export async function runDailyCompliance(
  ctx: DailyContext,
  options: DailyOptions = {},
): Promise<DailyOutcome> {
  const day = todayOf(ctx.clock);
  const worker = options.worker ?? processWorker;
  const state = await claim(ctx, day, worker);
  if (state !== 'claimed') return { day, state };
  const db = ctx.dbh.db;
  const progress = await recomputeAll(db, day, {
    batchSize: options.batchSize,
    signal: options.signal,
    onFailure: options.onFailure,
    onProgress: async (p) => {
      await db.execute(sql`update compliance_runs set claimed_at = ${ctx.clock.now().toISOString()}
        where day = ${day} and claimed_by = ${worker}`);
      options.onProgress?.(p);
    },
  });
  await db.execute(sql`update compliance_runs
    set finished_at = ${ctx.clock.now().toISOString()}, pairings = ${progress.done}
    where day = ${day} and claimed_by = ${worker}`);
  return { day, state: 'ran', progress };
}

/**
 * The daily recompute as a background schedule: each minute, once across the server processes,
 * check whether today's recompute is still to run, and run it. A run whose process died is taken
 * over by a later tick once its lease lapses. A pairing that cannot be evaluated goes to `onError`
 * and the others go on.
 */
export const dailyComplianceJob = (
  onError: (err: unknown) => void,
  log: (line: string) => void = () => undefined,
): ScheduledJob => ({
  name: 'compliance.daily',
  cron: '* * * * *',
  expireInSeconds: 60 * 60,
  run: async (ctx) => {
    const started = Date.now();
    const outcome = await runDailyCompliance(ctx, {
      onFailure: (id, err) => onError(new Error(`结对 ${id} 的台账无法评估`, { cause: err })),
    });
    if (outcome.state !== 'ran') return;
    const p = outcome.progress;
    log(
      `履约状态已按 ${p.at} 重算: ${p.done} 对结对, ${p.changed} 对有变化, 用时 ${Date.now() - started} ms`,
    );
  },
});
