// One pass over a ledger that both checks it against the contract and turns it into integer
// columns (day numbers, type codes, role masks) for the rule evaluators. The checks mirror
// `ledgerSchema` exactly; on any doubt the caller asks the schema for the precise message.
// Buffers are reused between calls because evaluation is synchronous and allocation dominates.
import { parseDay, yearOfDate } from './dates.ts';
import { IdIndex } from './id-index.ts';
import type { LedgerEvent, Person } from './ledger.ts';
import { PACKS, type PackId } from './packs.ts';
import {
  ACTIVITY_CATEGORIES,
  EVENT_TYPES,
  ROLES,
  type ActivityCategory,
  type EventType,
  type Role,
} from './vocabulary.ts';

export const VISIT = EVENT_TYPES.indexOf('visit');
export const FUND = EVENT_TYPES.indexOf('fund');
export const ACTIVITY = EVENT_TYPES.indexOf('activity');
export const REPORT = EVENT_TYPES.indexOf('report');

// Codes are indices into the vocabulary lists; `indexOf` on these short lists of literal strings
// is faster than a Map lookup in the per-event loop.
const typeCode = (value: unknown): number => EVENT_TYPES.indexOf(value as EventType);
const categoryCode = (value: unknown): number =>
  ACTIVITY_CATEGORIES.indexOf(value as ActivityCategory);
const roleCode = (value: unknown): number => ROLES.indexOf(value as Role);
const PACK_CODES = new Map<unknown, PackId>(Object.keys(PACKS).map((id) => [id, id as PackId]));

export interface PreparedLedger {
  pack: PackId;
  termStart: number;
  termEnd: number;
  termStartText: string;
  termEndText: string;
  weakVillage: boolean;
  people: readonly Person[];
  /** Person id → index in `people`. */
  personIndex: IdIndex;
  events: readonly LedgerEvent[];
  count: number;
  day: Int32Array;
  year: Int32Array;
  type: Uint8Array;
  /** Visit: bit mask of the roles taking part; activity: category code; report: year × 4 + quarter − 1. */
  detail: Int32Array;
  /** Event indices by date, then id, so that results do not depend on the ledger's order. */
  order: Int32Array;
}

const prepared: PreparedLedger = {
  pack: 'sh-2010',
  termStart: 0,
  termEnd: 0,
  termStartText: '',
  termEndText: '',
  weakVillage: false,
  people: [],
  personIndex: new IdIndex(),
  events: [],
  count: 0,
  day: new Int32Array(64),
  year: new Int32Array(64),
  type: new Uint8Array(64),
  detail: new Int32Array(64),
  order: new Int32Array(64),
};
const eventIds = new IdIndex();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionalBoolean(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean';
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function grow(capacity: number): void {
  if (prepared.day.length >= capacity) return;
  const size = Math.max(capacity, prepared.day.length * 2);
  prepared.day = new Int32Array(size);
  prepared.year = new Int32Array(size);
  prepared.type = new Uint8Array(size);
  prepared.detail = new Int32Array(size);
  prepared.order = new Int32Array(size);
}

/** `YYYYQn` → year × 4 + n − 1, or −1 when malformed. */
function quarterIndex(text: unknown): number {
  if (typeof text !== 'string' || text.length !== 6 || text.charCodeAt(4) !== 81) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    year = year * 10 + d;
  }
  const q = text.charCodeAt(5) - 48;
  return q >= 1 && q <= 4 ? year * 4 + q - 1 : -1;
}

function preparePeople(people: unknown): boolean {
  const index = prepared.personIndex;
  index.reset(Array.isArray(people) ? people.length : 0);
  if (people === undefined) {
    prepared.people = [];
    return true;
  }
  if (!Array.isArray(people)) return false;
  for (let i = 0; i < people.length; i++) {
    const person: unknown = people[i];
    if (!isRecord(person) || !isId(person.id) || roleCode(person.role) < 0) return false;
    if (!index.add(person.id, i)) return false;
  }
  prepared.people = people as Person[];
  return true;
}

