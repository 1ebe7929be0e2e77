import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { recordInput, type RecordInput, type RecordType } from '@pairing/shared';
import type { MessageKey, Translate } from '../../../i18n/index.tsx';

// The contracts carry their own Chinese messages; zod's built-in ones (a number out of range)
// speak the same language, as on the server.
z.config(zhCN());

/** What the record form holds: the contract's fields, with the inputs' empty values. */
export type RecordValues = Record<string, unknown>;
export type Issue = { path: readonly PropertyKey[]; message: string };

// Fields whose contract names no message of its own for "left empty".
const missingKeys: Record<string, MessageKey> = {
  projectIndex: 'record.missing.projectIndex',
  percent: 'record.missing.percent',
  indicatorValue: 'record.missing.indicatorValue',
  passed: 'record.missing.passed',
};

/**
 * The record the form describes, checked by the contract the server checks it with, so a phone
 * that records offline learns of a mistake at once rather than when the queue is sent. Cleared
 * number inputs answer null; the contract's optional links take null for "none".
 */
export function parseRecord(
  t: Translate,
  type: RecordType,
  values: RecordValues,
): { ok: true; input: RecordInput } | { ok: false; issues: Issue[] } {
  const input: RecordValues = { ...values, type };
  if (type === 'fund') input.projectIndex = values.projectIndex ?? null;
  if (type === 'progress') input.indicatorValue = values.indicatorValue ?? null;
  if (type === 'activity' && values.category !== 'other') delete input.categoryLabel;
  const parsed = recordInput.safeParse(input, {
    error: (issue) => {
      if (issue.code !== 'invalid_type' || (issue.input !== undefined && issue.input !== null))
        return undefined;
      const key = missingKeys[String(issue.path?.[0])];
      return key ? t(key) : t('record.missing.any');
    },
  });
  const issues: Issue[] = parsed.success ? [] : [...parsed.error.issues];
  // The contract takes an `other` activity's own name as optional; a record needs it to say what
  // the activity was.
  if (
    type === 'activity' &&
    values.category === 'other' &&
    !String(values.categoryLabel ?? '').trim()
  )
    issues.push({ path: ['categoryLabel'], message: t('record.categoryLabelRequired') });
  return parsed.success && issues.length === 0
    ? { ok: true, input: parsed.data }
    : { ok: false, issues };
}
