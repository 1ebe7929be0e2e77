// The archive as a workbook: one sheet per record type (走访, 活动, 资金, 项目进度, 项目验收,
// 季度报告), required headers marked *, notes as cell comments; it re-imports as it is.
import { archiveSheets, recordTypes } from '@pairing/shared';
import ExcelJS from 'exceljs';
import { archiveColumns } from './columns.ts';
import type { Archive } from './queries.ts';
import { exportCells } from './rows.ts';

export async function archiveWorkbook(archive: Archive): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '城乡结对帮扶平台';
  const roster = new Map(archive.roster.map((m) => [m.id, m]));
  const projects = archive.pairing.content.projects;
  for (const type of recordTypes) {
    const columns = archiveColumns[type];
    const sheet = workbook.addWorksheet(archiveSheets[type]);
    sheet.columns = columns.map((c) => ({
      header: c.required ? `${c.header}*` : c.header,
      key: c.key,
      width: c.width,
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    columns.forEach((c, i) => {
      if (c.note) header.getCell(i + 1).note = c.note;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const record of archive.records)
      if (record.content.type === type) sheet.addRow(exportCells(record, roster, projects));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