/** Bit mask of the roles of the people a visit names, or −1 when the visit breaks the contract. */
function visitRoles(event: Record<string, unknown>): number {
  if (!isOptionalBoolean(event.department)) return -1;
  const names = event.people;
  if (names === undefined) return 0;
  if (!Array.isArray(names)) return -1;
  let mask = 0;
  for (let j = 0; j < names.length; j++) {
    const person = prepared.personIndex.get(names[j]);
    if (person < 0) return -1;
    mask |= 1 << roleCode(prepared.people[person].role);
  }
  return mask;
}

/** Type-specific code for `detail`, or −1 when the event breaks the contract. */
function eventDetail(event: Record<string, unknown>, type: number): number {
  switch (type) {
    case VISIT:
      return visitRoles(event);
    case FUND: {
      const amount = event.amount;
      return typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0 ? 0 : -1;
    }
    case ACTIVITY:
      return categoryCode(event.category);
    default:
      return quarterIndex(event.period);
  }
}

function prepareEvents(events: unknown): boolean {
  if (!Array.isArray(events)) return false;
  const count = events.length;
  grow(count);
  eventIds.reset(count);
  const { day, year, type, detail } = prepared;
  for (let i = 0; i < count; i++) {
    const event: unknown = events[i];
    if (!isRecord(event) || !isId(event.id)) return false;
    if (!eventIds.add(event.id, i)) return false;
    const code = typeCode(event.type);
    if (code < 0) return false;
    const date = event.date as string;
    const dayNo = parseDay(date);
    if (dayNo !== dayNo) return false;
    const info = eventDetail(event, code);
    if (info < 0) return false;
    day[i] = dayNo;
    year[i] = yearOfDate(date);
    type[i] = code;
    detail[i] = info;
  }
  prepared.events = events as LedgerEvent[];
  prepared.count = count;
  sortByDateThenId();
  return true;
}

const INSERTION_SORT_MAX = 64;

function byDateThenId(a: number, b: number): number {
  const { day, events } = prepared;
  if (day[a] !== day[b]) return day[a] - day[b];
  const idA = events[a].id;
  const idB = events[b].id;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

// Short ledgers, the common case, are sorted by insertion without calling a comparator; long
// ones by the engine's sort so that a ledger of thousands of events stays O(n log n).
function sortByDateThenId(): void {
  const { order, day, count, events } = prepared;
  if (count > INSERTION_SORT_MAX) {
    for (let i = 0; i < count; i++) order[i] = i;
    order.subarray(0, count).sort(byDateThenId);
    return;
  }
  for (let i = 0; i < count; i++) {
    const d = day[i];
    const id = events[i].id;
    let j = i - 1;
    while (j >= 0) {
      const k = order[j];
      if (day[k] < d || (day[k] === d && events[k].id < id)) break;
      order[j + 1] = k;
      j--;
    }
    order[j + 1] = i;
  }
}

/**
 * The ledger in columns, or `undefined` when it breaks the contract. The result is shared and
 * overwritten by the next call.
 */
export function prepareLedger(input: unknown): PreparedLedger | undefined {
  if (!isRecord(input) || !isRecord(input.pairing)) return undefined;
  const pack = PACK_CODES.get(input.pack);
  const pairing = input.pairing;
  const termStart = parseDay(pairing.termStart as string);
  const termEnd = parseDay(pairing.termEnd as string);
  if (pack === undefined || !(termStart <= termEnd)) return undefined;
  if (!isOptionalBoolean(pairing.weakVillage)) return undefined;
  if (!preparePeople(pairing.people) || !prepareEvents(input.events)) return undefined;
  prepared.pack = pack;
  prepared.termStart = termStart;
  prepared.termEnd = termEnd;
  prepared.termStartText = pairing.termStart as string;
  prepared.termEndText = pairing.termEnd as string;
  prepared.weakVillage = pairing.weakVillage === true;
  return prepared;
}
