import {
  archiveImportRows,
  archiveSheets,
  keptImportErrors,
  recordInput,
  recordTypes,
  type ArchiveImported,
  type ArchiveImportRejected,
  type ArchiveRowError,
  type RecordInput,
  type RecordType,
} from '@pairing/shared';
import type { Db } from '../../../../db/client.ts';
import type { Clock } from '../../../../lib/clock.ts';
import { authorize } from '../../../../lib/policy.ts';
import type { Scope } from '../../../../lib/scope.ts';
import { recordAudit } from '../../../audit/record.ts';
import {
  inspectWorkbook,
  readSheets,
  unpackInOrder,
  yieldToLoop,
} from '../../../imports/workbook.ts';
import { chinaDay } from '../../../rounds/dates.ts';
import { loadPairingScoped, type PairingRow } from '../../disclosure/pairing-access.ts';
import { can, sideIn } from '../../disclosure/policy.ts';
import { archiveColumns, headerOf } from '../columns.ts';
import { insertRecords } from '../insert-records.ts';
import { rosterOf } from '../queries.ts';
import { candidateOf, frameErrors, rosterIndex, type PairingFrame } from '../rows.ts';

export type ImportOutcome = { imported: ArchiveImported } | { rejected: ArchiveImportRejected };

/** Project progress and acceptance are the village's and its town's to record (issue 12). */
const ruralOnly: readonly RecordType[] = ['progress', 'acceptance'];

const sheetColumns = Object.fromEntries(
  recordTypes.map((type) => [archiveSheets[type], archiveColumns[type]]),
);

/**
 * Past records from the archive workbook, all or nothing (issue 12 item 9): the file passes the
 * imports' workbook checks (zip directory, unpacked size, streaming reader, row and column
 * caps), every row is checked against the contract's `recordInput` and the pairing (date within
 * the term and not after today, project numbers, roster names); any problem answers every row
 * error found and stores nothing. Otherwise all rows are inserted, in one transaction, as the
 * importing side's pending records.
 */
export async function importRecords(
  db: Db,
  clock: Clock,
  scope: Scope,
  pairingId: number,
  file: () => Promise<Buffer>,
): Promise<ImportOutcome> {
  authorize(can, scope, 'read');
  const pairing = await loadPairingScoped(db, scope, pairingId);
  authorize(can, scope, 'record', { kind: 'pairing', ...pairing }, '只有结对双方可以导入记录');
  const side = sideIn(scope, pairing)!;

  const buffer = await file();
  const declared = inspectWorkbook(buffer);
  const ordered = await unpackInOrder(buffer, declared);
  const sheets = await readSheets(ordered, sheetColumns, archiveImportRows);

  const today = chinaDay(clock.now());
  const { inputs, errors } = await validate(db, pairing, side, sheets, today);
  if (errors.length) {
    return {
      rejected: {
        error: {
          code: 'import_rejected',
          message: `工作簿中有 ${errors.length} 处问题，未导入任何记录；请修改后重新上传整份文件`,
          fields: {},
          rows: errors.slice(0, keptImportErrors),
          rowCount: errors.length,
        },
      },
    };
  }

  return db.transaction(async (tx) => {
    await insertRecords(
      tx,
      {
        pairingId,
        provinceCode: pairing.provinceCode,
        side,
        userId: scope.userId,
        today,
        now: clock.now(),
      },
      inputs,
    );
    const byType = Object.fromEntries(
      recordTypes.map((t) => [t, inputs.filter((i) => i.type === t).length]),
    ) as ArchiveImported['byType'];
    await recordAudit(tx, scope, {
      action: 'ledger_record.import',
      entity: 'pairing',
      entityId: pairingId,
      scopePath: side === 'urban' ? pairing.urbanPath : pairing.ruralPath,
      after: { side, imported: inputs.length, byType },
    });
    return { imported: { imported: inputs.length, byType } };
  });
}

async function validate(
  db: Db,
  pairing: PairingRow,
  side: 'urban' | 'rural',
  sheets: Map<string, Array<{ row: number; cells: Record<string, string> }>>,
  today: string,
) {
  const roster = rosterIndex(await rosterOf(db, pairing.id));
  const frame: PairingFrame = {
    today,
    termStart: pairing.termStart,
    termEnd: pairing.termEnd,
    projects: pairing.content.projects.length,
  };
  const inputs: RecordInput[] = [];
  const errors: ArchiveRowError[] = [];
  let checked = 0;
  for (const type of recordTypes) {
    const sheet = archiveSheets[type];
    const rows = sheets.get(sheet) ?? [];
    if (rows.length && side === 'urban' && ruralOnly.includes(type)) {
      errors.push({
        sheet,
        row: 1,
        column: '',
        message: `${sheet}由村或所在镇记录，帮扶单位不能导入`,
      });
      continue;
    }
    for (const { row, cells } of rows) {
      const { candidate, errors: cellErrors } = candidateOf(type, cells, roster);
      const parsed = recordInput.safeParse(candidate);
      const found = [
        ...cellErrors,
        ...(parsed.success
          ? frameErrors(parsed.data, frame)
          : parsed.error.issues.map((issue) => ({
              column: headerOf(type, issue.path),
              message: issue.message,
            }))),
      ];
      if (found.length) errors.push(...found.map((e) => ({ sheet, row, ...e })));
      else if (parsed.success) inputs.push(parsed.data);
      if (++checked % 200 === 0) await yieldToLoop();
    }
  }
  return { inputs, errors };
}
