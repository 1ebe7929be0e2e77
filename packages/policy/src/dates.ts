// Calendar dates as integer day numbers (days since 1970-01-01, UTC calendar). The engine
// compares and subtracts dates millions of times per second, so it never builds Date objects.

const CHAR_0 = 48;
const CHAR_DASH = 45;
const DAYS_BEFORE_EPOCH = 719468;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - DAYS_BEFORE_EPOCH;
}

function digit(text: string, index: number): number {
  const d = text.charCodeAt(index) - CHAR_0;
  return d >= 0 && d <= 9 ? d : -1000;
}

/** Day number of a strict `YYYY-MM-DD` calendar date, or NaN when the text is not one. */
export function parseDay(text: string): number {
  if (typeof text !== 'string' || text.length !== 10) return NaN;
  if (text.charCodeAt(4) !== CHAR_DASH || text.charCodeAt(7) !== CHAR_DASH) return NaN;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return NaN;
  }
  return dayNumber(year, month, day);
}

/** Year of a date already known to be a valid `YYYY-MM-DD`. */
export function yearOfDate(text: string): number {
  return digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
}

export function isDate(text: unknown): text is string {
  return typeof text === 'string' && !Number.isNaN(parseDay(text));
}

// civil_from_days writes here instead of returning a tuple: the engine asks for years and months
// of a few dates per pairing and should not allocate for it.
let civilYear = 0;
let civilMonth = 0;
let civilDay = 0;

/** Year, month and day of a day number (H. Hinnant's civil_from_days). */
function toCivil(dayNo: number): void {
  const z = dayNo + DAYS_BEFORE_EPOCH;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  civilDay = doy - Math.floor((153 * mp + 2) / 5) + 1;
  civilMonth = mp < 10 ? mp + 3 : mp - 9;
  civilYear = yoe + era * 400 + (civilMonth <= 2 ? 1 : 0);
}

export function yearOfDay(dayNo: number): number {
  toCivil(dayNo);
  return civilYear;
}

export function monthOfDay(dayNo: number): number {
  toCivil(dayNo);
  return civilMonth;
}

export function civilDate(dayNo: number): [year: number, month: number, day: number] {
  toCivil(dayNo);
  return [civilYear, civilMonth, civilDay];
}

const formatted = new Map<number, string>();

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number; memoized because reports repeat the same boundary dates. */
export function formatDay(dayNo: number): string {
  const cached = formatted.get(dayNo);
  if (cached !== undefined) return cached;
  const [year, month, day] = civilDate(dayNo);
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  formatted.set(dayNo, text);
  return text;
}
