import { randomBytes, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unitFieldWords, type Role } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createUser, login } from '../../../test/fixtures.ts';
import { queueOf } from '../jobs/queue.ts';
import { insertOrg } from '../orgs/tree.ts';
import { unitColumns, weakVillageColumns } from './columns.ts';

let env: TestEnv;
const cookies: Record<string, string> = {};
let committeeId = 0;

const one = async <T>(text: string, params?: unknown[]) =>
  (await env.dbh.query<T>(text, params)).rows[0];
const counts = async () => ({
  orgs: Number((await one<{ n: number }>('select count(*)::int as n from orgs')).n),
  audit: Number((await one<{ n: number }>('select count(*)::int as n from audit_log')).n),
  weak: Number(
    (await one<{ n: number }>('select count(*)::int as n from orgs where weak_village')).n,
  ),
});
const idOf = async (code: string) =>
  Number((await one<{ id: number }>('select id from orgs where code = $1', [code])).id);

async function seat(name: string, role: Role, orgId: number) {
  await createUser(env, { username: `i.${name}`, role, orgId });
  cookies[name] = await login(env, `i.${name}`);
}

async function sheet(headers: readonly string[], rows: Array<Array<string | number>>) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const unitHeaders = unitColumns.map((c) => c.header);
const weakHeaders = weakVillageColumns.map((c) => c.header);

function upload(url: string, who: string | undefined, file: Buffer) {
  const boundary = '----pairing-test';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return env.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(who ? { cookie: cookies[who] } : {}),
    },
  });
}

