import { describe, expect, it } from 'vitest';
import { CopyWriter } from './copy-writer.ts';

const row = (w: CopyWriter, i: number, name: string) => {
  w.int(i);
  w.separator();
  w.text(name);
  w.separator();
  w.null();
  w.endRow();
};

describe('CopyWriter', () => {
  it('writes integers, escaped text, CSV fields and nulls in COPY text format', () => {
    const w = new CopyWriter(16);
    w.int(0);
    w.separator();
    w.int(9_007_199_254_740_991);
    w.separator();
    w.text('a\\b\tc\nd\re');
    w.separator();
    const csv = Buffer.from('x"名""称""\\\t');
    w.csvField(csv, 2, csv.length);
    w.separator();
    w.bytes(Buffer.from('/1/2/'), 1, 4);
    w.ascii('village');
    w.separator();
    w.text(null);
    w.endRow();
    expect(w.take().toString()).toBe(
      '0\t9007199254740991\ta\\\\b\\tc\\nd\\re\t名"称"\\\\\\t\t1/2village\t\\N\n',
    );
    expect(w.take()).toHaveLength(0);
  });

  it('keeps what was taken while later rows fill new buffers, however long a chunk grows', () => {
    const w = new CopyWriter(64);
    const expected: string[] = [];
    const taken: Buffer[] = [];
    for (let chunk = 0; chunk < 5; chunk += 1) {
      let text = '';
      // Chunks of different sizes, each many times the first buffer.
      for (let i = 0; i < 500 * (chunk + 1); i += 1) {
        row(w, i, `村${chunk}`);
        text += `${i}\t村${chunk}\t\\N\n`;
      }
      expected.push(text);
      taken.push(w.take());
    }
    expect(taken.map((b) => b.toString())).toEqual(expected);
  });
});
