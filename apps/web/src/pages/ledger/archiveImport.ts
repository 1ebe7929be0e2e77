import {
  archiveApi,
  pathOf,
  type ArchiveImported,
  type ArchiveImportRejected,
  type ArchiveRowError,
} from '@pairing/shared';
import { ApiError, clientHeaders } from '../../api/client.ts';

export type ImportAnswer =
  | { ok: true; imported: ArchiveImported }
  | { ok: false; message: string; rows: ArchiveRowError[]; rowCount: number };

/**
 * Upload the archive workbook. A refusal with row errors (422 `import_rejected`) is an answer the
 * page shows as a table; `call` keeps only the message and fields, so the body is read here.
 */
export async function importArchive(pairingId: number, file: File): Promise<ImportAnswer> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch(pathOf(archiveApi.import, { id: pairingId }), {
      method: 'POST',
      credentials: 'same-origin',
      headers: clientHeaders,
      body,
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  const answer = (await response.json().catch(() => null)) as
    ArchiveImported | ArchiveImportRejected | null;
  if (response.ok && answer && 'imported' in answer) return { ok: true, imported: answer };
  const error = answer && 'error' in answer ? answer.error : null;
  if (response.status === 422 && error?.rows)
    return { ok: false, message: error.message, rows: error.rows, rowCount: error.rowCount ?? 0 };
  throw new ApiError(
    response.status,
    error?.code ?? 'error',
    error?.message ?? `${response.status} ${response.statusText}`,
    error?.fields ?? {},
  );
}
