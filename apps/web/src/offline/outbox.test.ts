import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordInput } from '@pairing/shared';
import { failure, json, stubFetch, type Responder, type StubRequest } from '../test/render.tsx';
import { resetOutboxDb } from './testing.ts';

type Outbox = typeof import('./outbox.ts');

const visit: RecordInput = {
  type: 'visit',
  date: '2026-03-02',
  place: '村委会',
  narrative: '走访困难户',
  people: { rosterIds: [3], others: [] },
  department: true,
};

const photo = (name: string) => new File([`bytes of ${name}`], name, { type: 'image/jpeg' });

/**
 * The two routes the outbox calls, keeping the server's promise: one record per idempotency key,
 * one file per file key; a repeated key replays. `next` answers the coming requests of a route
 * (a 503, a refusal, a dropped connection) before the real thing.
 */
function fakeServer() {
  const records = new Map<string, number>();
  const files = new Map<string, { recordId: number; name: string; bytes: string }>();
  const next: { record: Responder[]; file: Responder[] } = { record: [], file: [] };
  let gate: Promise<void> | null = null;
  const keyOf = (request: StubRequest) =>
    (request.init?.headers as Record<string, string>)['idempotency-key'];

  const routes = {
    'POST /api/pairings/:id/records': async (request: StubRequest) => {
      if (gate) await gate;
      const override = next.record.shift();
      if (override) return override(request);
      const key = keyOf(request);
      if (!records.has(key)) records.set(key, 500 + records.size);
      return json({ id: records.get(key) }, 201)(request);
    },
    'POST /api/records/:id/evidence': async (request: StubRequest) => {
      const override = next.file.shift();
      if (override) return override(request);
      const key = keyOf(request);
      const file = (request.init?.body as FormData).get('file') as File;
      if (!files.has(key)) {
        files.set(key, {
          recordId: Number(request.url.pathname.split('/')[3]),
          name: file.name,
          bytes: await file.text(),
        });
      }
      return json({ id: files.size }, 201)(request);
    },
  };
  return {
    records,
    files,
    next,
    /** Hold record creates until the returned function is called. */
    hold() {
      let open = () => undefined as void;
      gate = new Promise<void>((resolve) => (open = resolve));
      return () => {
        gate = null;
        open();
      };
    },
    install: () => stubFetch(routes),
  };
}

const dropped: Responder = () => Promise.reject(new TypeError('Failed to fetch'));
const unavailable = failure(503, '服务暂时不可用', 'unavailable');

let online = true;
const stops: Array<() => void> = [];

/** A fresh copy of the outbox modules, as a newly opened tab has (the database is shared). */
async function openTab(userId = 1): Promise<Outbox> {
  vi.resetModules();
  const outbox = await import('./outbox.ts');
  stops.push(outbox.startOutbox(userId));
  return outbox;
}

async function settled(outbox: Outbox) {
  await vi.waitFor(() => expect(outbox.isSyncing()).toBe(false));
}

beforeEach(async () => {
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  await resetOutboxDb();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'locks');
});

