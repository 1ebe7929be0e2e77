import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { can } from '../orgs/policy.ts';
import { unitExport, unitTemplate, weakVillageExport, weakVillageTemplate } from './exports.ts';
import { getImportJob, startImport, type ImportKind } from './jobs.ts';

// The Excel operations of the directory, each behind the directory policy's import actions. An
// export carries full phone numbers so that it re-imports, hence it follows the import roles.

const actionOf = { units: 'importUnits', weak_villages: 'importWeakVillages' } as const;

/** A workbook as a download: its file name and bytes. */
export type Workbook = { name: string; body: Buffer };

const labelOf: Record<ImportKind, string> = { units: '城市单位', weak_villages: '经济薄弱村' };

export async function template(db: Db, scope: Scope, kind: ImportKind): Promise<Workbook> {
  authorize(can, scope, actionOf[kind]);
  const body = kind === 'units' ? await unitTemplate(db, scope) : await weakVillageTemplate();
  return { name: `${labelOf[kind]}导入模板.xlsx`, body };
}

export async function exportWorkbook(db: Db, scope: Scope, kind: ImportKind): Promise<Workbook> {
  authorize(can, scope, actionOf[kind]);
  const body = kind === 'units' ? await unitExport(db, scope) : await weakVillageExport(db, scope);
  return { name: `${labelOf[kind]}.xlsx`, body };
}

/** Start an import; the file is read only once the caller may import this kind. */
export async function upload(
  ctx: AppContext,
  scope: Scope,
  kind: ImportKind,
  readFile: () => Promise<{ buffer: Buffer; fileName: string }>,
) {
  authorize(can, scope, actionOf[kind]);
  return startImport(ctx, scope, kind, await readFile());
}

export { getImportJob };
