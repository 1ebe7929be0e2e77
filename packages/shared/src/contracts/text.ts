import { z } from 'zod';

// Control characters (except tab and newline in long texts) have no place in what a person types;
// they break exports, documents and terminals downstream, so every new contract refuses them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f]/;

// Bidirectional overrides and zero-width characters make a name read differently from what it is
// (a file name "报告\u202Excod.exe", two accounts that look alike); no one-line text needs them.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** A one-line text, trimmed, at most `max` characters; `label` names it in the message. */
export const line = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !CONTROL_OR_NEWLINE.test(s), `${label}含有不可见的控制字符`)
    .refine((s) => !INVISIBLE.test(s), `${label}含有不可见的方向控制或零宽字符`);

/** The same, but required (at least one character after trimming). */
export const requiredLine = (label: string, max: number) =>
  line(label, max).refine((s) => s.length > 0, `请填写${label}`);

/** A multi-line text: newlines and tabs allowed, other control characters refused. */
export const paragraph = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !CONTROL.test(s), `${label}含有不可见的控制字符`);

/** A calendar date YYYY-MM-DD between 2000 and 2100. */
export const calendarDate = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在')
  .refine((s) => s >= '2000-01-01' && s <= '2100-12-31', '日期应在 2000 年至 2100 年之间');

/** Whole yuan, 0 … 1,000,000,000. */
export const yuanAmount = z
  .number({ error: '请填写金额（元）' })
  .int('金额以元为单位，须为整数')
  .min(0, '金额不能为负数')
  .max(1_000_000_000, '金额过大');
