import ExcelJS from 'exceljs';

export type Row = Record<string, string | number | null>;

/** A header as the import reads it: required-column stars and spaces removed. */
const plainHeader = (text: string) => text.replace(/[*＊\s]/g, '');

function cellValue(cell: ExcelJS.Cell): string | number | null {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return cell.text;
}

/**
 * Fill the server's own template: its header row is kept and its example row (row 2) is the
 * starting point for every generated row, so the journey follows the template's columns and
 * valid choices instead of repeating them. Rows are keyed by plain header text.
 */
export async function fillTemplate(
  template: Buffer,
  makeRows: (example: Row) => Row[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    headers[column] = plainHeader(cell.text);
  });
  const example: Row = {};
  headers.forEach((header, column) => {
    if (header) example[header] = cellValue(sheet.getRow(2).getCell(column));
  });

  makeRows(example).forEach((values, index) => {
    const row = sheet.getRow(index + 2);
    headers.forEach((header, column) => {
      if (header) row.getCell(column).value = values[header] ?? null;
    });
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
