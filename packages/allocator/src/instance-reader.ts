import { InstanceBuilder, type CompactInstance } from './compact.ts';
import { InstanceError } from './instance-error.ts';

const OBJECT = 1;
const ARRAY = 2;

const SECTIONS = ['targets', 'units', 'edges', 'fixed'] as const;
/** Field names per section, in the order the builder takes them. */
const FIELDS: readonly (readonly string[])[] = [
  ['id', 'demand', 'minBudget'],
  ['id', 'capacity', 'budget'],
  ['unit', 'target', 'cost'],
  ['unit', 'target'],
];
const FIELD_BYTES = FIELDS.map((names) => names.map((name) => Buffer.from(name)));
const SECTION_BYTES = SECTIONS.map((name) => Buffer.from(name));
const NONE = -1;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Streaming reader for the instance JSON, specialised for its shape: a top object whose sections
 * are arrays of flat records. Bytes go straight into the builder's typed arrays; only ids become
 * strings, and no record becomes a JS object, so files far beyond one JSON.parse load in one pass.
 * Unknown keys and nested values inside records (tags, flags) are skipped.
 */
export class InstanceReader {
  private readonly builder = new InstanceBuilder();
  private pending: Buffer | undefined;
  private offset = 0;
  private readonly stack = new Uint8Array(256);
  private depth = 0;
  private expectKey = false;
  private section = NONE;
  private field = NONE;
  private slot0: unknown;
  private slot1: unknown;
  private slot2: unknown;
  private seenTop = false;

  write(chunk: Buffer): void {
    const buffer = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const used = this.scan(buffer, false);
    this.pending = used < buffer.length ? buffer.subarray(used) : undefined;
    this.offset += used;
  }

  end(): CompactInstance {
    if (this.pending) {
      const used = this.scan(this.pending, true);
      if (used < this.pending.length) this.fail('unexpected end of input', used);
    }
    if (!this.seenTop || this.depth !== 0) this.fail('unexpected end of input', 0);
    return this.builder.finish();
  }

  private fail(message: string, at: number): never {
    throw new InstanceError(`invalid JSON at byte ${this.offset + at}: ${message}`);
  }

