// The full recompute (issue 12 item 7, "as days pass"): every pairing's compliance as of a day, in
// id-ordered batches (keyset pagination), each batch one transaction that reads its ledgers and
// stores what changed. While one batch is evaluated the next one is already being read on another
// connection, so the database and the engine work at the same time.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../lib/rows.ts';
import { assembleLedger, headOf, packedLedgersAfter, type PackedLedger } from './engine-ledger.ts';
import { assess, newAssessment, priorOf, writeAssessment, type Assessment } from './store.ts';

export type RecomputeProgress = {
  at: string;
  /** Pairings recomputed so far, and in all (counted when the run started). */
  done: number;
  total: number;
  /** Of those done: stored anew, only moved to `at`, refused by the engine. */
  changed: number;
  moved: number;
  failed: number;
};

export type RecomputeOptions = {
  batchSize?: number;
  onProgress?: (progress: RecomputeProgress) => void | Promise<void>;
  /** Told of each pairing whose ledger the engine refuses; the run goes on without it. */
  onFailure?: (pairingId: number, error: unknown) => void;
  /** Stops the run between batches (what is stored so far stays: each batch is whole). */
  signal?: AbortSignal;
};

const maxAttempts = 5;
/** Pairings evaluated between two turns of the event loop (so the next batch's read goes out). */
const slice = 100;

const isSerializationFailure = (err: unknown): boolean => {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; depth += 1) {
    if ((e as { code?: unknown }).code === '40001') return true;
    e = e.cause;
  }
  return false;
};

/**
 * Recompute every pairing as of `at` (YYYY-MM-DD). A batch runs in REPEATABLE READ: a record
 * written meanwhile stores its own pairing's compliance in its transaction; if that commits after
 * the batch read its snapshot, the batch's write of that row fails to serialize and the batch is
 * read again, so a stale answer never overwrites a fresh one.
 */
export async function recomputeAll(
  db: Db,
  at: string,
  { batchSize = 2000, onProgress, onFailure, signal }: RecomputeOptions = {},
): Promise<RecomputeProgress> {
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from pairing_agreements`,
  );
  const progress: RecomputeProgress = { at, done: 0, total, changed: 0, moved: 0, failed: 0 };
  let batch = startBatch(db, at, 0, batchSize);
  for (;;) {
    let next: Batch | null = null;
    try {
      const read = await batch.read;
      if (read.count > 0 && !signal?.aborted) next = startBatch(db, at, read.last, batchSize);
      const outcome = await batch.done;
      if (read.count === 0) return progress;
      progress.done += read.count;
      progress.changed += outcome.changed.length;
      progress.moved += outcome.moved.length;
      progress.failed += outcome.failed.length;
      for (const f of outcome.failed) onFailure?.(f.id, f.error);
      await onProgress?.({ ...progress });
      signal?.throwIfAborted();
    } catch (err) {
      // The batch read ahead is a whole batch of its own: let it end before reporting.
      await next?.done.catch(() => undefined);
      throw err;
    }
    batch = next!;
  }
}

type Batch = {
  /** Resolves once the batch has read its pairings: how many, and the last id. */
  read: Promise<{ count: number; last: number }>;
  /** Resolves once it has committed what it stored. */
  done: Promise<Assessment>;
};

function startBatch(db: Db, at: string, after: number, limit: number): Batch {
  let announce!: (read: { count: number; last: number }) => void;
  const read = new Promise<{ count: number; last: number }>((resolve) => (announce = resolve));
  let upTo: number | null = null;
  const done = (async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction(
          async (tx) => {
            // A retry reads the same id range again (pairings signed meanwhile included).
            const rows = await packedLedgersAfter(
              tx,
              after,
              upTo === null ? limit : null,
              at,
              upTo,
            );
            if (upTo === null) {
              upTo = rows.length > 0 ? rows[rows.length - 1].id : after;
              announce({ count: rows.length, last: upTo });
            }
            return rows.length === 0 ? newAssessment() : storeBatch(tx, rows, at);
          },
          { isolationLevel: 'repeatable read' },
        );
      } catch (err) {
        if (attempt >= maxAttempts || !isSerializationFailure(err)) throw err;
      }
    }
  })();
  // A batch that fails before it has read reports through `done`; `read` then never settles.
  return { read: Promise.race([read, done.then(() => read)]), done };
}

async function storeBatch(tx: Db, rows: PackedLedger[], at: string) {
  const assessment = newAssessment();
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % slice === 0) await nextTurn();
    const row = rows[i];
    assess(assessment, headOf(row), assembleLedger(row), at, priorOf(row), true);
  }
  await writeAssessment(tx, assessment, at);
  return assessment;
}
