import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { importJobs } from './schema.ts';

/** Import jobs per status, for the job_queue_depth metric. */
export const importJobsByState = (db: Db) => async () =>
  (
    await db
      .select({ state: importJobs.status, count: count() })
      .from(importJobs)
      .groupBy(importJobs.status)
  ).map((row) => ({ state: row.state, count: Number(row.count) }));
