import { ledgerApi, type RecordInput } from '@pairing/shared';
import { ApiError, send } from '../api/client.ts';

export type SubmitRecordArgs = {
  pairingId: number;
  input: RecordInput;
  /** Photos, scans and PDFs chosen with the record, attached in this order. */
  files: File[];
  /** One per record the user submits; the same again when the same record is retried. */
  idempotencyKey: string;
};

export type SubmitRecordResult = { status: 'sent'; recordId: number } | { status: 'queued' };

/**
 * Send a record, then its files one by one. Every request carries a key derived from the
 * record's, so a retry after a dropped answer replays instead of recording or attaching twice.
 * This version sends while online; a refusal or a lost connection is thrown to the form, which
 * keeps the record and its files for another try.
 */
export async function submitRecord(args: SubmitRecordArgs): Promise<SubmitRecordResult> {
  const { data } = await send(ledgerApi.createRecord, {
    params: { id: args.pairingId },
    body: args.input,
    idempotencyKey: args.idempotencyKey,
  });
  for (const [index, file] of args.files.entries()) {
    await uploadEvidence(data.id, file, `${args.idempotencyKey}:${index}`);
  }
  return { status: 'sent', recordId: data.id };
}

async function uploadEvidence(recordId: number, file: File, idempotencyKey: string) {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/records/${recordId}/evidence`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，照片未上传，请检查网络后重试');
  }
  if (response.ok) return;
  const answer = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  throw new ApiError(
    response.status,
    answer?.error?.code ?? 'error',
    answer?.error?.message ?? `${response.status} ${response.statusText}`,
  );
}
