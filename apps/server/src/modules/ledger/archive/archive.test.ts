import type { ArchiveImportRejected, ArchiveRowError, RecordInput } from '@pairing/shared';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentXml, expectOfficialLayout } from '../../../../test/docx.ts';
import { createTestEnv, type TestEnv } from '../../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../../test/scenario.ts';
import { addRosterMember, fund, signedPairing, storeRecord } from '../disclosure/test-support.ts';
import { ledgerRecords } from '../schema.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2025-06-15T10:00:00+08:00');
  s = await createScenario(env, 'arc');
});
afterAll(() => env.close());

function upload(pairingId: number, cookie: string, file: Buffer) {
  const boundary = '----archive-test';
  return env.app.inject({
    method: 'POST',
    url: `/api/pairings/${pairingId}/records/import`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie },
  });
}

const get = (url: string, cookie: string) =>
  env.app.inject({ method: 'GET', url, headers: { cookie } });

const recordsOf = (pairingId: number) =>
  env.dbh.db
    .select()
    .from(ledgerRecords)
    .where(eq(ledgerRecords.pairingId, pairingId))
    .orderBy(asc(ledgerRecords.date), asc(ledgerRecords.id));

/** A workbook with the given sheets, each a header row and rows of cells. */
async function workbook(sheets: Record<string, Array<Array<string | number>>>) {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const visitHeader = ['日期*', '地点', '名单人员', '其他参加人员', '负责部门参加*', '情况记述'];

/** A pairing of side A with a two-member roster and one record of every type. */
async function pairingWithRecords() {
  const id = await signedPairing(env, { city: s.shanghai, urban: s.a.unit, rural: s.a.village });
  const zhang = await addRosterMember(env, id, {
    name: '张卫东',
    post: '党委书记',
    role: 'principal',
  });
  const li = await addRosterMember(env, id, { name: '李红', post: '办公室主任', role: 'lead' });
  const unit = s.a.users.unit_admin.id;
  const village = s.a.users.village_admin.id;
  const records: Array<[RecordInput, Parameters<typeof storeRecord>[4]]> = [
    [
      {
        type: 'visit',
        date: '2024-09-03',
        place: '民主村党群服务中心',
        narrative: '张书记带队走访，商定活动室改造方案。\n走访困难党员两户。',
        people: { rosterIds: [zhang, li], others: ['村民代表王阿姨'] },
        department: true,
      },
      { side: 'urban', evidence: 2 },
    ],
    [
      {
        type: 'activity',
        date: '2025-03-01',
        place: '村会议室',
        narrative: '联合党课：学习乡村振兴政策',
        people: { rosterIds: [li], others: [] },
        category: 'party_lesson',
      },
      { side: 'urban' },
    ],
    [
      {
        type: 'activity',
        date: '2025-04-12',
        place: '村广场',
        narrative: '义诊',
        people: { rosterIds: [], others: ['社区医生'] },
        category: 'other',
        categoryLabel: '健康义诊',
      },
      { side: 'rural', state: 'pending', countsFrom: '2025-04-26' },
    ],
    [fund('2025-01-10', 80_000), { side: 'urban' }],
    [
      {
        type: 'progress',
        date: '2025-02-20',
        narrative: '主体完工',
        projectIndex: 0,
        milestone: '主体施工完成',
        percent: 60,
        indicatorValue: 80,
      },
      { side: 'rural' },
    ],
    [
      {
        type: 'acceptance',
        date: '2025-05-20',
        place: '民主村',
        narrative: '镇里组织验收',
        projectIndex: 0,
        indicatorValue: 120,
        passed: true,
      },
      { side: 'rural', state: 'disputed', countsFrom: null },
    ],
    [
      {
        type: 'report',
        date: '2025-04-08',
        quarter: '2025Q1',
        body: '一季度开展走访一次、党课一次。',
      },
      { side: 'rural' },
    ],
    [
      {
        type: 'visit',
        date: '2025-05-05',
        place: '村委',
        narrative: '误录的走访（已撤回）',
        people: { rosterIds: [], others: ['某人'] },
        department: false,
      },
      { side: 'urban', state: 'withdrawn', countsFrom: null },
    ],
  ];
  for (const [content, options] of records)
    await storeRecord(
      env,
      id,
      content.type === 'fund' || options?.side === 'urban' ? unit : village,
      content,
      options,
    );
  return { id, zhang, li };
}

describe('archive workbook', () => {
  it('exports one sheet per record type with Chinese headers, state, counts_from and evidence', async () => {
    const { id } = await pairingWithRecords();
    const res = await get(`/api/pairings/${id}/archive.xlsx`, s.a.users.unit_admin.cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '走访',
      '活动',
      '资金',
      '项目进度',
      '项目验收',
      '季度报告',
    ]);
    const rows = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1));
    const visits = rows('走访');
    expect(visits[0]).toEqual([
      '编号',
      '日期*',
      '地点',
      '名单人员',
      '其他参加人员',
      '负责部门参加*',
      '情况记述',
      '记录方',
      '状态',
      '计入日期',
      '证据数量',
    ]);
    expect(visits).toHaveLength(3);
    expect(visits[1]).toEqual([
      expect.any(Number),
      '2024-09-03',
      '民主村党群服务中心',
      '张卫东、李红',
      '村民代表王阿姨',
      '是',
      '张书记带队走访，商定活动室改造方案。\n走访困难党员两户。',
      '帮扶单位',
      '已确认',
      '2024-09-03',
      2,
    ]);
    expect(visits[2]).toContain('已撤回');
    expect(rows('活动')[2]).toEqual(
      expect.arrayContaining(['其他', '健康义诊', '待确认', '2025-04-26']),
    );
    expect(rows('资金')[1]).toEqual(
      expect.arrayContaining(['资金', 80_000, '本单位', '公益组织', 1, '村级活动室改造']),
    );
    expect(rows('项目验收')[1]).toEqual(expect.arrayContaining([120, '是', '有异议']));
    expect(rows('季度报告')[1]).toEqual(
      expect.arrayContaining(['2025Q1', '一季度开展走访一次、党课一次。']),
    );
  });

  it('re-imports its own export into another pairing as the importing side’s pending records', async () => {
    const { id } = await pairingWithRecords();
    const exported = await get(`/api/pairings/${id}/archive.xlsx`, s.a.users.village_admin.cookie);
    const target = await signedPairing(env, {
      city: s.shanghai,
      urban: s.a.unit,
      rural: s.a.village,
    });
    const zhang = await addRosterMember(env, target, {
      name: '张卫东',
      post: '党委书记',
      role: 'principal',
    });
    const li = await addRosterMember(env, target, {
      name: '李红',
      post: '办公室主任',
      role: 'lead',
    });

    const res = await upload(target, s.a.users.village_admin.cookie, exported.rawPayload);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      imported: 8,
      byType: { visit: 2, activity: 2, fund: 1, progress: 1, acceptance: 1, report: 1 },
    });
    const original = await recordsOf(id);
    const imported = await recordsOf(target);
    expect(imported).toHaveLength(8);
    const ids = new Map([
      [original[0].rosterIds[0], zhang],
      [original[0].rosterIds[1], li],
    ]);
    imported.forEach((record, i) => {
      expect(record).toMatchObject({
        side: 'rural',
        state: 'pending',
        countsFrom: '2025-06-29',
        date: original[i].date,
        type: original[i].type,
        amount: original[i].amount,
        period: original[i].period,
        category: original[i].category,
        department: original[i].department,
        enteredBy: s.a.users.village_admin.id,
      });
      const content = original[i].content;
      expect(record.content).toEqual(
        content.type === 'visit' || content.type === 'activity'
          ? {
              ...content,
              people: {
                ...content.people,
                rosterIds: content.people.rosterIds.map((r) => ids.get(r)),
              },
            }
          : content,
      );
    });
  });

  it('imports all or nothing: every bad row is reported by sheet, row and column, nothing stored', async () => {
    const id = await signedPairing(env, { city: s.shanghai, urban: s.a.unit, rural: s.a.village });
    await addRosterMember(env, id, { name: '张卫东', post: '党委书记', role: 'principal' });
    await addRosterMember(env, id, { name: '王强', post: '副书记', role: 'team' });
    await addRosterMember(env, id, { name: '王强', post: '纪委书记', role: 'team' });
    const file = await workbook({
      走访: [
        visitHeader,
        ['2025-03-01', '村委', '张卫东', '', '是', '正常的一行'],
        ['2025-13-01', '村委', '', '', '是', '日期不存在'],
        ['2025-03-02', '村委', '赵六', '', '否', '不在名单中'],
        ['2025-03-03', '村委', '王强', '', '否', '同名'],
        ['2025-03-04', '村委', '', '', '也许', '布尔值'],
      ],
      活动: [
        ['日期*', '活动类别*', '类别名称', '地点', '名单人员', '其他参加人员', '情况记述'],
        ['2025-03-01', '其他', '', '村委', '', '', '没有类别名称'],
        ['2023-01-01', '党课', '', '村委', '', '', '协议期以前'],
        ['2025-06-16', '党课', '', '村委', '', '', '明天'],
        ['2025-03-01', '跳舞', '', '村委', '', '', '类别不存在'],
      ],
      资金: [
        [
          '到账日期*',
          '形式*',
          '金额（元）*',
          '来源*',
          '捐赠渠道*',
          '用途*',
          '项目序号',
          '收据编号',
        ],
        ['2025-03-01', '资金', 'abc', '本单位', '公益组织', '修路', '', ''],
        ['2025-03-01', '资金', 1000, '本单位', '现金', '修路', '', ''],
        ['2025-03-01', '资金', 1000, '本单位', '公益组织', '修路', 9, ''],
        ['2025-03-01', '资金', 1000, '本单位', '公益组织', '', '', ''],
      ],
      季度报告: [
        ['提交日期*', '季度*', '报告正文*'],
        ['2025-04-05', '2025Q5', '正文'],
      ],
      说明: [['这张表不是记录，导入时略过']],
    });
    const res = await upload(id, s.a.users.unit_admin.cookie, file);
    expect(res.statusCode, res.body).toBe(422);
    const { error } = res.json() as ArchiveImportRejected;
    expect(error.code).toBe('import_rejected');
    const at = (sheet: string, row: number) =>
      error.rows!.filter((e) => e.sheet === sheet && e.row === row).map((e) => e.column);
    expect(at('走访', 2)).toEqual([]);
    expect(at('走访', 3)).toEqual(['日期']);
    expect(at('走访', 4)).toEqual(['名单人员']);
    expect(at('走访', 5)).toEqual(['名单人员']);
    expect(at('走访', 6)).toEqual(['负责部门参加']);
    expect(at('活动', 2)).toEqual(['类别名称']);
    expect(at('活动', 3)).toEqual(['日期']);
    expect(at('活动', 4)).toEqual(['日期']);
    expect(at('活动', 5)).toEqual(['活动类别']);
    expect(at('资金', 2)).toEqual(['金额（元）']);
    expect(at('资金', 3)).toEqual(['捐赠渠道']);
    expect(at('资金', 4)).toEqual(['项目序号']);
    expect(at('资金', 5)).toEqual(['用途']);
    expect(at('季度报告', 2)).toEqual(['季度']);
    expect(error.rowCount).toBe(error.rows!.length);
    const messages = Object.fromEntries(
      error.rows!.map((e: ArchiveRowError) => [`${e.sheet}${e.row}`, e.message]),
    );
    expect(messages['走访4']).toContain('“赵六”不在本结对的领导班子名单中');
    expect(messages['走访5']).toContain('名单中有 2 位“王强”');
    expect(messages['活动3']).toBe('日期须在结对期限内（2024-07-01 至 2027-06-30）');
    expect(messages['活动4']).toBe('日期不能晚于今天');
    expect(messages['资金4']).toBe('协议中没有这个项目');
    expect(messages['活动2']).toBe('请填写活动类别名称');
    expect(await recordsOf(id)).toEqual([]);
  });

  it('refuses progress and acceptance from the unit, bad files and too many rows; stores nothing', async () => {
    const id = await signedPairing(env, { city: s.shanghai, urban: s.a.unit, rural: s.a.village });
    const unit = s.a.users.unit_admin.cookie;
    const progress = await workbook({
      项目进度: [
        ['日期*', '项目序号*', '进度节点*', '进度（%）*', '情况记述'],
        ['2025-03-01', 1, '开工', 10, '开工'],
      ],
    });
    const refused = await upload(id, unit, progress);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.rows).toEqual([
      {
        sheet: '项目进度',
        row: 1,
        column: '',
        message: '项目进度和验收由结对村及其所在镇记录',
      },
    ]);
    // The village may.
    expect((await upload(id, s.a.users.village_admin.cookie, progress)).statusCode).toBe(201);
    const stored = (await recordsOf(id)).length;

    const notXlsx = await upload(id, unit, Buffer.from('编号,日期\n1,2025-03-01\n'));
    expect(notXlsx.json().error.code).toBe('not_xlsx');
    const noFile = await env.app.inject({
      method: 'POST',
      url: `/api/pairings/${id}/records/import`,
      headers: { cookie: unit },
      payload: { file: 'x' },
    });
    expect(noFile.statusCode).toBe(422);
    expect(noFile.json().error.code).toBe('no_file');
    const badHeader = await upload(
      id,
      unit,
      await workbook({
        资金: [
          ['到账日期*', '形式*'],
          ['2025-03-01', '资金'],
        ],
      }),
    );
    expect(badHeader.statusCode).toBe(422);
    expect(badHeader.json().error.message).toContain('工作表“资金”第 1 行缺少列');
    const empty = await upload(id, unit, await workbook({ 走访: [visitHeader] }));
    expect(empty.json().error.code).toBe('no_rows');
    const tooMany = await upload(
      id,
      unit,
      await workbook({
        走访: [
          visitHeader,
          ...Array.from({ length: 5_001 }, () => ['2025-03-01', '村', '', '', '是', '走访']),
        ],
      }),
    );
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.code).toBe('workbook_too_large');
    expect((await recordsOf(id)).length).toBe(stored);
  });
});

describe('archive document', () => {
  it('prints who went down when and what was done, by year and date, in the official layout', async () => {
    const { id } = await pairingWithRecords();
    const res = await get(`/api/pairings/${id}/archive.docx`, s.a.users.town_admin.cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await documentXml(res.rawPayload);
    expectOfficialLayout(xml);
    for (const text of [
      '城乡党组织结对帮扶工作档案',
      s.a.unit.name,
      '张卫东',
      '党组织主要领导',
      '三、2024年',
      '四、2025年',
      '9月3日',
      '负责部门参加',
      '参加人员：张卫东（党委书记）、李红（办公室主任）、村民代表王阿姨',
      '走访困难党员两户。',
      '党课',
      '健康义诊',
      '80,000',
      '2025年第1季度工作报告',
      '一季度开展走访一次、党课一次。',
      '附证据 2 份',
      '有异议',
    ])
      expect(xml, text).toContain(text);
    expect(xml).not.toContain('误录的走访');
    expect(xml.indexOf('9月3日')).toBeLessThan(xml.indexOf('1月10日'));
    expect(xml.indexOf('1月10日')).toBeLessThan(xml.indexOf('2月20日'));
  });
});
