import {
  pathOf,
  peopleFilesApi,
  type ImportRowError,
  type PeopleExportInput,
  type PeopleImported,
  type PeopleImportRejected,
} from '@pairing/shared';
import { ApiError } from '../../api/client.ts';

export type ImportAnswer =
  | { ok: true; imported: number }
  | { ok: false; message: string; rows: ImportRowError[]; rowCount: number };

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as PeopleImportRejected | null;
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.code ?? 'error',
    error?.message ?? `${response.status} ${response.statusText}`,
    error?.fields ?? {},
  );
}

/**
 * Upload the people workbook. A refusal with row errors (422 `import_rejected`) is an answer the
 * dialog lists; `call` keeps only the message and fields, so the body is read here. One
 * idempotency key per upload: a retry of the same file replays the first answer.
 */
export async function importPeople(
  orgId: number,
  file: File,
  idempotencyKey: string,
): Promise<ImportAnswer> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch(pathOf(peopleFilesApi.import, { id: orgId }), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'idempotency-key': idempotencyKey },
      body,
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (response.ok)
    return { ok: true, imported: ((await response.json()) as PeopleImported).imported };
  const answer = (await response
    .clone()
    .json()
    .catch(() => null)) as PeopleImportRejected | null;
  if (response.status === 422 && answer?.error.rows)
    return {
      ok: false,
      message: answer.error.message,
      rows: answer.error.rows,
      rowCount: answer.error.rowCount ?? answer.error.rows.length,
    };
  throw await errorOf(response);
}

/** Export the register: a POST (it carries the reason), saved as the file the server names. */
export async function exportPeople(input: PeopleExportInput) {
  let response: Response;
  try {
    response = await fetch(pathOf(peopleFilesApi.export), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (!response.ok) throw await errorOf(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = named ? decodeURIComponent(named) : '人员名册.xlsx';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