async function finished(jobId: number, who: string) {
  for (let i = 0; i < 200; i += 1) {
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/imports/${jobId}`,
      headers: { cookie: cookies[who] },
    });
    const job = res.json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

async function importFile(url: string, who: string, file: Buffer) {
  const res = await upload(url, who, file);
  expect(res.statusCode).toBe(202);
  return finished(res.json().jobId, who);
}

const unitRow = (over: Partial<Record<string, string | number>> = {}) => {
  const base: Record<string, string | number> = {
    id: '',
    name: '上海市测试单位',
    unitType: '企业',
    parent: '市国资委党委',
    addressDistrict: '黄浦区',
    capacity: 2,
    yearlyBudget: 200000,
    resourceTags: '资金、技术',
    contactName: '李四',
    contactPhone: '13900001111',
    ...over,
  };
  return unitColumns.map((c) => base[c.key]);
};

beforeAll(async () => {
  env = await createTestEnv();
  const city = await idOf('310100000000');
  const committee = await insertOrg(env.dbh.db, {
    kind: 'working_committee',
    name: '市国资委党委',
    parentId: city,
  });
  committeeId = committee.id;
  await insertOrg(env.dbh.db, {
    kind: 'urban_unit',
    name: '上海已有集团',
    parentId: committee.id,
    unitType: '企业',
    capacity: 1,
    yearlyBudget: 1,
    resourceTags: [],
    addressDistrictId: await idOf('310101000000'),
    contactName: '甲',
    contactPhone: '13900000000',
  });
  await seat('city', 'city_admin', city);
  await seat('committee', 'district_admin', committee.id);
  await seat('jinshan', 'district_admin', await idOf('310116000000'));
  await seat('town', 'town_admin', await idOf('310116101000'));
  await seat('inspector', 'inspector', city);
});
afterAll(() => env.close());

describe('unit workbook', () => {
  it('offers a template with Chinese headers, an example row and drop-down lists', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/imports/units/template.xlsx',
      headers: { cookie: cookies.committee },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(2).value).toBe('单位名称*');
    expect(ws.getRow(2).getCell(3).value).toBe('企业');
    expect(ws.getRow(2).getCell(4).value).toBe('市国资委党委');
    expect(ws.getRow(3).getCell(3).dataValidation).toMatchObject({ type: 'list' });
  });

  it('imports valid rows in one transaction with one audit record', async () => {
    const before = await counts();
    const file = await sheet(unitHeaders, [
      unitRow(),
      unitRow({ name: '上海市第二测试单位', contactPhone: '021-63215678', resourceTags: '' }),
    ]);
    const job = await importFile('/api/imports/units', 'committee', file);
    expect(job).toMatchObject({ status: 'done', total: 2, processed: 2, imported: 2, errors: [] });
    expect(await counts()).toEqual({ ...before, orgs: before.orgs + 2, audit: before.audit + 1 });
    const unit = await one<{ parent_id: number; contact_phone: string }>(
      `select parent_id, contact_phone from orgs where name = '上海市第二测试单位'`,
    );
    expect(Number(unit.parent_id)).toBe(committeeId);
    expect(unit.contact_phone).toBe('021-63215678');
  });

  it('reports every bad row in Chinese and commits nothing', async () => {
    const before = await counts();
    const file = await sheet(unitHeaders, [
      unitRow({ name: '好单位' }),
      unitRow({ name: '' }),
      unitRow({ name: '坏电话', contactPhone: '12345' }),
      unitRow({ name: '坏类型', unitType: '外星单位' }),
      unitRow({ name: '坏标签', resourceTags: '资金、魔法' }),
      unitRow({ name: '坏上级', parent: '金山区' }),
      unitRow({ name: '好单位' }),
      unitRow({ name: '上海已有集团' }),
      unitRow({ name: '坏容量', capacity: 'abc', yearlyBudget: -5 }),
      unitRow({ name: '坏编号', id: 999999 }),
      unitRow({ name: '坏区', addressDistrict: '火星区' }),
    ]);
    const job = await importFile('/api/imports/units', 'committee', file);
    expect(job.status).toBe('failed');
    expect(job.imported).toBe(0);
    const at = (row: number) =>
      job.errors
        .filter((e: { row: number }) => e.row === row)
        .map((e: { column: string }) => e.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['单位名称']);
    expect(at(4)).toEqual(['联系电话']);
    expect(at(5)).toEqual(['单位类别']);
    expect(at(6)).toEqual(['资源标签']);
    expect(at(7)).toEqual(['上级组织']);
    expect(at(8)).toEqual(['单位名称']);
    expect(at(9)).toEqual(['单位名称']);
    expect(at(10).sort()).toEqual(['年度帮扶资金（元）', '可结对数量'].sort());
    expect(at(11)).toEqual(['编号']);
    expect(at(12)).toEqual(['所在区']);
    const dup = job.errors.find((e: { row: number }) => e.row === 8);
    expect(dup.message).toContain('第 2 行');
    expect(await counts()).toEqual(before);
  });

  it('refuses to move an existing unit to another parent (its scope follows its path)', async () => {
    const { id } = await one<{ id: number }>(
      `select id::int as id from orgs where name = '上海已有集团'`,
    );
    const before = await counts();
    const moved = await sheet(unitHeaders, [
      unitRow({ id, name: '上海已有集团', parent: '黄浦区', yearlyBudget: 300000 }),
    ]);
    const job = await importFile('/api/imports/units', 'city', moved);
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      { row: 2, column: '上级组织', message: expect.stringContaining('现属“市国资委党委”') },
    ]);
    expect(await counts()).toEqual(before);
    const { yearly_budget } = await one<{ yearly_budget: string }>(
      'select yearly_budget from orgs where id = $1',
      [id],
    );
    expect(Number(yearly_budget)).toBe(1);
  });

  it('exports what re-imports unchanged', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/exports/units.xlsx',
      headers: { cookie: cookies.committee },
    });
    expect(res.statusCode).toBe(200);
    const before = await counts();
    const job = await importFile('/api/imports/units', 'committee', res.rawPayload);
    expect(job).toMatchObject({ status: 'done', imported: 3 });
    expect((await counts()).orgs).toBe(before.orgs);
  });
});

describe('rejected uploads leave the database unchanged', () => {
  const cases: Array<[string, () => Promise<Buffer> | Buffer, string]> = [
    ['an empty file', () => Buffer.alloc(0), 'empty_file'],
    ['a text file named .xlsx', () => Buffer.from('单位名称,单位类型\n某单位,企业\n'), 'not_xlsx'],
    ['10 MB of garbage', () => randomBytes(10 * 1024 * 1024), 'not_xlsx'],
    [
      'garbage behind a zip signature',
      () => Buffer.concat([Buffer.from('PK\x03\x04', 'binary'), randomBytes(4096)]),
      'not_xlsx',
    ],
  ];
  it.each(cases)('%s → 422', async (_name, make, code) => {
    const before = await counts();
    const jobs = Number((await one<{ n: number }>('select count(*)::int as n from import_jobs')).n);
    const res = await upload('/api/imports/units', 'city', await make());
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await counts()).toEqual(before);
    expect(Number((await one<{ n: number }>('select count(*)::int as n from import_jobs')).n)).toBe(
      jobs,
    );
  });

  // Read after the answer: the job fails with the reason and writes nothing.
  it.each([
    ['without the template headers', () => sheet(['名字', '电话'], [['a', 'b']]), '第 1 行缺少列'],
    ['with headers only', () => sheet(unitHeaders, []), '没有数据行'],
  ])('a workbook %s → a failed job', async (_name, make, reason) => {
    const before = await counts();
    const job = await importFile('/api/imports/units', 'city', await make());
    expect(job).toMatchObject({ status: 'failed', imported: 0, errorCount: 1, errorsKept: 1 });
    expect(job.errors).toEqual([{ row: 0, column: '', message: expect.stringContaining(reason) }]);
    expect(await counts()).toEqual(before);
  });

  it('says what the screens say in its headers, and still reads the earlier headers', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/imports/units/template.xlsx',
      headers: { cookie: cookies.committee },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const headers = (wb.worksheets[0].getRow(1).values as unknown[]).map(String);
    expect(headers).toEqual(
      expect.arrayContaining([
        `${unitFieldWords.unitType}*`,
        `${unitFieldWords.capacity}*`,
        `${unitFieldWords.yearlyBudget}（元）*`,
      ]),
    );
    const former = unitColumns.map((c) => ('formerHeaders' in c ? c.formerHeaders[0] : c.header));
    expect(former).toEqual(expect.arrayContaining(['单位类型', '结对容量', '年度帮扶预算（元）']));
    const job = await importFile(
      '/api/imports/units',
      'committee',
      await sheet(former, [unitRow({ name: '旧模板单位' })]),
    );
    expect(job).toMatchObject({ status: 'done', imported: 1, errors: [] });
  });

  it('a request without a file part → 422', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/imports/units',
      payload: { file: 'x' },
      headers: { cookie: cookies.city },
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('weak-village workbook', () => {
  it('marks and unmarks villages in scope, audited once', async () => {
    const before = await counts();
    const file = await sheet(weakHeaders, [
      ['310116101203', '民主村村委会', '金山区', '朱泾镇', '是'],
      ['310116101204', '', '', '', '是'],
    ]);
    const job = await importFile('/api/imports/weak-villages', 'town', file);
    expect(job).toMatchObject({ status: 'done', imported: 2 });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1, weak: before.weak + 2 });
    const exported = await env.app.inject({
      method: 'GET',
      url: '/api/exports/weak-villages.xlsx',
      headers: { cookie: cookies.jinshan },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].actualRowCount).toBe(3);
    const unmark = await sheet(weakHeaders, [['310116101204', '', '', '', '否']]);
    expect(await importFile('/api/imports/weak-villages', 'jinshan', unmark)).toMatchObject({
      status: 'done',
    });
    expect((await counts()).weak).toBe(before.weak + 1);
  });

  it('refuses codes that are not villages in scope, wrong names, bad answers and duplicates', async () => {
    const before = await counts();
    const file = await sheet(weakHeaders, [
      ['310116101203', '', '', '', '否'],
      ['310118102201', '', '', '', '是'],
      ['310116101000', '', '', '', '是'],
      ['3101161', '', '', '', '是'],
      ['310116101204', '别的村', '', '', '是'],
      ['310116101203', '', '', '', '也许'],
    ]);
    const job = await importFile('/api/imports/weak-villages', 'town', file);
    expect(job.status).toBe('failed');
    expect(job.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '村代码'],
      [4, '村代码'],
      [5, '村代码'],
      [6, '村名称'],
      [7, '村代码'],
      [7, '经济薄弱村'],
    ]);
    expect(await counts()).toEqual(before);
  });
});

describe('who may import', () => {
  it('answers 401, 403 and 404 as the policy says', async () => {
    const units = await sheet(unitHeaders, [unitRow({ name: '无权单位' })]);
    expect((await upload('/api/imports/units', undefined, units)).statusCode).toBe(401);
    expect((await upload('/api/imports/units', 'town', units)).statusCode).toBe(403);
    expect((await upload('/api/imports/units', 'inspector', units)).statusCode).toBe(403);
    // The city admin marks weak villages anywhere in the city, like district and town admins in
    // theirs; a unit workbook on that route is refused for its headers, not for the role.
    const wrongSheet = await importFile('/api/imports/weak-villages', 'city', units);
    expect(wrongSheet.errors[0].message).toContain('第 1 行缺少列');
    const qingpu = await sheet(weakHeaders, [['310118102201', '', '', '', '是']]);
    expect(await importFile('/api/imports/weak-villages', 'city', qingpu)).toMatchObject({
      status: 'done',
      imported: 1,
    });
    const jinshanUnits = await importFile('/api/imports/units', 'jinshan', units);
    expect(jinshanUnits.errors[0]).toMatchObject({ row: 2, column: '上级组织' });
    const res = await upload('/api/imports/units', 'committee', units);
    const other = await env.app.inject({
      method: 'GET',
      url: `/api/imports/${res.json().jobId}`,
      headers: { cookie: cookies.city },
    });
    expect(other.statusCode).toBe(404);
    await finished(res.json().jobId, 'committee');
  });
});

describe('a job whose process died', () => {
  // `queued`: the queue still holds the job (for later); otherwise it has given it up.
  const job = async (status: string, queued = false) => {
    const { id: actor } = await one<{ id: number }>(
      `select id from users where username = 'i.city'`,
    );
    const queueJobId = randomUUID();
    if (queued) await queueOf(env.dbh).send('import', {}, { id: queueJobId, startAfter: 3600 });
    const { id } = await one<{ id: number }>(
      `insert into import_jobs (kind, status, actor_id, total, processed, queue_job_id)
       values ('units', $1, $2, 3, 1, $3) returning id::int as id`,
      [status, actor, queueJobId],
    );
    return id;
  };
  const poll = async (id: number, who = 'city') =>
    env.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: cookies[who] } });

  it('is reported failed, nothing written, once the queue has given it up', async () => {
    const fresh = await job('running', true);
    expect((await poll(fresh)).json()).toMatchObject({ status: 'running', processed: 1 });
    const stale = await job('running');
    expect((await poll(stale, 'committee')).statusCode).toBe(404);
    const res = (await poll(stale)).json();
    expect(res).toMatchObject({ status: 'failed', processed: 1, imported: 0 });
    expect(res.errors).toEqual([
      { row: 0, column: '', message: expect.stringContaining('导入任务中断') },
    ]);
    expect((await poll(stale)).json()).toEqual(res);
  });

  it('is reported done when its commit and audit record landed before the process died', async () => {
    const id = await job('running');
    await env.dbh.query(
      `insert into audit_log (actor_name, action, entity, entity_id, scope_path, after)
       values ('i.city', 'import.units', 'import_job', $1, '/', $2)`,
      [String(id), JSON.stringify({ rows: [{ row: 2 }, { row: 3 }, { row: 4 }] })],
    );
    expect((await poll(id)).json()).toMatchObject({
      status: 'done',
      processed: 3,
      imported: 3,
      errors: [],
    });
  });

  it('leaves finished jobs alone however old', async () => {
    const id = await job('failed');
    expect((await poll(id)).json()).toMatchObject({ status: 'failed', errors: [] });
  });
});