  /** Consumes whole tokens and returns where the first incomplete one starts. */
  private scan(buf: Buffer, final: boolean): number {
    const length = buf.length;
    let i = 0;
    while (i < length) {
      const c = buf[i];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c || c === 0x3a) {
        // Commas and colons carry no information once keys are told apart from values.
        if (c === 0x2c && this.stack[this.depth] === OBJECT) this.expectKey = true;
        i++;
      } else if (c === QUOTE) {
        let j = i + 1;
        let plain = true;
        while (j < length) {
          const b = buf[j];
          if (b === QUOTE) break;
          if (b === BACKSLASH) {
            plain = false;
            j += 2;
          } else {
            if (b >= 0x80) plain = false;
            j++;
          }
        }
        if (j >= length) return i;
        if (this.expectKey) this.key(buf, i + 1, j, plain);
        else if (this.depth === 3 && this.field !== NONE) this.value(decode(buf, i, j + 1, plain));
        else if (this.depth < 3) this.misplaced(i);
        i = j + 1;
      } else if (c === 0x7b || c === 0x5b) {
        this.open(c === 0x7b ? OBJECT : ARRAY, i);
        i++;
      } else if (c === 0x7d || c === 0x5d) {
        this.close(c === 0x7d ? OBJECT : ARRAY, i);
        i++;
      } else {
        let j = i;
        while (j < length && isScalarByte(buf[j])) j++;
        if (j === i) this.fail(`unexpected character "${String.fromCharCode(c)}"`, i);
        if (j >= length && !final) return i;
        if (this.depth === 3 && this.field !== NONE) this.value(scalar(buf, i, j));
        else if (this.depth < 3 && !this.expectKey) this.misplaced(i);
        i = j;
      }
    }
    return length;
  }

  private key(buf: Buffer, start: number, end: number, plain: boolean): void {
    this.expectKey = false;
    if (this.depth === 1) {
      this.section = plain
        ? match(SECTION_BYTES, buf, start, end)
        : (SECTIONS as readonly string[]).indexOf(decodeKey(buf, start, end));
    } else if (this.depth === 3 && this.section !== NONE) {
      const names = FIELD_BYTES[this.section];
      this.field = plain
        ? match(names, buf, start, end)
        : FIELDS[this.section].indexOf(decodeKey(buf, start, end));
    }
  }

  private value(value: unknown): void {
    if (this.field === 0) this.slot0 = value;
    else if (this.field === 1) this.slot1 = value;
    else this.slot2 = value;
    this.field = NONE;
  }

  private open(kind: number, at: number): void {
    if (this.depth === 0) {
      if (kind !== OBJECT || this.seenTop) this.fail('the instance must be one JSON object', at);
      this.seenTop = true;
    } else if (this.depth === 1 && this.section !== NONE && kind !== ARRAY) {
      this.fail(`"${SECTIONS[this.section]}" must be an array`, at);
    } else if (this.depth === 2 && this.section !== NONE) {
      if (kind !== OBJECT) this.fail(`${SECTIONS[this.section]} entries must be objects`, at);
      this.slot0 = this.slot1 = this.slot2 = undefined;
    }
    if (this.depth === 3) this.field = NONE;
    if (this.depth >= this.stack.length - 1) this.fail('nesting too deep', at);
    this.stack[++this.depth] = kind;
    this.expectKey = kind === OBJECT;
  }

  private close(kind: number, at: number): void {
    if (this.stack[this.depth] !== kind) this.fail('mismatched bracket', at);
    this.depth--;
    if (this.depth === 2 && this.section !== NONE) this.emit();
    else if (this.depth === 1) this.section = NONE;
    this.expectKey = false;
  }

  private misplaced(at: number): void {
    if (this.depth === 1 && this.section !== NONE)
      this.fail(`"${SECTIONS[this.section]}" must be an array`, at);
    if (this.depth === 2 && this.section !== NONE)
      this.fail(`${SECTIONS[this.section]} entries must be objects`, at);
  }

  private emit(): void {
    const b = this.builder;
    if (this.section === 0) b.addTarget(this.slot0, this.slot1, this.slot2);
    else if (this.section === 1) b.addUnit(this.slot0, this.slot1, this.slot2);
    else if (this.section === 2) b.addEdge(this.slot0, this.slot1, this.slot2);
    else b.addFixed(this.slot0, this.slot1);
  }
}

function isScalarByte(b: number): boolean {
  return (
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x61 && b <= 0x7a) ||
    b === 0x2d ||
    b === 0x2b ||
    b === 0x2e ||
    b === 0x45
  );
}

function match(candidates: Buffer[], buf: Buffer, start: number, end: number): number {
  for (let k = 0; k < candidates.length; k++) {
    const name = candidates[k];
    if (name.length !== end - start) continue;
    let same = true;
    for (let i = 0; same && i < name.length; i++) same = name[i] === buf[start + i];
    if (same) return k;
  }
  return NONE;
}

function decodeKey(buf: Buffer, start: number, end: number): string {
  return JSON.parse(buf.toString('utf8', start - 1, end + 1)) as string;
}

/** `start` and `end` include the quotes. */
function decode(buf: Buffer, start: number, end: number, plain: boolean): string {
  return plain
    ? buf.toString('latin1', start + 1, end - 1)
    : (JSON.parse(buf.toString('utf8', start, end)) as string);
}

function scalar(buf: Buffer, start: number, end: number): unknown {
  const length = end - start;
  if (length <= 15) {
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const digit = buf[i] - 0x30;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i === end) return value;
  }
  const text = buf.toString('latin1', start, end);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  const value = Number(text);
  if (Number.isNaN(value) || !/^-?\d/.test(text))
    throw new InstanceError(`invalid JSON value "${text}"`);
  return value;
}

/** Reads an instance from a byte stream (a file, stdin) without holding the whole text. */
export async function readInstance(source: AsyncIterable<Buffer>): Promise<CompactInstance> {
  const reader = new InstanceReader();
  for await (const chunk of source) reader.write(chunk);
  return reader.end();
}
