import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { auditAfter } from '../audit/read.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { queuedState, sendJob, type QueueJob } from '../jobs/work.ts';
import { setWeakVillages, writeUnits } from '../orgs/bulk.ts';
import { unitColumns, weakVillageColumns } from './columns.ts';
import { importJobs, type ImportRowError } from './schema.ts';
import { validateUnitRows, type UnitRow } from './units.ts';
import { validateWeakVillageRows, type WeakVillageRow } from './weak-villages.ts';
import { inspectWorkbook, readRows, unpackInOrder, yieldToLoop } from './workbook.ts';

export type ImportKind = 'units' | 'weak_villages';

/** Rows validated between a progress write and a yield to other requests. */
const progressEvery = 200;

type ImportData = { importJobId: number; scope: Scope };

/**
 * Uploads waiting for their job on PGlite, whose one process is the only worker: writing megabytes
 * of bytea through it blocks the event loop for seconds (2 MB: 3.7 s), so the file stays in memory
 * there. A restart loses it, and the job is then settled as interrupted.
 */
const heldUploads = new Map<number, Buffer>();

/**
 * The import as a background job: whichever server process takes it reads the upload from its
 * row. A try whose process died is run again after 30 minutes, once: its commit transaction either
 * rolled back, or committed together with its audit record, which the retry looks for first.
 */
export const importQueueJob: QueueJob<ImportData> = {
  name: 'import',
  retryLimit: 1,
  expireInSeconds: 30 * 60,
  run: (ctx, { importJobId, scope }) => runImport(ctx.dbh.db, scope, importJobId),
};

/**
 * Check the upload at once from its zip directory (empty, not an .xlsx, too large unpacked →
 * 422, nothing written), then record a job with the file, queue it and answer; unpacking,
 * reading, validating and committing run in the queue's worker. Pollers read the job row, so any
 * server process can answer them.
 */
export async function startImport(
  ctx: AppContext,
  scope: Scope,
  kind: ImportKind,
  file: { buffer: Buffer; fileName?: string },
) {
  inspectWorkbook(file.buffer);
  const queueJobId = randomUUID();
  const held = ctx.dbh.kind === 'pglite';
  const [job] = await ctx.dbh.db
    .insert(importJobs)
    .values({
      kind,
      actorId: scope.userId,
      fileName: file.fileName,
      upload: held ? null : file.buffer,
      queueJobId,
    })
    .returning({ id: importJobs.id });
  if (held) heldUploads.set(job.id, file.buffer);
  await sendJob(ctx, importQueueJob, { importJobId: job.id, scope }, queueJobId);
  return { jobId: job.id };
}

async function runImport(db: Db, scope: Scope, jobId: number) {
  const [job] = await db
    .select({ kind: importJobs.kind, status: importJobs.status, upload: importJobs.upload })
    .from(importJobs)
    .where(eq(importJobs.id, jobId));
  const held = heldUploads.get(jobId);
  heldUploads.delete(jobId);
  if (!job || job.status !== 'running') return;
  // A try that died after its commit: the audit record says so; without the file, it is over.
  const upload = held ?? job.upload;
  if (await settle(db, jobId, !upload)) return;
  const { kind } = job;
  const buffer = Buffer.from(upload!.buffer, upload!.byteOffset, upload!.byteLength);
  const setJob = (values: Partial<typeof importJobs.$inferInsert>) =>
    db
      .update(importJobs)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(importJobs.id, jobId));
  // The file goes once the job is settled.
  const finish = (values: Partial<typeof importJobs.$inferInsert>) =>
    setJob({ ...values, upload: null });
  const onProgress = async (processed: number) => {
    if (processed % progressEvery) return;
    await setJob({ processed });
    await yieldToLoop();
  };
  try {
    const declared = inspectWorkbook(buffer);
    // Reordered even for one sheet: exceljs's streaming reader lost the workbook part of about 1
    // in 200 files exceljs itself wrote, answering "not an .xlsx" to a good upload.
    const ordered = await unpackInOrder(buffer, declared);
    const rows = await readRows(ordered, kind === 'units' ? unitColumns : weakVillageColumns);
    await setJob({ total: rows.length });
    const checked =
      kind === 'units'
        ? await validateUnitRows(db, scope, rows, onProgress)
        : await validateWeakVillageRows(db, scope, rows, onProgress);
    if (checked.errors.count) {
      await finish({
        status: 'failed',
        processed: rows.length,
        errors: checked.errors.kept,
        errorCount: checked.errors.count,
      });
      return;
    }
    const imported = await db.transaction((tx) =>
      kind === 'units'
        ? commitUnits(tx as unknown as Db, scope, jobId, checked.rows as UnitRow[])
        : commitWeakVillages(tx as unknown as Db, scope, jobId, checked.rows as WeakVillageRow[]),
    );
    await finish({ status: 'done', processed: rows.length, imported });
  } catch (err) {
    // A refused file says why in its own words; anything else is reported as it came.
    const message =
      err instanceof AppError
        ? err.message
        : `导入失败，未写入任何数据：${err instanceof Error ? err.message : String(err)}`;
    const errors: ImportRowError[] = [{ row: 0, column: '', message }];
    await finish({ status: 'failed', errors, errorCount: 1 }).catch(() => {});
  }
}