describe('the offline outbox', () => {
  it('keeps a record with its photos while offline and sends nothing', async () => {
    const server = fakeServer();
    const { fetch } = server.install();
    const outbox = await openTab();
    await settled(outbox);
    online = false;

    const result = await outbox.submitRecord({
      pairingId: 7,
      input: visit,
      files: [photo('a.jpg'), photo('b.jpg')],
      idempotencyKey: 'rec-offline-1',
    });

    expect(result).toEqual({ status: 'queued' });
    expect(fetch).not.toHaveBeenCalled();
    const [entry] = await outbox.listEntries();
    expect(entry).toMatchObject({
      key: 'rec-offline-1',
      userId: 1,
      pairingId: 7,
      input: visit,
      state: 'queued',
      recordId: null,
    });
    expect(entry.files.map((f) => [f.name, f.sent])).toEqual([
      ['a.jpg', false],
      ['b.jpg', false],
    ]);
  });

  it('sends a queued record and its photos once when the browser comes back online', async () => {
    const server = fakeServer();
    const { calls } = server.install();
    const outbox = await openTab();
    await settled(outbox);
    online = false;
    await outbox.submitRecord({
      pairingId: 7,
      input: visit,
      files: [photo('a.jpg'), photo('b.jpg')],
      idempotencyKey: 'rec-online-1',
    });

    online = true;
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect(await outbox.listEntries()).toEqual([]));
    await settled(outbox);

    expect(calls('POST /api/pairings/:id/records')).toHaveLength(1);
    expect(calls('POST /api/pairings/:id/records')[0].url.pathname).toBe('/api/pairings/7/records');
    expect(JSON.parse(String(calls('POST /api/pairings/:id/records')[0].init?.body))).toEqual(
      visit,
    );
    expect([...server.records.keys()]).toEqual(['rec-online-1']);
    expect([...server.files.entries()]).toEqual([
      ['rec-online-1:0', { recordId: 500, name: 'a.jpg', bytes: 'bytes of a.jpg' }],
      ['rec-online-1:1', { recordId: 500, name: 'b.jpg', bytes: 'bytes of b.jpg' }],
    ]);
  });

  it('answers sent with the record id when the connection holds', async () => {
    const server = fakeServer();
    server.install();
    const outbox = await openTab();
    await settled(outbox);

    const result = await outbox.submitRecord({
      pairingId: 7,
      input: visit,
      files: [photo('a.jpg')],
      idempotencyKey: 'rec-direct-1',
    });

    expect(result).toEqual({ status: 'sent', recordId: 500 });
    expect(await outbox.listEntries()).toEqual([]);
    expect(server.files.size).toBe(1);
  });

  it('keeps the record queued after a 503 and sends it on the next sync', async () => {
    const server = fakeServer();
    const { calls } = server.install();
    const outbox = await openTab();
    await settled(outbox);
    server.next.record.push(unavailable);

    const result = await outbox.submitRecord({
      pairingId: 7,
      input: visit,
      files: [],
      idempotencyKey: 'rec-503-1',
    });

    expect(result).toEqual({ status: 'queued' });
    const [entry] = await outbox.listEntries();
    expect(entry).toMatchObject({ state: 'queued', attempts: 1, error: '服务暂时不可用' });

    await outbox.syncOutbox();
    expect(await outbox.listEntries()).toEqual([]);
    expect(calls('POST /api/pairings/:id/records')).toHaveLength(2);
    expect(server.records.size).toBe(1);
  });

  it('tries a waiting record again every 30 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const server = fakeServer();
    const { calls } = server.install();
    const outbox = await openTab();
    await settled(outbox);
    server.next.record.push(unavailable);
    await outbox.submitRecord({
      pairingId: 7,
      input: visit,
      files: [],
      idempotencyKey: 'rec-30s-1',
    });

    await vi.advanceTimersByTimeAsync(outbox.retryMs - 1_000);
    expect(calls('POST /api/pairings/:id/records')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(async () => expect(await outbox.listEntries()).toEqual([]));
    expect(calls('POST /api/pairings/:id/records')).toHaveLength(2);
  });

  it('resumes with the remaining photos once the record was created', async () => {
    const server = fakeServer();
    const { calls } = server.install();
    const outbox = await openTab();
    await settled(outbox);
    server.next.file.push(json({ id: 1 }, 201), dropped);

    const result = await outbox.submitRecord({
      pairingId: 7,
      input: visit,
      files: [photo('a.jpg'), photo('b.jpg')],
      idempotencyKey: 'rec-resume-1',
    });

    expect(result).toEqual({ status: 'queued' });
    const [entry] = await outbox.listEntries();
    expect(entry.recordId).toBe(500);
    expect(entry.files.map((f) => f.sent)).toEqual([true, false]);

    await outbox.syncOutbox();
    expect(await outbox.listEntries()).toEqual([]);
    expect(calls('POST /api/pairings/:id/records')).toHaveLength(1);
    const fileKeys = calls('POST /api/records/:id/evidence').map(
      (call) => (call.init?.headers as Record<string, string>)['idempotency-key'],
    );
    expect(fileKeys).toEqual(['rec-resume-1:0', 'rec-resume-1:1', 'rec-resume-1:1']);
    expect(calls('POST /api/records/:id/evidence')[2].url.pathname).toBe(
      '/api/records/500/evidence',
    );
  });

  it('marks a queued record failed on a 422 and stops sending it until the user acts', async () => {
    const server = fakeServer();
    const { calls } = server.install();
    const outbox = await openTab();
    await settled(outbox);
    online = false;
    await outbox.submitRecord({
      pairingId: 7,
      input: visit,
      files: [photo('a.jpg')],
      idempotencyKey: 'rec-422-1',
    });
    online = true;
    server.next.record.push(
      failure(422, '记录日期不在结对期内', 'invalid', {
        date: '须在 2024-07-01 至 2027-06-30 之间',
      }),
    );

    await outbox.syncOutbox();
    const [entry] = await outbox.listEntries();
    expect(entry).toMatchObject({
      state: 'failed',
      error: '记录日期不在结对期内：须在 2024-07-01 至 2027-06-30 之间',
    });
    await outbox.syncOutbox();
    expect(calls('POST /api/pairings/:id/records')).toHaveLength(1);

    await outbox.discardEntry('rec-422-1');
    expect(await outbox.listEntries()).toEqual([]);
  });

  it('throws a refusal of the first try and keeps nothing, the form being still open', async () => {
    const server = fakeServer();
    server.install();
    const outbox = await openTab();
    await settled(outbox);
    server.next.record.push(failure(422, '记录日期不能晚于今天', 'invalid'));

    await expect(
      outbox.submitRecord({ pairingId: 7, input: visit, files: [], idempotencyKey: 'rec-now-1' }),
    ).rejects.toMatchObject({ status: 422, message: '记录日期不能晚于今天' });
    expect(await outbox.listEntries()).toEqual([]);
  });

  it('sends once when two syncs run at the same time in one tab', async () => {
    const server = fakeServer();
    const { calls } = server.install();
    const outbox = await openTab();
    await settled(outbox);
    online = false;
    await outbox.submitRecord({
      pairingId: 7,
      input: visit,
      files: [photo('a.jpg')],
      idempotencyKey: 'rec-twice-1',
    });
    online = true;

    await Promise.all([outbox.syncOutbox(), outbox.syncOutbox()]);

    expect(calls('POST /api/pairings/:id/records')).toHaveLength(1);
    expect(calls('POST /api/records/:id/evidence')).toHaveLength(1);
    expect(await outbox.listEntries()).toEqual([]);
  });

  it('sends once when two tabs sync at the same time (Web Locks)', async () => {
    Object.defineProperty(navigator, 'locks', { value: fakeLocks(), configurable: true });
    const server = fakeServer();
    const { calls } = server.install();
    const first = await openTab();
    const second = await openTab();
    await Promise.all([settled(first), settled(second)]);
    online = false;
    await first.submitRecord({
      pairingId: 7,
      input: visit,
      files: [photo('a.jpg'), photo('b.jpg')],
      idempotencyKey: 'rec-tabs-1',
    });
    online = true;
    const release = server.hold();

    const syncs = Promise.all([first.syncOutbox(), second.syncOutbox()]);
    await vi.waitFor(() => expect(calls('POST /api/pairings/:id/records')).toHaveLength(1));
    release();
    await syncs;

    expect(calls('POST /api/pairings/:id/records')).toHaveLength(1);
    expect(calls('POST /api/records/:id/evidence')).toHaveLength(2);
    expect(await second.listEntries()).toEqual([]);
  });

  it("leaves another user's entries alone", async () => {
    const server = fakeServer();
    const { fetch } = server.install();
    const before = await openTab(1);
    await settled(before);
    online = false;
    await before.submitRecord({
      pairingId: 7,
      input: visit,
      files: [],
      idempotencyKey: 'rec-u1-1',
    });
    for (const stop of stops.splice(0)) stop();
    online = true;

    const other = await openTab(2);
    await settled(other);
    expect(await other.listEntries()).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });
});

/** The Web Locks API's exclusive `request`, shared by the tabs of one test. */
function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request(name: string, task: () => Promise<unknown>) {
      const run = (tails.get(name) ?? Promise.resolve()).then(task, task);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}
