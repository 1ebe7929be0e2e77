// Turns the schema's findings into messages that name the offending entry, in the product's
// Chinese and in English: `events[3] (id "e4"): unknown category "foo" / 未知的活动类别 "foo"`.
import type { z } from 'zod';
import { ledgerSchema, type Ledger } from './ledger.ts';
import { PACK_IDS } from './packs.ts';

export interface LedgerIssue {
  /** The entry or field at fault, e.g. `events[3] (id "e4")` or `pairing.termEnd`. */
  readonly where: string;
  readonly en: string;
  readonly zh: string;
}

export class LedgerError extends Error {
  readonly issues: readonly LedgerIssue[];

  constructor(issues: readonly LedgerIssue[]) {
    const lines = issues.map((i) => `  ${i.where}: ${i.en} / ${i.zh}`);
    super(`台账不符合约定 (invalid ledger):\n${lines.join('\n')}`);
    this.name = 'LedgerError';
    this.issues = issues;
  }
}

export type LedgerValidation =
  | { readonly ok: true; readonly ledger: Ledger }
  | { readonly ok: false; readonly issues: readonly LedgerIssue[] };

type Path = readonly PropertyKey[];

const DATE_FIELDS = new Set(['termStart', 'termEnd', 'date']);
const UNKNOWN_VALUE: Record<string, [en: string, zh: string]> = {
  pack: ['unknown pack', '未知的政策包'],
  type: ['unknown type', '未知的事件类型'],
  category: ['unknown category', '未知的活动类别'],
  role: ['unknown role', '未知的人员角色'],
};
const TYPE_NAMES_ZH: Record<string, string> = {
  object: '对象',
  array: '数组',
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  int: '整数',
};

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function formatPath(path: Path): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
}

/** Splits a path into the entry it belongs to (named by its id when it has one) and the field. */
function locate(input: unknown, path: Path): { where: string; field: Path } {
  const entryDepth =
    path[0] === 'events' ? 2 : path[0] === 'pairing' && path[1] === 'people' ? 3 : 0;
  if (entryDepth === 0 || path.length < entryDepth) {
    return { where: formatPath(path) || 'ledger', field: path.slice(-1) };
  }
  const entryPath = path.slice(0, entryDepth);
  const id = valueAt(valueAt(input, entryPath), ['id']);
  const named = typeof id === 'string' ? ` (id ${JSON.stringify(id)})` : '';
  return { where: `${formatPath(entryPath)}${named}`, field: path.slice(entryDepth) };
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value);
  } catch {
    // a cyclic value cannot be quoted; naming its kind is enough to find it
    return Object.prototype.toString.call(value);
  }
}

function describe(issue: z.core.$ZodIssue, input: unknown): LedgerIssue {
  const { where, field } = locate(input, issue.path);
  const name = formatPath(field);
  const key = String(field[field.length - 1] ?? '');
  const value = valueAt(input, issue.path);
  const say = (en: string, zh: string): LedgerIssue => ({ where, en, zh });

  if (issue.code === 'custom' && typeof issue.params?.zh === 'string') {
    return say(issue.message, issue.params.zh);
  }
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return say(`missing field "${name}"`, `缺少字段 "${name}"`);
  }
  if (issue.code === 'invalid_value' || (issue.code === 'invalid_union' && key === 'type')) {
    const [en, zh] = UNKNOWN_VALUE[key] ?? ['unexpected value', '取值无效'];
    const known = key === 'pack' ? ` (${PACK_IDS.join(', ')})` : '';
    return say(`${en} ${show(value)}${known}`, `${zh} ${show(value)}${known}`);
  }
  if (issue.code === 'invalid_type') {
    const expected = issue.expected === 'int' ? 'whole number' : issue.expected;
    const article = /^[aeiou]/.test(expected) ? 'an' : 'a';
    const subject = name ? `field "${name}" must` : 'must';
    const subjectZh = name ? `字段 "${name}" 应` : '应';
    return say(
      `${subject} be ${article} ${expected}, got ${show(value)}`,
      `${subjectZh}为${TYPE_NAMES_ZH[issue.expected] ?? issue.expected}，实际为 ${show(value)}`,
    );
  }
  if (DATE_FIELDS.has(key)) {
    return say(
      `bad date ${show(value)}, expected a calendar date YYYY-MM-DD`,
      `日期无效 ${show(value)}，应为 YYYY-MM-DD 格式的真实日期`,
    );
  }
  if (key === 'period') {
    return say(
      `malformed quarter ${show(value)}, expected e.g. "2011Q2"`,
      `季度格式错误 ${show(value)}，应如 "2011Q2"`,
    );
  }
  if (key === 'amount' && issue.code === 'too_small') {
    return say(`negative amount ${show(value)}`, `金额不能为负数：${show(value)}`);
  }
  if (key === 'id' && issue.code === 'too_small') {
    return say('empty id', '编号不能为空');
  }
  return say(issue.message, `字段 "${name}" 无效`);
}

/** Checks a ledger against the contract without throwing. */
export function validateLedger(input: unknown): LedgerValidation {
  const result = ledgerSchema.safeParse(input);
  if (result.success) return { ok: true, ledger: result.data };
  return { ok: false, issues: result.error.issues.map((issue) => describe(issue, input)) };
}

/** The ledger if it keeps the contract; otherwise throws a `LedgerError` naming each bad entry. */
export function parseLedger(input: unknown): Ledger {
  const result = validateLedger(input);
  if (!result.ok) throw new LedgerError(result.issues);
  return result.ledger;
}
