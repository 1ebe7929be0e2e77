// The outbox's IndexedDB database: records waiting to reach the server, and their photos' bytes.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RecordInput } from '@pairing/shared';

/** A photo or scan of an entry, without its bytes (those live in the `files` store). */
export type OutboxFile = { name: string; type: string; size: number; sent: boolean };

export type OutboxState = 'queued' | 'failed';

/** A record the user submitted, kept under its idempotency key until every part reached the server. */
export type OutboxEntry = {
  key: string;
  /** Who recorded it: only that user's session sends it (null: recorded before anyone was known). */
  userId: number | null;
  pairingId: number;
  input: RecordInput;
  files: OutboxFile[];
  /** Set once the server created the record, so a retry uploads the remaining photos only. */
  recordId: number | null;
  /** `failed`: refused for good (a 4xx that a retry cannot change), kept for the user to see. */
  state: OutboxState;
  /** The refusal of a failed entry, or why the last attempt of a queued one did not get through. */
  error: string | null;
  attempts: number;
  createdAt: number;
  triedAt: number | null;
};

// Bytes, not Blobs: an ArrayBuffer survives structured cloning in every browser (older Safari lost
// Blobs stored in IndexedDB) and in the tests' in-memory IndexedDB.
type StoredFile = { key: string; index: number; data: ArrayBuffer };

interface OutboxSchema extends DBSchema {
  entries: { key: string; value: OutboxEntry };
  files: { key: [string, number]; value: StoredFile };
}

const dbName = 'pairing-outbox';
let opening: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function db() {
  opening ??= openOutbox();
  return opening;
}

function openOutbox() {
  const opened = openDB<OutboxSchema>(dbName, 1, {
    upgrade(database) {
      database.createObjectStore('entries', { keyPath: 'key' });
      database.createObjectStore('files', { keyPath: ['key', 'index'] });
    },
    // Another tab upgrades or deletes the database: let it, and reopen on the next call.
    blocking() {
      void opened.then((database) => database.close());
      if (opening === opened) opening = null;
    },
  });
  // A failed open (storage blocked for a moment) is tried again on the next call.
  opened.catch(() => {
    if (opening === opened) opening = null;
  });
  return opened;
}

/** Store an entry and its files' bytes in one transaction; an existing key is left as it is. */
export async function addEntry(entry: OutboxEntry, files: readonly Blob[]): Promise<boolean> {
  const data = await Promise.all(files.map((file) => file.arrayBuffer()));
  const tx = (await db()).transaction(['entries', 'files'], 'readwrite');
  if (await tx.objectStore('entries').get(entry.key)) {
    await tx.done;
    return false;
  }
  await tx.objectStore('entries').add(entry);
  for (const [index, bytes] of data.entries()) {
    await tx.objectStore('files').put({ key: entry.key, index, data: bytes });
  }
  await tx.done;
  return true;
}

export async function getEntry(key: string): Promise<OutboxEntry | undefined> {
  return (await db()).get('entries', key);
}

/** Every entry, oldest first. */
export async function allEntries(): Promise<OutboxEntry[]> {
  const entries = await (await db()).getAll('entries');
  return entries.sort((a, b) => a.createdAt - b.createdAt);
}

/** Change an entry that still exists; one discarded meanwhile stays discarded. */
export async function updateEntry(key: string, change: (entry: OutboxEntry) => void) {
  const tx = (await db()).transaction('entries', 'readwrite');
  const entry = await tx.store.get(key);
  if (entry) {
    change(entry);
    await tx.store.put(entry);
  }
  await tx.done;
}

/** The bytes of an entry's file as a Blob of its type, or null when they are gone. */
export async function fileOf(key: string, index: number, type: string): Promise<Blob | null> {
  const stored = await (await db()).get('files', [key, index]);
  return stored ? new Blob([stored.data], { type }) : null;
}

export async function removeEntry(key: string) {
  const tx = (await db()).transaction(['entries', 'files'], 'readwrite');
  await tx.objectStore('entries').delete(key);
  const files = tx.objectStore('files');
  for (const fileKey of await files.getAllKeys(IDBKeyRange.bound([key, 0], [key, Infinity]))) {
    await files.delete(fileKey);
  }
  await tx.done;
}