/**
 * Settle a job whose try died: its commit transaction either rolled back, or committed together
 * with its audit record before the process could say so — the audit record tells which. Without
 * one, the job is failed only when the queue has given up on it (`giveUp`). Guarded by
 * `status = 'running'`, so two pollers settle it once. Answers whether it settled the job.
 */
async function settle(db: Db, jobId: number, giveUp: boolean) {
  const committed = ((await auditAfter(db, 'import_job', jobId)) as { rows?: unknown[] } | null)
    ?.rows;
  if (!committed && !giveUp) return false;
  await db
    .update(importJobs)
    .set({
      ...(committed
        ? { status: 'done', processed: sql`${importJobs.total}`, imported: committed.length }
        : {
            status: 'failed',
            errors: [{ row: 0, column: '', message: interruptedMessage }],
            errorCount: 1,
          }),
      upload: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'running')));
  return true;
}

/** The queue is done with a job it failed on every try, or no longer knows. */
const abandoned = new Set([null, 'failed', 'cancelled', 'completed']);

const interruptedMessage = '导入任务中断（服务已重启或停止响应），未写入任何数据，请重新上传文件';

const unitValues = (r: UnitRow) => ({
  name: r.name,
  unitType: r.unitType,
  capacity: r.capacity,
  yearlyBudget: r.yearlyBudget,
  resourceTags: r.resourceTags,
  addressDistrictId: r.addressDistrictId,
  contactName: r.contactName,
  contactPhone: r.contactPhone,
});

/** All rows in one transaction; one audit record holds every row's after-values. */
async function commitUnits(db: Db, scope: Scope, jobId: number, rows: UnitRow[]) {
  const done = await writeUnits(
    db,
    rows.map((r) => ({ ...unitValues(r), id: r.id, parentId: r.parentId })),
  );
  const written = rows.map((r, i) => ({ row: r.row, ...done[i], ...unitValues(r) }));
  await recordAudit(db, scope, {
    action: 'import.units',
    entity: 'import_job',
    entityId: jobId,
    scopePath: scope.path,
    after: { rows: written },
  });
  return rows.length;
}

async function commitWeakVillages(db: Db, scope: Scope, jobId: number, rows: WeakVillageRow[]) {
  await setWeakVillages(db, rows);
  await recordAudit(db, scope, {
    action: 'import.weak_villages',
    entity: 'import_job',
    entityId: jobId,
    scopePath: scope.path,
    after: { rows: rows.map((r) => ({ row: r.row, id: r.id, code: r.code, weakVillage: r.weak })) },
  });
  return rows.length;
}

/**
 * A job is visible to the user who started it only. Its kept errors are answered a page at a
 * time (`errorsKept` of them; `errorCount` were found).
 */
export async function getImportJob(
  ctx: Pick<AppContext, 'dbh'>,
  scope: Scope,
  id: number,
  page: { offset: number; limit: number },
) {
  const db = ctx.dbh.db;
  const mine = and(eq(importJobs.id, id), eq(importJobs.actorId, scope.userId));
  const { upload: _upload, ...columns } = getTableColumns(importJobs);
  const read = () => db.select(columns).from(importJobs).where(mine);
  let [job] = await read();
  if (!job) throw notFound('导入任务不存在');
  const queued =
    job.status === 'running' && job.queueJobId
      ? await queuedState(ctx, importQueueJob.name, job.queueJobId)
      : undefined;
  if (job.status === 'running' && abandoned.has(queued ?? null)) {
    await settle(db, job.id, true);
    [job] = await read();
  }
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    fileName: job.fileName,
    total: job.total,
    processed: job.processed,
    imported: job.imported,
    errors: job.errors.slice(page.offset, page.offset + page.limit),
    errorCount: job.errorCount,
    errorsKept: job.errors.length,
  };
}
