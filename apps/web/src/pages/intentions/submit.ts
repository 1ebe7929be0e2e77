import { ApiError } from '../../api/client.ts';
import type { IntentionRecord } from '../rounds/api.ts';

/** A fresh idempotency key; crypto.getRandomValues works on plain http too, unlike randomUUID. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `intent-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Submit an intention with its Idempotency-Key header. The caller keeps the key for one choice
 * and sends it again on a retry, so a resent request replays the first answer instead of
 * claiming a second place.
 */
export async function submitIntention(
  roundId: number,
  body: { ruralOrgId: number; urbanOrgId?: number },
  key: string,
): Promise<{ intention: IntentionRecord; replayed: boolean }> {
  let response: Response;
  try {
    response = await fetch(`/api/rounds/${roundId}/intentions`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  const data = (await response.json().catch(() => ({}))) as {
    intention?: IntentionRecord;
    error?: { code?: string; message?: string; fields?: Record<string, string> };
  };
  if (!response.ok) {
    throw new ApiError(
      response.status,
      data.error?.code ?? 'error',
      data.error?.message ?? `${response.status} ${response.statusText}`,
      data.error?.fields ?? {},
    );
  }
  return {
    intention: data.intention!,
    replayed: response.headers.get('idempotency-replayed') === 'true',
  };
}
