import { invalid } from '../../lib/errors.ts';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const dayMs = 24 * 60 * 60_000;

/**
 * A filter bound from the query string: `YYYY-MM-DD` is a calendar day in China time (UTC+8),
 * otherwise an ISO date-time with an offset. Returns the start of the bound's span and its end
 * (exclusive), or throws 422 naming the field.
 */
function parseBound(field: 'from' | 'to', value: string): { start: Date; end: Date } {
  if (dateOnly.test(value)) {
    const start = new Date(`${value}T00:00:00+08:00`);
    if (Number.isNaN(start.getTime())) throw badDate(field);
    // Date may roll 2026-02-30 over to March; the round trip catches impossible days.
    const back = new Date(start.getTime() + 8 * 60 * 60_000).toISOString().slice(0, 10);
    if (back !== value) throw badDate(field);
    return { start, end: new Date(start.getTime() + dayMs) };
  }
  const at = new Date(value);
  if (!dateTime.test(value) || Number.isNaN(at.getTime())) throw badDate(field);
  return { start: at, end: new Date(at.getTime() + 1) };
}

const badDate = (field: string) =>
  invalid('日期格式不正确', {
    [field]: '日期须为 YYYY-MM-DD 或带时区的 ISO 时间，如 2026-03-01T09:00:00+08:00',
  });

/** `from` inclusive, `to` inclusive (a whole day when given as a date). */
export function timeRange(from?: string, to?: string): { from?: Date; before?: Date } {
  const range = {
    from: from === undefined ? undefined : parseBound('from', from).start,
    before: to === undefined ? undefined : parseBound('to', to).end,
  };
  if (range.from && range.before && range.from >= range.before) {
    throw invalid('开始时间晚于结束时间', { to: '结束时间不能早于开始时间' });
  }
  return range;
}
