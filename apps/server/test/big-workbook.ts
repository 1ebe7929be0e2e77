// `tsx test/big-workbook.ts ROWS FILE`: writes a generated .xlsx for the hostile-upload tests.
import { writeFileSync } from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';
import { weakVillageColumns } from '../src/modules/imports/columns.ts';

const part = (text: string) => new TextEncoder().encode(text);

/**
 * A minimal .xlsx of `rows` weak-village rows with inline strings, deflated as it is produced, so
 * a million rows (about 150 MB of XML) never sit in memory at once.
 */
export function generatedWorkbook(rows: number) {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const add = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 1 });
    zip.add(file);
    file.push(part(text), true);
  };
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  add(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  add(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  const cell = (col: string, row: number, text: string) =>
    `<c r="${col}${row}" t="inlineStr"><is><t>${text}</t></is></c>`;
  sheet.push(
    part(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        `<row r="1">${weakVillageColumns.map((c, i) => cell('ABCDE'[i], 1, c.header)).join('')}</row>`,
    ),
  );
  // Small pieces, so the test's own garbage stays in the young generation.
  for (let from = 2; from <= rows + 1; from += 500) {
    let xml = '';
    for (let r = from; r < Math.min(from + 500, rows + 2); r += 1)
      xml += `<row r="${r}">${cell('A', r, String(310116101000 + (r % 999)))}${cell('E', r, '是')}</row>`;
    sheet.push(part(xml));
  }
  sheet.push(part('</sheetData></worksheet>'), true);
  zip.end();
  return Buffer.concat(chunks);
}

const [rows, file] = process.argv.slice(2);
writeFileSync(file, generatedWorkbook(Number(rows)));
