import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/** The channel that carries "round N changed" to every server process (R-LIVE-STATUS). */
export const boardChannel = 'board';

/**
 * Queue a board notification inside the caller's transaction: PostgreSQL delivers it on commit
 * and drops it on rollback, so listeners never see a change that did not happen.
 */
export async function notifyBoard(tx: Db, roundId: number) {
  await tx.execute(sql`select pg_notify(${boardChannel}, ${String(roundId)})`);
}

/** How long a process gathers changes of one round before it sends one notification. */
export const notifyDelayMs = 50;

const pending = new WeakMap<Db, Map<number, NodeJS.Timeout>>();

/**
 * Tell every process's board hub that a round changed, after the change committed, coalesced to
 * one NOTIFY per round per `notifyDelayMs` in this process. Used on the intention hot path: a
 * NOTIFY inside the transaction takes PostgreSQL's global notify lock at commit, which serializes
 * every submitting transaction's commit (no group commit) — the rush's bottleneck. The price: a
 * process that dies in those 50 ms leaves the boards one change behind until the next change or
 * their periodic refresh (board/hub.ts `refreshMs`).
 */
export function notifyBoardSoon(db: Db, roundId: number) {
  let timers = pending.get(db);
  if (!timers) pending.set(db, (timers = new Map()));
  if (timers.has(roundId)) return;
  const own = timers;
  const timer = setTimeout(() => {
    own.delete(roundId);
    db.execute(sql`select pg_notify(${boardChannel}, ${String(roundId)})`).catch(() => undefined);
  }, notifyDelayMs);
  timer.unref();
  own.set(roundId, timer);
}
