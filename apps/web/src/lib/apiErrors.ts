import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

/**
 * Put the server's per-field messages on the matching form items (`fields` keys are the
 * request's field names, dotted for nested ones) and return the overall message to show.
 */
export function applyApiError(form: FormInstance | null, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (form) {
    form.setFields(
      Object.entries(error.fields).map(([name, message]) => ({
        name: name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        errors: [message],
      })),
    );
  }
  return error.message;
}
