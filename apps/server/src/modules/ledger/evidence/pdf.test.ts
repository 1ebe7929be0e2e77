import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { checkPdf } from './pdf.ts';
import { pdfOf, simplePdf, streamObject } from './test-support.ts';

const codeOf = (bytes: Buffer) => {
  try {
    checkPdf(bytes);
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
};

/** An object stream holding `objects` (number → dictionary text), Flate-compressed unless `raw`. */
function objectStream(
  objects: Record<number, string>,
  options: { raw?: boolean; dict?: string } = {},
) {
  const bodies = Object.values(objects);
  let offset = 0;
  const header = Object.keys(objects)
    .map((n, i) => {
      const entry = `${n} ${offset}`;
      offset += bodies[i].length + 1;
      return entry;
    })
    .join(' ');
  const data = `${header}\n${bodies.join('\n')}`;
  const dict = `/Type /ObjStm /N ${bodies.length} /First ${header.length + 1} ${options.dict ?? ''}`;
  return streamObject(dict, data, !options.raw);
}

describe('checkPdf', () => {
  it('accepts a plain document, with page content and a harmless link action', () => {
    const content = streamObject('', 'BT /F1 12 Tf 20 100 Td (JS JavaScript) Tj ET', true);
    const link =
      '<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (https://example.org/) >> >>';
    expect(codeOf(simplePdf('/OpenAction [3 0 R /Fit] ', [content, link]))).toBe('ok');
  });

  it('refuses JavaScript opened with the document', () => {
    const pdf = simplePdf('/OpenAction 4 0 R ', ['<< /S /JavaScript /JS (app.alert\\(1\\)) >>']);
    expect(codeOf(pdf)).toBe('evidence_pdf_active');
  });

  it('refuses names hidden behind #xx escapes', () => {
    expect(codeOf(simplePdf('/OpenAction 4 0 R ', ['<< /S /Java#53cript /J#53 (x) >>']))).toBe(
      'evidence_pdf_active',
    );
  });

  it('refuses a script inside a compressed object stream', () => {
    const pdf = simplePdf('/OpenAction 5 0 R ', [
      objectStream({ 5: '<< /S /JavaScript /JS 6 0 R >>', 6: '<< /Type /Foo >>' }),
    ]);
    expect(codeOf(pdf)).toBe('evidence_pdf_active');
  });

  it('accepts an object stream of harmless dictionaries', () => {
    const pdf = simplePdf('', [objectStream({ 5: '<< /Type /Foo /Bar 1 >>' })]);
    expect(codeOf(pdf)).toBe('ok');
  });

  it('refuses an object stream whose filter it cannot undo', () => {
    const pdf = simplePdf('', [
      objectStream({ 5: '<< /Type /Foo >>' }, { raw: true, dict: '/Filter /LZWDecode' }),
    ]);
    expect(codeOf(pdf)).toBe('evidence_pdf_unreadable');
  });

  it('refuses launch actions, embedded files and forms that send data', () => {
    for (const object of [
      '<< /S /Launch /F (cmd.exe) >>',
      '<< /Type /Filespec /EF << /F 5 0 R >> >>\n<< /Type /EmbeddedFile >>',
      '<< /Names << /EmbeddedFiles 5 0 R >> >>',
      '<< /S /SubmitForm /F (https://example.org/) >>',
    ])
      expect(codeOf(simplePdf('/OpenAction 4 0 R ', [object]))).toBe('evidence_pdf_active');
  });

  it('refuses an encrypted document', () => {
    const pdf = pdfOf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [] /Count 0 >>',
        '<< /Filter /Standard /V 2 /R 3 /O (x) /U (y) /P -4 >>',
      ],
      '/Encrypt 3 0 R ',
    );
    expect(codeOf(pdf)).toBe('evidence_pdf_encrypted');
  });

  it('does not read page content or image bytes as dictionaries', () => {
    const noise = Buffer.from('/JS /JavaScript /Launch', 'latin1').toString('latin1');
    const image = streamObject('/Type /XObject /Subtype /Image /Width 1 /Height 1', noise);
    expect(codeOf(simplePdf('', [image]))).toBe('ok');
  });

  it('refuses a stream that never ends', () => {
    const truncated = Buffer.concat([
      simplePdf(),
      Buffer.from('9 0 obj\n<< /Length 99 >>\nstream\nabc', 'latin1'),
    ]);
    expect(codeOf(truncated)).toBe('evidence_pdf_unreadable');
  });
});
