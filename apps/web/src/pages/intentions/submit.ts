import { intentionsApi, type IntentionRecord } from '@pairing/shared';
import { send } from '../../api/client.ts';

/**
 * Submit an intention with its Idempotency-Key header. The caller keeps the key for one choice
 * and sends it again on a retry, so a resent request replays the first answer instead of
 * claiming a second place.
 */
export async function submitIntention(
  roundId: number,
  body: { ruralOrgId: number; urbanOrgId?: number },
  idempotencyKey: string,
): Promise<{ intention: IntentionRecord; replayed: boolean }> {
  const { data, headers } = await send(intentionsApi.submit, {
    params: { id: roundId },
    body,
    idempotencyKey,
  });
  return { intention: data.intention, replayed: headers.get('idempotency-replayed') === 'true' };
}
