import {
  archiveImportRows,
  archiveSheets,
  keptImportErrors,
  recordInput,
  recordTypes,
  type ArchiveImported,
  type ArchiveImportRejected,
  type ArchiveRowError,
  type LedgerSide,
  type RecordInput,
} from '@pairing/shared';
import type { Db } from '../../../../db/client.ts';
import type { Clock } from '../../../../lib/clock.ts';
import { AppError } from '../../../../lib/errors.ts';
import type { Scope } from '../../../../lib/scope.ts';
import {
  inspectWorkbook,
  readSheets,
  unpackInOrder,
  yieldToLoop,
  type SheetRow,
} from '../../../imports/workbook.ts';
import { loadPairingScoped, lockPairing, type PairingRow } from '../../access.ts';
import { recordLedgerAudit } from '../../audit.ts';
import { refreshCompliance } from '../../compliance/store.ts';
import { todayOf } from '../../days.ts';
import { ensure, ledgerSideOf, recordTypeRefusal } from '../../policy.ts';
import { checkRecord, ensureFirstReport, normalized } from '../../record-checks.ts';
import { archiveColumns, headerOf } from '../columns.ts';
import { insertRecords } from '../insert-records.ts';
import { rosterOf } from '../queries.ts';
import { candidateOf, rosterIndex, type CellError } from '../rows.ts';

export type ImportOutcome = { imported: ArchiveImported } | { rejected: ArchiveImportRejected };

const sheetColumns = Object.fromEntries(
  recordTypes.map((type) => [archiveSheets[type], archiveColumns[type]]),
);

/**
 * Past records from the archive workbook, all or nothing (issue 12 item 9). The file passes the
 * imports' workbook checks (zip directory, unpacked size, streaming reader, row and column caps);
 * then, under the pairing's ledger lock, every row is checked as a record entered by hand is —
 * the contract's `recordInput`, then the ledger's own checks (term, today, roster, projects, one
 * report per quarter) — and any problem answers every row error found and stores nothing.
 * Otherwise all rows become the importing side's pending records in the same transaction.
 */
export async function importRecords(
  db: Db,
  clock: Clock,
  scope: Scope,
  pairingId: number,
  file: () => Promise<Buffer>,
): Promise<ImportOutcome> {
  ensure(scope, 'record');
  const pairing = await loadPairingScoped(db, scope, pairingId);
  ensure(scope, 'record', pairing);
  const side = ledgerSideOf(scope, pairing)!;

  const buffer = await file();
  const declared = inspectWorkbook(buffer);
  const sheets = await readSheets(
    await unpackInOrder(buffer, declared),
    sheetColumns,
    archiveImportRows,
  );

  return db.transaction(async (tx) => {
    await lockPairing(tx, pairingId);
    const today = todayOf(clock);
    const { inputs, errors } = await validate(tx, pairing, side, sheets, today);
    if (errors.length) return { rejected: rejection(errors) };
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
    await recordLedgerAudit(tx, scope, {
      action: 'ledger.record.import',
      entity: 'ledger_record',
      entityId: pairingId,
      pairing,
      after: { side, imported: inputs.length, byType },
    });
    // They count from 14 days on, so today's status stays; stored anyway, as after every write.
    await refreshCompliance(tx, [pairingId], today);
    return { imported: { imported: inputs.length, byType } };
  });
}

const rejection = (errors: ArchiveRowError[]): ArchiveImportRejected => ({
  error: {
    code: 'import_rejected',
    message: `工作簿中有 ${errors.length} 处问题，未导入任何记录；请修改后重新上传整份文件`,
    fields: {},
    rows: errors.slice(0, keptImportErrors),
    rowCount: errors.length,
  },
});

/** The ledger's checks of one record as errors by column, instead of its 422 or 409. */
async function ledgerErrors(
  db: Db,
  pairing: PairingRow,
  side: LedgerSide,
  input: RecordInput,
  today: string,
): Promise<CellError[]> {
  try {
    await checkRecord(db, pairing, input, today);
    if (input.type === 'report') await ensureFirstReport(db, pairing.id, side, input.quarter);
    return [];
  } catch (err) {
    if (!(err instanceof AppError) || (err.status !== 422 && err.status !== 409)) throw err;
    const fields = Object.entries(err.fields ?? {});
    if (!fields.length)
      return [{ column: headerOf(input.type, ['quarter']), message: err.message }];
    return fields.map(([key, message]) => ({
      column: headerOf(input.type, key.split('.')),
      message,
    }));
  }
}

async function validate(
  db: Db,
  pairing: PairingRow,
  side: LedgerSide,
  sheets: Map<string, SheetRow[]>,
  today: string,
) {
  const roster = rosterIndex(await rosterOf(db, pairing.id));
  const inputs: RecordInput[] = [];
  const errors: ArchiveRowError[] = [];
  const quarters = new Set<string>();
  let checked = 0;
  for (const type of recordTypes) {
    const sheet = archiveSheets[type];
    const rows = sheets.get(sheet) ?? [];
    const refused = recordTypeRefusal(side, type);
    if (rows.length && refused) {
      errors.push({ sheet, row: 1, column: '', message: refused.message });
      continue;
    }
    for (const { row, cells } of rows) {
      const { candidate, errors: found } = candidateOf(type, cells, roster);
      const parsed = recordInput.safeParse(candidate);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          found.push({ column: headerOf(type, issue.path), message: issue.message });
      else if (!found.length) {
        found.push(...(await ledgerErrors(db, pairing, side, parsed.data, today)));
        if (parsed.data.type === 'report') {
          if (quarters.has(parsed.data.quarter))
            found.push({
              column: headerOf(type, ['quarter']),
              message: '同一季度的报告只能有一份',
            });
          quarters.add(parsed.data.quarter);
        }
      }
      if (found.length) errors.push(...found.map((e) => ({ sheet, row, ...e })));
      else if (parsed.success) inputs.push(normalized(parsed.data));
      if (++checked % 200 === 0) await yieldToLoop();
    }
  }
  return { inputs, errors };
}
