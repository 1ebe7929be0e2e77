import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { auditLog } from '../audit/schema.ts';
import { evidenceFiles, ledgerRecords, recordEvidence } from './schema.ts';
import { signedPairing } from './test-support.ts';
import {
  bombPng,
  insertRecord,
  newKey,
  photo,
  simplePdf,
  storedFiles,
  upload,
} from './evidence/test-support.ts';

let env: TestEnv;
let s: Scenario;
let pairingId: number;
let dir: string;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-03-20T10:00:00+08:00');
  s = await createScenario(env, 'evd');
  pairingId = (await signedPairing(env, s)).id;
  dir = env.config.evidence!.dir!;
});
afterAll(() => env.close());

const unit = () => s.a.users.unit_admin;

async function stored() {
  const [files] = await env.dbh.db.select({ n: count() }).from(evidenceFiles);
  const [links] = await env.dbh.db.select({ n: count() }).from(recordEvidence);
  return { files: files.n, links: links.n, blobs: storedFiles(dir).length };
}

async function flagOf(recordId: number) {
  const [row] = await env.dbh.db
    .select({ flag: ledgerRecords.photoDateMismatch })
    .from(ledgerRecords)
    .where(eq(ledgerRecords.id, recordId));
  return row.flag;
}

describe('the bad-input corpus: refused, and nothing stored', () => {
  let recordId: number;
  beforeEach(async () => {
    recordId = await insertRecord(env, pairingId, unit());
  });

  const refusals: Array<[string, () => Promise<Buffer> | Buffer, string, string]> = [
    [
      'a program named photo.jpg',
      () =>
        Buffer.concat([
          Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
          Buffer.alloc(512),
        ]),
      'photo.jpg',
      'evidence_unsupported_type',
    ],
    [
      'an HTML page named photo.jpg',
      () =>
        Buffer.from(
          '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
        ),
      'photo.jpg',
      'evidence_unsupported_type',
    ],
    [
      'an SVG named scan.png',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'scan.png',
      'evidence_unsupported_type',
    ],
    ['an empty file', () => Buffer.alloc(0), 'photo.jpg', 'evidence_empty'],
    [
      'a PNG declaring 50000×50000 pixels',
      () => bombPng(50_000, 50_000),
      'bomb.png',
      'evidence_image_too_large',
    ],
    [
      'a JPEG cut short after its header',
      async () => (await photo()).subarray(0, 300),
      'photo.jpg',
      'evidence_unreadable_image',
    ],
    [
      'a HEIC photo the image library cannot decode',
      () =>
        Buffer.concat([
          Buffer.from([0, 0, 0, 24]),
          Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
          Buffer.alloc(200, 7),
        ]),
      'IMG_0001.HEIC',
      'evidence_unreadable_image',
    ],
    [
      'a PDF that runs JavaScript when opened',
      () => simplePdf('/OpenAction 4 0 R ', ['<< /S /JavaScript /JS (app.alert\\(1\\)) >>']),
      'report.pdf',
      'evidence_pdf_active',
    ],
  ];

  for (const [what, make, name, code] of refusals)
    it(`refuses ${what} (422 ${code})`, async () => {
      const res = await upload(env, unit(), recordId, await make(), name);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.fields.file).toBeTruthy();
      expect(await stored()).toEqual({ files: 0, links: 0, blobs: 0 });
    });

  it('refuses a file over the size limit (15 MB)', async () => {
    const big = Buffer.concat([await photo(), Buffer.alloc(15 * 1024 * 1024)]);
    const res = await upload(env, unit(), recordId, big, 'big.jpg');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('evidence_too_large');
    expect(await stored()).toEqual({ files: 0, links: 0, blobs: 0 });
  });

  it('refuses an upload without a file part', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/records/${recordId}/evidence`,
      headers: { cookie: unit().cookie, 'idempotency-key': newKey() },
      payload: { file: 'photo.jpg' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('evidence_no_file');
  });
});

describe('accepted evidence', () => {
  it('keeps an EXIF-less photo re-encoded, with a thumbnail, no capture time and no flag', async () => {
    const recordId = await insertRecord(env, pairingId, unit());
    const png = await sharp({
      create: { width: 900, height: 600, channels: 4, background: '#2468ac80' },
    })
      .png()
      .toBuffer();
    const res = await upload(env, unit(), recordId, png, 'scan.png');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      mime: 'image/jpeg',
      width: 900,
      height: 600,
      takenAt: null,
      dateMismatch: false,
      photoDateMismatch: false,
    });
    expect(await flagOf(recordId)).toBe(false);

    const file = await env.app.inject({
      method: 'GET',
      url: `/api/evidence/${body.id}`,
      headers: { cookie: unit().cookie },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `inline; filename="evidence-${body.id}.jpg"; filename*=UTF-8''scan.jpg`,
    );
    expect(file.rawPayload.length).toBe(body.size);
    expect((await sharp(file.rawPayload).metadata()).format).toBe('jpeg');

    const thumb = await env.app.inject({
      method: 'GET',
      url: `/api/evidence/${body.id}/thumb`,
      headers: { cookie: unit().cookie },
    });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const t = await sharp(thumb.rawPayload).metadata();
    expect([t.format, t.width, t.height]).toEqual(['webp', 320, 213]);

    const again = await env.app.inject({
      method: 'GET',
      url: `/api/evidence/${body.id}`,
      headers: { cookie: unit().cookie, 'if-none-match': file.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('reads capture time and place, strips them from the stored file, flags a photo 3 days off', async () => {
    const recordId = await insertRecord(env, pairingId, unit(), { date: '2026-03-18' });
    const near = await upload(
      env,
      unit(),
      recordId,
      await photo({ colour: '#111', taken: '2026:03:19 21:30:00' }),
    );
    expect(near.statusCode, near.body).toBe(201);
    expect(near.json()).toMatchObject({
      takenAt: '2026-03-19T13:30:00.000Z',
      dateMismatch: false,
      photoDateMismatch: false,
    });

    const off = await upload(
      env,
      unit(),
      recordId,
      await photo({ colour: '#222', taken: '2026:03:15 09:00:00', gps: true }),
    );
    expect(off.statusCode, off.body).toBe(201);
    expect(off.json()).toMatchObject({ dateMismatch: true, photoDateMismatch: true });
    expect(await flagOf(recordId)).toBe(true);

    const [row] = await env.dbh.db
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.id, off.json().id));
    expect(row.latitude).toBeCloseTo(30.7583, 3);
    expect(row.longitude).toBeCloseTo(121.3333, 3);
    const served = await env.app.inject({
      method: 'GET',
      url: `/api/evidence/${row.id}`,
      headers: { cookie: unit().cookie },
    });
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('Serial-0042'))).toBe(false);

    // Taking the flagged photo off clears the record's flag.
    const del = await env.app.inject({
      method: 'DELETE',
      url: `/api/records/${recordId}/evidence/${row.id}`,
      headers: { cookie: unit().cookie },
    });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toEqual({ photoDateMismatch: false });
    expect(await flagOf(recordId)).toBe(false);
    const gone = await env.app.inject({
      method: 'GET',
      url: `/api/evidence/${row.id}`,
      headers: { cookie: unit().cookie },
    });
    expect(gone.statusCode).toBe(404);
  });

  it('accepts the HEIF family where it can be decoded (AVIF), stored as JPEG', async () => {
    const recordId = await insertRecord(env, pairingId, unit());
    const avif = await sharp({
      create: { width: 120, height: 80, channels: 3, background: '#963' },
    })
      .avif()
      .toBuffer();
    const res = await upload(env, unit(), recordId, avif, 'IMG_0002.avif');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'image/jpeg', width: 120, height: 80 });
  });

  it('keeps a plain PDF as uploaded, served in a sandbox, with no thumbnail', async () => {
    const recordId = await insertRecord(env, pairingId, unit());
    const pdf = simplePdf();
    const res = await upload(env, unit(), recordId, pdf, '收据.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      mime: 'application/pdf',
      size: pdf.length,
      width: null,
      takenAt: null,
    });
    const file = await env.app.inject({
      method: 'GET',
      url: `/api/evidence/${res.json().id}`,
      headers: { cookie: unit().cookie },
    });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-security-policy']).toBe('sandbox');
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('收据.pdf')}`,
    );
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const thumb = await env.app.inject({
      method: 'GET',
      url: `/api/evidence/${res.json().id}/thumb`,
      headers: { cookie: unit().cookie },
    });
    expect(thumb.statusCode).toBe(404);
  });

  it('keeps path tricks and control characters in names as harmless text only', async () => {
    const recordId = await insertRecord(env, pairingId, unit());
    const names = [
      '../../etc/passwd.jpg',
      '..\\..\\windows\\win.ini.jpg',
      'a\u0000b\u202ephoto.jpg',
      '.htaccess',
    ];
    for (const [i, name] of names.entries()) {
      const res = await upload(env, unit(), recordId, await photo({ colour: `#0${i}0` }), name);
      expect(res.statusCode, res.body).toBe(201);
    }
    const kept = await env.dbh.db
      .select({ name: recordEvidence.originalName })
      .from(recordEvidence)
      .where(eq(recordEvidence.recordId, recordId));
    for (const { name } of kept) {
      // eslint-disable-next-line no-control-regex
      expect(name).not.toMatch(/[/\\\u0000-\u001f\u202e]/);
      expect(name.startsWith('.')).toBe(false);
    }
    expect(kept.map((k) => k.name).sort()).toEqual([
      'abphoto.jpg',
      'htaccess',
      'passwd.jpg',
      'win.ini.jpg',
    ]);
    for (const path of storedFiles(dir))
      expect(path.slice(dir.length)).toMatch(/^\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
  });

  it('replays a repeated upload with the same key: one file, one link', async () => {
    const recordId = await insertRecord(env, pairingId, unit());
    const bytes = await photo({ colour: '#abcdef' });
    const key = newKey();
    const first = await upload(env, unit(), recordId, bytes, 'a.jpg', key);
    const second = await upload(env, unit(), recordId, bytes, 'a.jpg', key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const links = await env.dbh.db
      .select()
      .from(recordEvidence)
      .where(eq(recordEvidence.recordId, recordId));
    expect(links).toHaveLength(1);

    const blobs = storedFiles(dir).length;
    const other = await upload(
      env,
      unit(),
      recordId,
      await photo({ colour: '#fedcba' }),
      'b.jpg',
      key,
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().error.fields['Idempotency-Key']).toBeTruthy();
    expect(storedFiles(dir)).toHaveLength(blobs);

    // The same file under a new key is already there.
    const dup = await upload(env, unit(), recordId, bytes, 'a.jpg');
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('evidence_attached');
  });

  it('answers two uploads racing with one key once: one link, the other replayed', async () => {
    const recordId = await insertRecord(env, pairingId, unit());
    const bytes = await photo({ colour: '#13579b' });
    const key = newKey();
    const answers = await Promise.all(
      [1, 2].map(() => upload(env, unit(), recordId, bytes, 'r.jpg', key)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    expect(answers.filter((a) => a.headers['idempotency-replayed'] === 'true')).toHaveLength(1);
    const links = await env.dbh.db
      .select()
      .from(recordEvidence)
      .where(eq(recordEvidence.recordId, recordId));
    expect(links).toHaveLength(1);
  });

  it('keeps one file for the same content attached to two records at once', async () => {
    const first = await insertRecord(env, pairingId, unit());
    const second = await insertRecord(env, pairingId, unit());
    const bytes = await photo({ colour: '#2468ac' });
    const answers = await Promise.all([first, second].map((id) => upload(env, unit(), id, bytes)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    expect(answers[0].json().id).toBe(answers[1].json().id);
    const [{ n }] = await env.dbh.db
      .select({ n: count() })
      .from(recordEvidence)
      .where(eq(recordEvidence.fileId, answers[0].json().id));
    expect(n).toBe(2);
  });

  it('shows the files in the record’s view, in the order attached, as the attach answered', async () => {
    const recordId = await insertRecord(env, pairingId, unit());
    const answers = [];
    for (const colour of ['#314159', '#265358'])
      answers.push((await upload(env, unit(), recordId, await photo({ colour }))).json());
    const view = await env.app.inject({
      method: 'GET',
      url: `/api/records/${recordId}`,
      headers: { cookie: s.a.users.village_admin.cookie },
    });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().evidence).toEqual(answers.map(({ photoDateMismatch: _, ...item }) => item));
    expect(view.json().photoDateMismatch).toBe(false);
  });

  it('audits every attach and detach', async () => {
    const recordId = await insertRecord(env, pairingId, unit());
    const res = await upload(env, unit(), recordId, await photo({ colour: '#765432' }), 'x.jpg');
    await env.app.inject({
      method: 'DELETE',
      url: `/api/records/${recordId}/evidence/${res.json().id}`,
      headers: { cookie: unit().cookie },
    });
    const rows = await env.dbh.db
      .select({ action: auditLog.action, actor: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(recordId)));
    expect(rows.map((r) => r.action).sort()).toEqual([
      'ledger.evidence.attach',
      'ledger.evidence.detach',
    ]);
    expect(rows.every((r) => r.actor === unit().id)).toBe(true);
  });
});
