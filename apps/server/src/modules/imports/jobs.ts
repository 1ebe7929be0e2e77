import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { auditAfter } from '../audit/read.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { setWeakVillages, writeUnits } from '../orgs/bulk.ts';
import { unitColumns, weakVillageColumns } from './columns.ts';
import { importJobs, type ImportRowError } from './schema.ts';
import { validateUnitRows, type UnitRow } from './units.ts';
import { validateWeakVillageRows, type WeakVillageRow } from './weak-villages.ts';
import { inspectWorkbook, readRows, unpackInOrder, yieldToLoop } from './workbook.ts';

export type ImportKind = 'units' | 'weak_villages';

/** Rows validated between a progress write and a yield to other requests. */
const progressEvery = 200;
/** A running job touches its row this often, also while its commit runs. */
const heartbeatMs = 30_000;
/** A running job whose row has not been touched for this long lost its process. */
const staleAfterMs = 4 * heartbeatMs;

/**
 * Check the upload at once from its zip directory (empty, not an .xlsx, too large unpacked →
 * 422, nothing written), then record a job and answer; unpacking, reading, validating and
 * committing run after the response. Pollers read the job row, so any server process can answer
 * them.
 */
export async function startImport(
  ctx: AppContext,
  scope: Scope,
  kind: ImportKind,
  file: { buffer: Buffer; fileName?: string },
) {
  const declared = inspectWorkbook(file.buffer);
  const [job] = await ctx.dbh.db
    .insert(importJobs)
    .values({ kind, actorId: scope.userId, fileName: file.fileName })
    .returning({ id: importJobs.id });
  void runImport(ctx.dbh.db, scope, job.id, kind, file.buffer, declared);
  return { jobId: job.id };
}

async function runImport(
  db: Db,
  scope: Scope,
  jobId: number,
  kind: ImportKind,
  buffer: Buffer,
  declared: Map<string, number>,
) {
  const setJob = (values: Partial<typeof importJobs.$inferInsert>) =>
    db
      .update(importJobs)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(importJobs.id, jobId));
  const onProgress = async (processed: number) => {
    if (processed % progressEvery) return;
    await setJob({ processed });
    await yieldToLoop();
  };
  const heartbeat = setInterval(() => void setJob({}).catch(() => {}), heartbeatMs);
  heartbeat.unref();
  try {
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
      await setJob({
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
    await setJob({ status: 'done', processed: rows.length, imported });
  } catch (err) {
    // A refused file says why in its own words; anything else is reported as it came.
    const message =
      err instanceof AppError
        ? err.message
        : `导入失败，未写入任何数据：${err instanceof Error ? err.message : String(err)}`;
    const errors: ImportRowError[] = [{ row: 0, column: '', message }];
    await setJob({ status: 'failed', errors, errorCount: 1 }).catch(() => {});
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Settle a job whose process died (no heartbeat for `staleAfterMs`): its commit transaction either
 * rolled back, or committed together with its audit record before the process could say so — the
 * audit record tells which. Guarded by `status = 'running'`, so two pollers settle it once.
 */
async function settle(db: Db, jobId: number) {
  const committed = ((await auditAfter(db, 'import_job', jobId)) as { rows?: unknown[] } | null)
    ?.rows;
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
      updatedAt: sql`now()`,
    })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'running')));
}

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
  db: Db,
  scope: Scope,
  id: number,
  page: { offset: number; limit: number },
) {
  const mine = and(eq(importJobs.id, id), eq(importJobs.actorId, scope.userId));
  const read = () =>
    db
      .select({
        ...getTableColumns(importJobs),
        stale: sql<boolean>`${importJobs.status} = 'running'
          and ${importJobs.updatedAt} < now() - make_interval(secs => ${staleAfterMs / 1000})`,
      })
      .from(importJobs)
      .where(mine);
  let [job] = await read();
  if (!job) throw notFound('导入任务不存在');
  if (job.stale) {
    await settle(db, job.id);
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
