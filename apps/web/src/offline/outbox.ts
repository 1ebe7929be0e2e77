// The offline outbox (issue 12 item 10): a record and its photos are kept in IndexedDB under the
// record's idempotency key before anything is sent, and sent again until every part got through.
// The key makes a resend replay instead of duplicate (the server's idempotency plugin).
import { ledgerApi, type RecordInput } from '@pairing/shared';
import { send } from '../api/client.ts';
import { deliver, describeRefusal, type Delivery } from './deliver.ts';
import { withOutboxLock } from './lock.ts';
import {
  addEntry,
  allEntries,
  getEntry,
  removeEntry,
  updateEntry,
  type OutboxEntry,
} from './store.ts';

export type { OutboxEntry };

export type SubmitRecordArgs = {
  pairingId: number;
  input: RecordInput;
  files: readonly File[];
  /** One key per record the user submits (`newIdempotencyKey`); the same key on a resubmit. */
  idempotencyKey: string;
};

export type SubmitRecordResult = { status: 'sent'; recordId: number } | { status: 'queued' };

/** How long a queued entry waits before the next try when nothing else (going online) prompts one. */
export const retryMs = 30_000;

let userId: number | null = null;
let started = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> | null = null;
let again = false;
let channel: BroadcastChannel | null = null;
const listeners = new Set<() => void>();

const mine = (entry: OutboxEntry) => entry.userId === null || entry.userId === userId;

function notify() {
  for (const listener of listeners) listener();
}

/** Tell this tab's views and the other tabs' that the outbox changed. */
function changed() {
  notify();
  channel?.postMessage('changed');
}

/** Call `listener` whenever the outbox changes (in any tab) or a sync starts or ends. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export const isSyncing = () => running !== null;

/** The signed-in user's entries, oldest first. */
export async function listEntries(): Promise<OutboxEntry[]> {
  return (await allEntries()).filter(mine);
}

/** Try an entry once (under the lock); null when another sync sent or refused it meanwhile. */
async function sendEntry(key: string): Promise<Delivery | null> {
  const entry = await getEntry(key);
  if (!entry || entry.state === 'failed') return null;
  const delivery = await deliver(entry);
  if (delivery.outcome === 'sent') {
    await removeEntry(key);
  } else {
    await updateEntry(key, (stored) => {
      stored.attempts += 1;
      stored.triedAt = Date.now();
      if (delivery.outcome === 'refused') {
        stored.state = 'failed';
        stored.error = describeRefusal(delivery.error);
      } else {
        stored.error = delivery.message;
      }
    });
  }
  changed();
  return delivery;
}

/** The id of the record a key created, asked by replaying the create (another tab sent it). */
async function replayedRecordId(pairingId: number, input: RecordInput, key: string) {
  try {
    const { data } = await send(ledgerApi.createRecord, {
      params: { id: pairingId },
      body: input,
      idempotencyKey: key,
    });
    return data.id;
  } catch {
    return null;
  }
}

/**
 * Keep a record with its files in the outbox, then try to send it at once. `sent` once the record
 * and every file reached the server (or the record did and a file was refused: the outbox then
 * shows that file as failed); `queued` when it will be sent later.
 *
 * A refusal of the record itself on this first try (a 4xx other than 401/408/429) is thrown as
 * the ApiError and nothing is kept: the user is still on the form and can correct it. The server
 * keeps that refusal under the key, so a corrected record needs a new key.
 */
export async function submitRecord({
  pairingId,
  input,
  files,
  idempotencyKey: key,
}: SubmitRecordArgs): Promise<SubmitRecordResult> {
  await addEntry(
    {
      key,
      userId,
      pairingId,
      input,
      files: files.map((file) => ({
        name: file.name,
        type: file.type,
        size: file.size,
        sent: false,
      })),
      recordId: null,
      state: 'queued',
      error: null,
      attempts: 0,
      createdAt: Date.now(),
      triedAt: null,
    },
    files,
  );
  changed();
  if (!navigator.onLine) {
    await reschedule();
    return { status: 'queued' };
  }
  const delivery = await withOutboxLock(() => sendEntry(key));
  await reschedule();
  if (delivery === null) {
    const recordId = (await getEntry(key)) ? null : await replayedRecordId(pairingId, input, key);
    return recordId === null ? { status: 'queued' } : { status: 'sent', recordId };
  }
  if (delivery.outcome === 'sent') return { status: 'sent', recordId: delivery.recordId };
  if (delivery.outcome === 'retry') return { status: 'queued' };
  if (delivery.recordId !== null) return { status: 'sent', recordId: delivery.recordId };
  await removeEntry(key);
  changed();
  throw delivery.error;
}

/** Send the user's queued entries, oldest first, stopping at the first that cannot get through. */
async function sendQueued() {
  for (const entry of await allEntries()) {
    if (entry.state !== 'queued' || !mine(entry)) continue;
    if (!navigator.onLine) return;
    const delivery = await sendEntry(entry.key);
    if (delivery?.outcome === 'retry') return;
  }
}

/**
 * Send what is queued, one sync at a time across tabs. A call while this tab syncs joins that
 * sync, which then makes one more pass for entries stored after it began.
 */
export function syncOutbox(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await withOutboxLock(sendQueued);
    } while (again);
  })().finally(() => {
    running = null;
    notify();
    void reschedule();
  });
  notify();
  return running;
}

function syncInBackground() {
  syncOutbox().catch((error: unknown) => console.error('outbox sync failed', error));
}

/** Try again in `retryMs` while the user has queued entries (only while the outbox runs). */
async function reschedule() {
  const waiting = started && (await listEntries()).some((entry) => entry.state === 'queued');
  if (timer) clearTimeout(timer);
  timer = started && waiting ? setTimeout(syncInBackground, retryMs) : null;
}

/** Put a failed entry back in the queue (or hurry a queued one) and sync now. */
export async function retryEntry(key: string) {
  await updateEntry(key, (entry) => {
    entry.state = 'queued';
    entry.error = null;
  });
  changed();
  await syncOutbox();
}

/** Drop an entry and its files; a record the server already created stays there. */
export async function discardEntry(key: string) {
  await removeEntry(key);
  changed();
  await reschedule();
}

/**
 * Run the outbox for the signed-in user: sync now (app start), whenever the browser comes back
 * online, and every `retryMs` while entries wait. Answers the function that stops it.
 */
export function startOutbox(user: number): () => void {
  userId = user;
  started = true;
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('pairing-outbox');
  if (channel) channel.onmessage = notify;
  window.addEventListener('online', syncInBackground);
  syncInBackground();
  return () => {
    started = false;
    userId = null;
    window.removeEventListener('online', syncInBackground);
    if (timer) clearTimeout(timer);
    timer = null;
    channel?.close();
    channel = null;
  };
}
