import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate, unzipSync, zipSync, type Zippable } from 'fflate';
import { AppError } from '../../lib/errors.ts';
import type { Column } from './columns.ts';

const notXlsx = () =>
  new AppError(422, 'not_xlsx', '文件不是有效的 Excel 工作簿（.xlsx），请使用下载的模板');

/** Limits on what one import may unpack and read (issue: an 11.6 MB file held 300 MB of XML). */
export const workbookLimits = {
  /** All parts of the workbook together, unpacked. */
  unpackedBytes: 100 * 1024 * 1024,
  /** Data rows of the first sheet. */
  rows: 50_000,
  /** Columns of any row. */
  columns: 100,
};
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const tooLarge = (what: string, rows = workbookLimits.rows) =>
  new AppError(
    422,
    'workbook_too_large',
    `工作簿过大：${what}。请拆分为不超过 ${rows.toLocaleString('en-US')} 行的文件后分批导入`,
  );

/** Work on the event loop between yields stays well under 100 ms. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Check an upload from its zip directory alone, without unpacking anything: an .xlsx is a zip
 * (it starts with the local-file signature "PK\x03\x04" whatever its name says) with a
 * workbook part, whose parts declare their unpacked sizes. Answers those sizes by part name.
 */
export function inspectWorkbook(buffer: Buffer) {
  if (!buffer.length) throw new AppError(422, 'empty_file', '文件为空');
  if (buffer.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw notXlsx();
  const declared = new Map<string, number>();
  try {
    unzipSync(buffer, {
      filter: (file) => {
        declared.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch {
    throw notXlsx();
  }
  if (!declared.has('xl/workbook.xml')) throw notXlsx();
  let total = 0;
  for (const size of declared.values()) total += size;
  if (total > workbookLimits.unpackedBytes)
    throw tooLarge(`解压后约 ${mb(total)} MB，上限 ${mb(workbookLimits.unpackedBytes)} MB`);
  return declared;
}

/**
 * Unpack every part once, counting bytes, before exceljs reads any: the zip directory's sizes
 * are only claims. A part that inflates past its declared size, or a total past the limit, stops
 * the count there. Inflates in 16 KB slices with a yield between them.
 */
export async function verifyUnpackedSize(
  buffer: Buffer,
  declared: Map<string, number>,
  keep?: Map<string, Uint8Array[]>,
) {
  let total = 0;
  let refusal: AppError | undefined;
  const unzip = new Unzip((file) => {
    let size = 0;
    const limit = declared.get(file.name) ?? 0;
    const kept: Uint8Array[] = [];
    keep?.set(file.name, kept);
    file.ondata = (err, chunk) => {
      if (err) refusal ??= notXlsx();
      size += chunk?.length ?? 0;
      total += chunk?.length ?? 0;
      if (keep && chunk?.length) kept.push(chunk.slice());
      if (size > limit) refusal ??= tooLarge(`“${file.name}”解压后超过其声明的大小`);
      else if (total > workbookLimits.unpackedBytes)
        refusal ??= tooLarge(`解压后超过 ${mb(workbookLimits.unpackedBytes)} MB`);
      if (refusal) file.terminate();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const slice = 16 * 1024;
  for (let at = 0; at < buffer.length && !refusal; at += slice) {
    try {
      unzip.push(buffer.subarray(at, at + slice), at + slice >= buffer.length);
    } catch {
      refusal ??= notXlsx();
    }
    await yieldToLoop();
  }
  if (refusal) throw refusal;
}

/** The parts exceljs's streaming reader must meet before any worksheet. */
const leadingParts = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/**
 * `verifyUnpackedSize`, keeping the parts, then the same workbook stored (not compressed) with
 * the workbook, its relations and the shared strings first. exceljs 4.4's streaming reader loses
 * the workbook part of a file whose worksheets come first (the order exceljs itself writes):
 * always with more than a few sheets, and for about 1 in 200 one-sheet files (measured over 400
 * written alike: 2 lost raw, none reordered). Every reader of an upload reads it in this order. Holds the unpacked parts (at most `workbookLimits.unpackedBytes`) meanwhile.
 */
export async function unpackInOrder(buffer: Buffer, declared: Map<string, number>) {
  const parts = new Map<string, Uint8Array[]>();
  await verifyUnpackedSize(buffer, declared, parts);
  const names = [...declared.keys()].filter((n) => !n.endsWith('/'));
  const ordered = [
    ...leadingParts.filter((n) => names.includes(n)),
    ...names.filter((n) => !leadingParts.includes(n)),
  ];
  const files: Zippable = {};
  for (const name of ordered) {
    const chunks = parts.get(name) ?? [];
    const whole = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      whole.set(c, at);
      at += c.length;
    }
    files[name] = whole;
    await yieldToLoop();
  }
  return Buffer.from(zipSync(files, { level: 0 }));
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

function openReader(buffer: Buffer) {
  return new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
}

/**
 * Append one sheet's data rows (below its header) to `rows`, as text keyed by column, within the
 * column limit and `maxRows` for the whole file, of which `before` were read from earlier
 * sheets. `where` names the sheet in messages.
 */
async function collectRows(
  sheet: AsyncIterable<ExcelJS.Row>,
  columns: readonly Column[],
  rows: SheetRow[],
  maxRows: number,
  where = '',
  before = 0,
) {
  const positions = new Map<string, number>();
  let header = false;
  for await (const row of sheet) {
    // `cellCount` is the last column used: one cell at column 16,384 is cheap for the file
    // and a 16,384-slot row here.
    if (row.cellCount > workbookLimits.columns)
      throw tooLarge(`${where}第 ${row.number} 行超过 ${workbookLimits.columns} 列`, maxRows);
    if (!header) {
      header = true;
      // An empty first row is not yielded: the header is then missing.
      readHeader(row.number === 1 ? row : undefined, columns, positions, where);
      if (row.number === 1) continue;
    }
    const cells: Record<string, string> = {};
    for (const [key, col] of positions) cells[key] = cellText(row.getCell(col).value);
    if (!Object.values(cells).some(Boolean)) continue;
    if (before + rows.length === maxRows)
      throw tooLarge(`超过 ${maxRows.toLocaleString('en-US')} 行`, maxRows);
    rows.push({ row: row.number, cells });
    if (rows.length % 250 === 0) await yieldToLoop();
  }
  if (!header) readHeader(undefined, columns, positions, where);
}

/**
 * The first sheet's rows below the header as text keyed by column, read as a stream (exceljs's
 * streaming reader: one row at a time, shared strings cached), within the row and column limits.
 * Missing required headers are one 422; a file that `unpackInOrder` passed and reordered is read here.
 * An import that checks its rows synchronously sets a lower `maxRows`.
 */
export async function readRows(
  buffer: Buffer,
  columns: readonly Column[],
  maxRows = workbookLimits.rows,
): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  let read = false;
  try {
    for await (const sheet of openReader(buffer)) {
      read = true;
      await collectRows(sheet, columns, rows, maxRows);
      // Only the first sheet holds data; the template's second one holds drop-down lists.
      break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notXlsx();
  }
  if (!read) readHeader(undefined, columns, new Map());
  if (!rows.length) throw new AppError(422, 'no_rows', '表格中没有数据行');
  return rows;
}

/**
 * The rows of every sheet named in `sheets` (by sheet name, each with its columns), read like
 * `readRows`, at most `maxRows` data rows in all. Other sheets are read past; a named sheet the
 * file lacks has no rows. At least one row somewhere, or 422.
 */
export async function readSheets(
  buffer: Buffer,
  sheets: Readonly<Record<string, readonly Column[]>>,
  maxRows: number,
): Promise<Map<string, SheetRow[]>> {
  const found = new Map<string, SheetRow[]>();
  let total = 0;
  try {
    for await (const sheet of openReader(buffer)) {
      const name = (sheet as unknown as { name: string }).name;
      const columns = Object.hasOwn(sheets, name) ? sheets[name] : undefined;
      if (!columns || found.has(name)) {
        let skipped = 0;
        for await (const _row of sheet) if (++skipped % 250 === 0) await yieldToLoop();
        continue;
      }
      const rows: SheetRow[] = [];
      await collectRows(sheet, columns, rows, maxRows, `工作表“${name}”`, total);
      total += rows.length;
      found.set(name, rows);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notXlsx();
  }
  if (!total) throw new AppError(422, 'no_rows', '工作簿中没有数据行');
  return found;
}

function readHeader(
  row: ExcelJS.Row | undefined,
  columns: readonly Column[],
  positions: Map<string, number>,
  where = '',
) {
  row?.eachCell((cell, col) => {
    const header = cellText(cell.value).replace(/[*＊\s]/g, '');
    const column = columns.find(
      (c) => c.header === header || (c.formerHeaders ?? []).includes(header),
    );
    if (column) positions.set(column.key, col);
  });
  const missing = columns.filter((c) => c.required && !positions.has(c.key));
  if (missing.length) {
    throw new AppError(
      422,
      'bad_header',
      `${where}第 1 行缺少列：${missing.map((c) => c.header).join('、')}，请使用下载的模板`,
    );
  }
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
