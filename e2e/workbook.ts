import ExcelJS from 'exceljs';

export type CellValue = string | number;

/**
 * Fill the server's own template with rows: the header row is kept, so the journey follows the
 * template's columns instead of hard-coding them. `row(header)` gives the value for a column.
 */
export async function fillTemplate(
  template: Buffer,
  rows: Array<(header: string) => CellValue | undefined>,
): Promise<{ buffer: Buffer; headers: string[]; firstDataRow: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell((cell, column) => {
    headers[column - 1] = String(cell.text ?? '').trim();
  });
  // Templates may carry an example row; drop everything below the header.
  if (sheet.rowCount > 1) sheet.spliceRows(2, sheet.rowCount - 1);
  rows.forEach((valueOf, index) => {
    const row = sheet.getRow(index + 2);
    headers.forEach((header, column) => {
      const value = valueOf(header);
      if (value !== undefined) row.getCell(column + 1).value = value;
    });
    row.commit();
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, headers, firstDataRow: 2 };
}
