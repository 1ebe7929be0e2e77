import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import type { OutboxEntry } from './store.ts';

/** An outbox entry as `submitRecord` stores it: a visit with one photo, queued for nobody in particular. */
export function outboxEntry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    key: 'rec-test-1',
    userId: null,
    pairingId: 7,
    input: {
      type: 'visit',
      date: '2026-03-02',
      place: '村委会',
      narrative: '走访困难户',
      people: { rosterIds: [], others: [] },
      department: true,
    },
    files: [{ name: 'a.jpg', type: 'image/jpeg', size: 4, sent: false }],
    recordId: null,
    state: 'queued',
    error: null,
    attempts: 0,
    createdAt: Date.parse('2026-03-02T08:00:00+08:00'),
    triedAt: null,
    ...overrides,
  };
}

export const photoBytes = () => new Blob(['jpeg'], { type: 'image/jpeg' });

/** Start from an empty outbox (the page's open connection closes itself when asked). */
export const resetOutboxDb = () => deleteDB('pairing-outbox');
