// Sending one outbox entry: the record, then each of its files, each under its own idempotency
// key, so that whatever part a dropped connection cut off is resent and the rest is replayed.
import { evidenceApi, ledgerApi } from '@pairing/shared';
import { ApiError, send } from '../api/client.ts';
import { fileOf, updateEntry, type OutboxEntry } from './store.ts';

export type Delivery =
  | { outcome: 'sent'; recordId: number }
  /** Not through yet (no network, server trouble, signed out): the entry stays queued. */
  | { outcome: 'retry'; message: string }
  /** Refused for good; `recordId` says whether the record itself was created before. */
  | { outcome: 'refused'; error: ApiError; recordId: number | null };

const recordTimeoutMs = 30_000;
/** A file gets 30 s plus what it takes at 20 KB/s, a poor village mobile link. */
const fileTimeoutMs = (size: number) => 30_000 + Math.ceil(size / 20);

/** The key of the file at `index` of the entry keyed `key`. */
export const fileKey = (key: string, index: number) => `${key}:${index}`;

/**
 * Whether a refusal may pass on a later try: no answer, a server error, a timeout, a rate limit,
 * or a session that has to be renewed first. Every other 4xx is the server's final word.
 */
export function isTransient(error: ApiError): boolean {
  return (
    error.status === 0 ||
    error.status >= 500 ||
    [401, 408, 425, 429].includes(error.status) ||
    (error.status === 403 && error.code === 'password_change_required')
  );
}

/** The refusal with its field messages, for the outbox page. */
export function describeRefusal(error: ApiError): string {
  const fields = Object.values(error.fields);
  return fields.length ? `${error.message}：${fields.join('；')}` : error.message;
}

/** The browser dropped a file's bytes (storage cleared): no retry can send it. */
const fileGone = (name: string) =>
  new ApiError(410, 'file_gone', `文件「${name}」已不在本机存储中，无法上传`);

type Step<T> = { ok: true; value: T } | { ok: false; error: ApiError };

async function attempt<T>(run: () => Promise<T>): Promise<Step<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error };
    throw error;
  }
}

function failure(error: ApiError, recordId: number | null): Delivery {
  return isTransient(error)
    ? { outcome: 'retry', message: describeRefusal(error) }
    : { outcome: 'refused', error, recordId };
}

/**
 * Send what of `entry` has not reached the server yet. The record id and each sent file are
 * written to the entry as soon as the server answers, so the next try resumes after them.
 */
export async function deliver(entry: OutboxEntry): Promise<Delivery> {
  let recordId = entry.recordId;
  if (recordId === null) {
    const created = await attempt(() =>
      send(ledgerApi.createRecord, {
        params: { id: entry.pairingId },
        body: entry.input,
        idempotencyKey: entry.key,
        signal: AbortSignal.timeout(recordTimeoutMs),
      }),
    );
    if (!created.ok) return failure(created.error, null);
    const id = created.value.data.id;
    recordId = id;
    await updateEntry(entry.key, (stored) => {
      stored.recordId = id;
    });
  }
  for (const [index, file] of entry.files.entries()) {
    if (file.sent) continue;
    const blob = await fileOf(entry.key, index, file.type);
    if (!blob) return { outcome: 'refused', error: fileGone(file.name), recordId };
    const form = new FormData();
    form.append('file', blob, file.name);
    const id = recordId;
    const uploaded = await attempt(() =>
      send(evidenceApi.attach, {
        params: { id },
        body: form,
        idempotencyKey: fileKey(entry.key, index),
        signal: AbortSignal.timeout(fileTimeoutMs(file.size)),
      }),
    );
    if (!uploaded.ok) return failure(uploaded.error, recordId);
    await updateEntry(entry.key, (stored) => {
      stored.files[index].sent = true;
    });
  }
  return { outcome: 'sent', recordId };
}
