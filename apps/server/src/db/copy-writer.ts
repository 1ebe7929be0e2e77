import { copyValue } from './client.ts';

const tab = 9;
const newline = 10;
const carriageReturn = 13;
const quote = 34;
const backslash = 92;
const escapedAs: Record<number, number> = { [tab]: 116, [newline]: 110, [carriageReturn]: 114 };

/**
 * COPY's text format written straight into bytes, for loads of hundreds of thousands of rows where
 * a string per value and the encoding of the joined text cost more than the database's own work.
 * Values are appended field by field; `take()` hands over the bytes written since the last take.
 */
export class CopyWriter {
  private buffer: Buffer;
  private start = 0;
  private pos = 0;

  constructor(private readonly chunkBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /**
   * Room for `bytes` more; when full, a fresh buffer (the taken bytes may still be in flight) with
   * room for twice what is pending.
   */
  private reserve(bytes: number) {
    if (this.pos + bytes <= this.buffer.length) return;
    const pending = this.buffer.subarray(this.start, this.pos);
    this.buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, 2 * (pending.length + bytes)));
    pending.copy(this.buffer);
    this.start = 0;
    this.pos = pending.length;
  }

  /** A non-negative integer. */
  int(value: number) {
    this.reserve(20);
    const buffer = this.buffer;
    let end = this.pos;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) end += 1;
    this.pos = end + 1;
    let rest = value;
    do {
      buffer[end--] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** Text that needs no escaping (digits, enum labels, paths), as ASCII. */
  ascii(text: string) {
    this.reserve(text.length);
    const buffer = this.buffer;
    let pos = this.pos;
    for (let i = 0; i < text.length; i += 1) buffer[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** Any text or null, escaped. */
  text(value: string | null) {
    const escaped = copyValue(value);
    this.reserve(escaped.length * 3);
    this.pos += this.buffer.write(escaped, this.pos, 'utf8');
  }

  /** Bytes that need no escaping (checked by whoever produced them); copied here, values are short. */
  bytes(source: Uint8Array, from = 0, to = source.length) {
    this.reserve(to - from);
    const buffer = this.buffer;
    let pos = this.pos;
    for (let i = from; i < to; i += 1) buffer[pos++] = source[i];
    this.pos = pos;
  }

  /** The inside of a quoted CSV field (its quotes doubled), unquoted and escaped for COPY. */
  csvField(source: Uint8Array, from: number, to: number) {
    this.reserve(2 * (to - from));
    const buffer = this.buffer;
    let pos = this.pos;
    for (let i = from; i < to; i += 1) {
      const c = source[i];
      if (c === quote) {
        buffer[pos++] = quote;
        i += 1;
      } else if (c === backslash) {
        buffer[pos++] = backslash;
        buffer[pos++] = backslash;
      } else if (c === tab || c === newline || c === carriageReturn) {
        buffer[pos++] = backslash;
        buffer[pos++] = escapedAs[c];
      } else buffer[pos++] = c;
    }
    this.pos = pos;
  }

  separator() {
    this.reserve(1);
    this.buffer[this.pos++] = tab;
  }

  null() {
    this.ascii('\\N');
  }

  endRow() {
    this.reserve(1);
    this.buffer[this.pos++] = newline;
  }

  /** The bytes written since the last take (empty when none). */
  take(): Buffer {
    const taken = this.buffer.subarray(this.start, this.pos);
    this.start = this.pos;
    return taken;
  }
}
