import { describe, expect, it } from 'vitest';
import { recordView } from '../test/ledgerFixtures.ts';
import { failure, json, stubFetch } from '../test/render.tsx';
import { submitRecord } from './outbox.ts';

const input = recordView().content;

describe('submitRecord', () => {
  it('sends the record with its key, then each file with a key of its own', async () => {
    const { calls } = stubFetch({
      'POST /api/pairings/:id/records': json(recordView({ id: 77 }), 201),
      'POST /api/records/:id/evidence': json({ id: 1 }, 201),
    });
    const files = [
      new File(['a'], 'a.jpg', { type: 'image/jpeg' }),
      new File(['b'], 'b.pdf', { type: 'application/pdf' }),
    ];
    const result = await submitRecord({ pairingId: 41, input, files, idempotencyKey: 'record-k' });
    expect(result).toEqual({ status: 'sent', recordId: 77 });

    const [record] = calls('POST /api/pairings/:id/records');
    expect(record.url.pathname).toBe('/api/pairings/41/records');
    expect((record.init?.headers as Record<string, string>)['idempotency-key']).toBe('record-k');
    expect(JSON.parse(String(record.init?.body))).toEqual(input);

    const uploads = calls('POST /api/records/:id/evidence');
    expect(uploads.map((u) => u.url.pathname)).toEqual([
      '/api/records/77/evidence',
      '/api/records/77/evidence',
    ]);
    expect(
      uploads.map((u) => (u.init?.headers as Record<string, string>)['Idempotency-Key']),
    ).toEqual(['record-k:0', 'record-k:1']);
    expect((uploads[1].init?.body as FormData).get('file')).toMatchObject({ name: 'b.pdf' });
  });

  it("throws a refused file's message so the form can offer another try", async () => {
    stubFetch({
      'POST /api/pairings/:id/records': json(recordView({ id: 77 }), 201),
      'POST /api/records/:id/evidence': failure(422, '文件类型不受支持', 'evidence_type'),
    });
    const files = [new File(['x'], 'x.jpg', { type: 'image/jpeg' })];
    await expect(
      submitRecord({ pairingId: 41, input, files, idempotencyKey: 'record-k' }),
    ).rejects.toMatchObject({ status: 422, message: '文件类型不受支持' });
  });
});
