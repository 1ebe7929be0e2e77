import type { CopyWriter } from '../../db/copy-writer.ts';
import { classifyVillageLevelBytes, fullCode } from './classify.ts';
import type { DivisionRow } from './divisions-source.ts';

const comma = 44;
const quote = 34;
const newline = 10;
const zero = 48;
const nine = 57;
const codeLength = 12;
const kinds = ['village', 'community'] as const;
const noParent = -1;

/** The digits from..to as a number padded to 12 digits, or -1 when empty or not all digits. */
function paddedCode(bytes: Uint8Array, from: number, to: number) {
  if (to <= from || to - from > codeLength) return noParent;
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const c = bytes[i];
    if (c < zero || c > nine) return noParent;
    value = value * 10 + (c - zero);
  }
  return value * 10 ** (codeLength - (to - from));
}

/**
 * Lines of one of the package's CSV levels (`code,"name",parentCode,…`, the name the only quoted
 * field, a quote inside it doubled), cut into fields where they lie: per row the offsets of code,
 * name and parent in the bytes and, for the village level, the row's kind, but no string. A
 * national import (620k village-level rows) writes its COPY text from these offsets; `rows()` gives
 * the ordinary rows for everything else. Malformed lines and rows that repeat their parent's code
 * are left out.
 */
export class DivisionLines {
  count = 0;
  /** Per row: code from/to, name from/to (inside the quotes), parent code from/to. */
  private readonly fields: Int32Array;
  /** Per row: the parent's code padded to 12 digits as a number (-1: none), to compare cheaply. */
  readonly parents: Float64Array;
  private readonly kindIndex: Uint8Array;

  /** `starts`: where the lines begin in `bytes` (the source has chosen them already). */
  constructor(
    readonly bytes: Buffer,
    starts: number[],
  ) {
    this.fields = new Int32Array(starts.length * 6);
    this.parents = new Float64Array(starts.length);
    this.kindIndex = new Uint8Array(starts.length);
    // Lines are short: scanned byte by byte here rather than by a native search per field.
    for (const start of starts) {
      let end = start;
      while (end < bytes.length && bytes[end] !== newline) end += 1;
      this.cut(start, end);
    }
  }

  private cut(start: number, end: number) {
    const bytes = this.bytes;
    let open = start;
    while (open < end && bytes[open] !== comma) open += 1;
    if (open === start || open + 1 >= end || bytes[open + 1] !== quote) return;
    const code = paddedCode(bytes, start, open);
    if (code === noParent) return;
    // The closing quote is the first one not doubled.
    let close = open + 2;
    for (; close < end; close += 1) {
      if (bytes[close] !== quote) continue;
      if (bytes[close + 1] !== quote) break;
      close += 1;
    }
    if (close >= end) return;
    let parentFrom = close + 1;
    let parentTo = parentFrom;
    if (bytes[close + 1] === comma) {
      parentFrom = close + 2;
      parentTo = parentFrom;
      while (parentTo < end && bytes[parentTo] !== comma) parentTo += 1;
    }
    const parent = paddedCode(bytes, parentFrom, parentTo);
    // A few units repeat their parent's code (东莞市, 中山市 and 儋州市 have no district level; 金门县
    // has one placeholder per level). Their children attach to the parent that owns the code.
    if (code === parent) return;
    let serial = 0;
    for (let i = start + 9; i < Math.min(open, start + 12); i += 1)
      serial = serial * 10 + bytes[i] - zero;
    const row = this.count;
    const fields = this.fields;
    const at = row * 6;
    fields[at] = start;
    fields[at + 1] = open;
    fields[at + 2] = open + 2;
    fields[at + 3] = close;
    fields[at + 4] = parentFrom;
    fields[at + 5] = parentTo;
    this.parents[row] = parent;
    this.kindIndex[row] =
      classifyVillageLevelBytes(serial, bytes, open + 2, close) === 'village' ? 0 : 1;
    this.count += 1;
  }

  /** The village level's kind (村委会 or 居委会), DOMAIN.md "Actors and organizations". */
  kind(row: number) {
    return kinds[this.kindIndex[row]];
  }

  code(row: number) {
    const at = row * 6;
    return fullCode(this.bytes.toString('latin1', this.fields[at], this.fields[at + 1]));
  }

  parentCode(row: number) {
    const at = row * 6;
    return this.parents[row] === noParent
      ? null
      : fullCode(this.bytes.toString('latin1', this.fields[at + 4], this.fields[at + 5]));
  }

  name(row: number) {
    const at = row * 6;
    return this.bytes
      .toString('utf8', this.fields[at + 2], this.fields[at + 3])
      .replace(/""/g, '"');
  }

  /** The code padded to 12 digits, as COPY text. */
  writeCode(out: CopyWriter, row: number) {
    const at = row * 6;
    const from = this.fields[at];
    const to = this.fields[at + 1];
    out.bytes(this.bytes, from, to);
    if (to - from < codeLength) out.ascii('0'.repeat(codeLength - (to - from)));
  }

  /** The first two digits of the code. */
  writeProvince(out: CopyWriter, row: number) {
    const from = this.fields[row * 6];
    out.bytes(this.bytes, from, from + 2);
  }

  writeName(out: CopyWriter, row: number) {
    const at = row * 6;
    out.csvField(this.bytes, this.fields[at + 2], this.fields[at + 3]);
  }

  row(row: number): DivisionRow {
    return {
      code: this.code(row),
      name: this.name(row),
      parentCode: this.parentCode(row),
      kind: this.kind(row),
      districtClass: null,
    };
  }

  rows(): DivisionRow[] {
    return Array.from({ length: this.count }, (_, row) => this.row(row));
  }
}
