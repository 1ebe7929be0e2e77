import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, formatDay, isDate, parseDay } from './dates.ts';

describe('calendar dates as day numbers', () => {
  it('agrees with Date.UTC', () => {
    for (const text of ['1970-01-01', '2010-07-01', '2012-02-29', '2013-07-31', '2100-03-01']) {
      expect(parseDay(text) * 86_400_000).toBe(Date.parse(`${text}T00:00:00Z`));
    }
  });

  it('accepts 29 February only in leap years', () => {
    expect(isDate('2012-02-29')).toBe(true);
    expect(isDate('2000-02-29')).toBe(true);
    expect(isDate('2011-02-29')).toBe(false);
    expect(isDate('2100-02-29')).toBe(false);
  });

  it('rejects anything but a strict YYYY-MM-DD calendar date', () => {
    for (const text of [
      '2011-1-01',
      '2011-13-01',
      '2011-04-31',
      '2011-00-10',
      '20110101',
      '2011-01-01T00:00',
      '',
    ]) {
      expect(isDate(text), text).toBe(false);
    }
  });

  it('formats back what it parses, across years and months', () => {
    for (let day = dayNumber(2008, 1, 1); day <= dayNumber(2014, 12, 31); day += 1) {
      expect(parseDay(formatDay(day))).toBe(day);
    }
    expect(civilDate(parseDay('2012-12-31'))).toEqual([2012, 12, 31]);
  });
});
