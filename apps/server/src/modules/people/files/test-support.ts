// Workbooks and uploads for the registry's import tests.
import ExcelJS from 'exceljs';
import type { TestEnv } from '../../../../test/harness.ts';

export const sheetHeader = [
  '姓名*',
  '类别*',
  '性别*',
  '身份证号*',
  '电话',
  '身份标签',
  '双重登记组织',
  '备注',
];

/** A one-sheet workbook: the header, then the rows. */
export async function peopleWorkbook(rows: Array<Array<string | number>>, header = sheetHeader) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('人员名册');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function uploadPeople(
  env: TestEnv,
  orgId: number,
  cookie: string,
  file: Buffer,
  key: string,
) {
  const boundary = '----people-test';
  return env.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/people/import`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.xlsx"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'idempotency-key': key,
      cookie,
    },
  });
}

/** The first sheet of a downloaded workbook as rows of cell text. */
export async function sheetRows(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))),
  );
  return rows;
}
