import type { BackgroundJob } from '@pairing/shared';
import { desc, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { can } from './policy.ts';
import { backgroundJobs } from './schema.ts';
import { queuedState } from './work.ts';

type Row = typeof backgroundJobs.$inferSelect;

/** Said of a job the queue gave up on: its process died (or it failed) on every try. */
export const interruptedMessage = '任务中断（服务已重启或出错），未完成，请重新运行';

/** The queue's states as the owner reads them. */
const stateOf: Record<string, BackgroundJob['state']> = {
  created: 'queued',
  retry: 'queued',
  active: 'running',
  completed: 'done',
  cancelled: 'failed',
  failed: 'failed',
};

async function present(dbh: DbHandle, row: Row): Promise<BackgroundJob> {
  let state: BackgroundJob['state'] = row.outcome ?? 'failed';
  let message = row.message;
  if (!row.outcome) {
    const queued = await queuedState({ dbh }, row.kind, row.id);
    state = queued ? stateOf[queued] : 'failed';
    if (state === 'failed' || state === 'done') message = interruptedMessage;
    if (state === 'done') state = 'failed';
  }
  return {
    id: row.id,
    kind: row.kind as BackgroundJob['kind'],
    state,
    progress: row.progress,
    total: row.total,
    result: row.outcome === 'done' ? (row.result ?? {}) : null,
    message,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One job, if the caller may see it (else 404, as for an id that does not exist). */
export async function getJob(dbh: DbHandle, scope: Scope, id: string) {
  const [row] = await dbh.db.select().from(backgroundJobs).where(eq(backgroundJobs.id, id));
  if (!row || !can(scope, 'view', row)) throw notFound('任务不存在');
  return present(dbh, row);
}

/** The caller's own latest jobs, newest first. */
export async function listJobs(dbh: DbHandle, scope: Scope) {
  const rows = await dbh.db
    .select()
    .from(backgroundJobs)
    .where(eq(backgroundJobs.ownerId, scope.userId))
    .orderBy(desc(backgroundJobs.createdAt))
    .limit(20);
  return { items: await Promise.all(rows.map((row) => present(dbh, row))) };
}
