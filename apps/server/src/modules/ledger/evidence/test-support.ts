// Test fixtures for evidence: records inserted as the ledger keeps them (on a pairing of the
// ledger's `signedPairing`), photos and PDFs made on the spot, and multipart uploads.
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { LedgerSide, RecordState } from '@pairing/shared';
import sharp from 'sharp';
import type { TestEnv } from '../../../../test/harness.ts';
import type { ScenarioUser } from '../../../../test/scenario.ts';
import { ledgerRecords } from '../schema.ts';

export type RecordFixture = {
  side?: LedgerSide;
  state?: RecordState;
  date?: string;
  countsFrom?: string | null;
};

/** A visit recorded by `by` (its side's user) on `date`, in the given state. */
export async function insertRecord(
  env: TestEnv,
  pairingId: number,
  by: ScenarioUser,
  fixture: RecordFixture = {},
) {
  const date = fixture.date ?? '2026-03-18';
  const [row] = await env.dbh.db
    .insert(ledgerRecords)
    .values({
      pairingId,
      provinceCode: '31',
      type: 'visit',
      side: fixture.side ?? 'urban',
      date,
      content: {
        type: 'visit',
        date,
        place: '村委会',
        narrative: '走访慰问',
        people: { rosterIds: [], others: [] },
        department: false,
      },
      state: fixture.state ?? 'pending',
      countsFrom: fixture.countsFrom === undefined ? '2026-04-01' : fixture.countsFrom,
      enteredAt: env.clock.now(),
      enteredBy: by.id,
    })
    .returning({ id: ledgerRecords.id });
  return row.id;
}

/** A JPEG photo of one colour; `taken` writes EXIF DateTimeOriginal (camera time, `YYYY:MM:DD HH:MM:SS`). */
export async function photo(options: { colour?: string; taken?: string; gps?: boolean } = {}) {
  const image = sharp({
    create: { width: 640, height: 480, channels: 3, background: options.colour ?? '#3a7' },
  }).jpeg();
  if (!options.taken && !options.gps) return image.toBuffer();
  return image
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Serial-0042' },
      ...(options.taken ? { IFD2: { DateTimeOriginal: options.taken } } : {}),
      ...(options.gps
        ? {
            IFD3: {
              GPSLatitudeRef: 'N',
              GPSLatitude: '30/1 45/1 30/1',
              GPSLongitudeRef: 'E',
              GPSLongitude: '121/1 20/1 0/1',
            },
          }
        : {}),
    })
    .toBuffer();
}

/** A PNG whose header declares `width`×`height` but carries only a few rows (a decompression bomb). */
export function bombPng(width: number, height: number) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PDF of the given objects (numbered from 1, object 1 the catalog), with its xref table. */
export function pdfOf(objects: Array<string | Buffer>, trailer = '') {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(size);
    const part = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(part);
    size += part.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    `trailer << /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>`,
    'startxref',
    String(size),
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.concat([...parts, Buffer.from(xref, 'latin1')]);
}

/** A stream object: dictionary entries and data, Flate-compressed when `deflate`. */
export function streamObject(dict: string, data: string, deflate = false) {
  const bytes = deflate ? deflateSync(Buffer.from(data, 'latin1')) : Buffer.from(data, 'latin1');
  const filter = deflate ? ' /Filter /FlateDecode' : '';
  return Buffer.concat([
    Buffer.from(`<< ${dict}${filter} /Length ${bytes.length} >>\nstream\n`, 'latin1'),
    bytes,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** A one-page PDF; `extra` objects follow the page (numbered from 4). */
export function simplePdf(catalogExtra = '', extra: Array<string | Buffer> = []) {
  return pdfOf([
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    ...extra,
  ]);
}

/** A multipart body with one file in field `file` (or `field`). */
export function multipart(bytes: Buffer, filename: string, field = 'file') {
  const boundary = `----pairing${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      'Content-Type: image/jpeg\r\n\r\n',
    'utf8',
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const newKey = () => `ev-${randomBytes(8).toString('hex')}`;

/** Upload a file to a record as `user`, with a fresh idempotency key unless one is given. */
export function upload(
  env: TestEnv,
  user: ScenarioUser,
  recordId: number,
  bytes: Buffer,
  filename = 'photo.jpg',
  key = newKey(),
) {
  const body = multipart(bytes, filename);
  return env.app.inject({
    method: 'POST',
    url: `/api/records/${recordId}/evidence`,
    headers: { ...body.headers, cookie: user.cookie, 'idempotency-key': key },
    payload: body.payload,
  });
}

/** Every file under the evidence directory (temporary ones included). */
export function storedFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(dir);
}
