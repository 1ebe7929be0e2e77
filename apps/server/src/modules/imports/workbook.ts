import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors.ts';
import type { Column } from './columns.ts';

const notXlsx = () =>
  new AppError(422, 'not_xlsx', '文件不是有效的 Excel 工作簿（.xlsx），请使用下载的模板');

/**
 * Load an uploaded workbook, refusing what is not one before exceljs sees it: an .xlsx is a zip,
 * so it starts with the local-file signature "PK\x03\x04" whatever its name says.
 */
export async function loadWorkbook(buffer: Buffer) {
  if (!buffer.length) throw new AppError(422, 'empty_file', '文件为空');
  if (buffer.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw notXlsx();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notXlsx();
  return sheet;
}

export type SheetRow = { row: number; cells: Record<string, string> };

/** A cell as the text a person typed: numbers, rich text, hyperlinks and formula results alike. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

/** Rows below the header as text keyed by column; missing required headers are one 422. */
export function readRows(sheet: ExcelJS.Worksheet, columns: readonly Column[]): SheetRow[] {
  const positions = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = cellText(cell.value).replace(/[*＊\s]/g, '');
    const column = columns.find((c) => c.header === header);
    if (column) positions.set(column.key, col);
  });
  const missing = columns.filter((c) => c.required && !positions.has(c.key));
  if (missing.length) {
    throw new AppError(
      422,
      'bad_header',
      `第 1 行缺少列：${missing.map((c) => c.header).join('、')}，请使用下载的模板`,
    );
  }
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    for (const [key, col] of positions) cells[key] = cellText(row.getCell(col).value);
    if (Object.values(cells).some(Boolean)) rows.push({ row: number, cells });
  });
  if (!rows.length) throw new AppError(422, 'no_rows', '表格中没有数据行');
  return rows;
}

/**
 * A sheet with the columns' headers (required ones marked *), notes as cell comments, optional
 * drop-down lists (kept on a hidden sheet, since inline lists are limited to 255 characters) and
 * the given rows.
 */
export async function buildWorkbook(
  title: string,
  columns: readonly Column[],
  rows: Array<Record<string, string | number | null>>,
  lists: Partial<Record<string, readonly string[]>> = {},
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title);
  sheet.columns = columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    if (c.note) sheet.getRow(1).getCell(i + 1).note = c.note;
  });
  for (const row of rows) sheet.addRow(row);

  const options = workbook.addWorksheet('选项', { state: 'hidden' });
  let listColumn = 0;
  const lastRow = Math.max(rows.length + 1, 500);
  columns.forEach((c, i) => {
    const values = lists[c.key];
    if (!values?.length) return;
    listColumn += 1;
    values.forEach((v, j) => (options.getRow(j + 1).getCell(listColumn).value = v));
    const letter = options.getColumn(listColumn).letter;
    for (let r = 2; r <= lastRow; r += 1) {
      sheet.getRow(r).getCell(i + 1).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`'选项'!$${letter}$1:$${letter}$${values.length}`],
        showErrorMessage: true,
        errorTitle: '输入有误',
        error: `请从列表中选择${c.header}`,
      };
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
