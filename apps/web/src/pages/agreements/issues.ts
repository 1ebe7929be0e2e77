import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';
import type { Translate } from '../../i18n/index.tsx';
import { yuan } from '../rounds/labels.ts';
import type { ContentValues } from './ContentForm.tsx';
import type { SigningIssue } from '@pairing/shared';

/** What still stands between the draft and a signature, in the pack's words. */
export function issueText(t: Translate, issue: SigningIssue): string {
  if (issue.ruleId === 'R-PROJECT')
    return t('agreements.issueProject', { required: issue.required, actual: issue.actual });
  return t('agreements.issueFunds', {
    year: issue.year ?? '',
    required: yuan(issue.required),
    actual: yuan(issue.actual),
  });
}

/**
 * Put the server's field messages on the editor. The server names fields after the stored
 * content (`content.projects.0.indicator.unit`, or `yearlyFunds.2027` for a year's minimum);
 * the form keeps the indicator apart and lists the years by position.
 */
export function applyAgreementError(form: FormInstance, error: unknown): string[] {
  // The form's own check refused (an empty project): its messages are on the fields already.
  if (isValidationFailure(error)) return [...new Set(error.errorFields.flatMap((f) => f.errors))];
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : String(error)];
  const funds: ContentValues['yearlyFunds'] = form.getFieldValue('yearlyFunds') ?? [];
  const messages: string[] = [];
  const fields = Object.entries(error.fields).map(([key, message]) => {
    messages.push(message);
    const path = key.replace(/^content\./, '').replace('.indicator.', '.indicatorFields.');
    const year = /^yearlyFunds\.(\d{4})$/.exec(path);
    const name = year
      ? ['yearlyFunds', funds.findIndex((f) => f.year === Number(year[1])), 'amount']
      : path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    return { name, errors: [message] };
  });
  // List-level messages (`projects` for R-PROJECT) have no single input; the alert shows them.
  form.setFields(fields.filter((f) => f.name.length > 1 && !f.name.includes(-1)));
  return messages.length ? messages : [error.message];
}

/** What antd's `validateFields` rejects with: an object, not an Error. */
function isValidationFailure(error: unknown): error is { errorFields: { errors: string[] }[] } {
  return (
    typeof error === 'object' &&
    error !== null &&
    Array.isArray((error as { errorFields?: unknown }).errorFields)
  );
}
