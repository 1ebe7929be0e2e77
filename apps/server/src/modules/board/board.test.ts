import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildApp } from '../../app.ts';
import { openDb, type DbHandle } from '../../db/client.ts';
import { withDatabase } from '../../../test/global-setup.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openStream } from '../../../test/sse.ts';
import { addOrg, openRound, submit } from '../rounds/testing.ts';
import type { Board } from '@pairing/shared';

let env: TestEnv;
let sc: Scenario;
let city: string;

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env);
  city = sc.actors.city_admin.cookie;
});
afterAll(() => env.close());

async function acceptedPair(roundId: number, app = env.app) {
  const sent = await submit(env, sc.actors.unit_admin.cookie, roundId, {
    ruralOrgId: sc.a.village.id,
  });
  expect(sent.statusCode).toBe(201);
  const accepted = await app.inject({
    method: 'POST',
    url: `/api/intentions/${sent.json().intention.id}/accept`,
    headers: { cookie: sc.actors.village_admin.cookie },
  });
  expect(accepted.statusCode).toBe(200);
}

describe('public board (R-LIVE-STATUS)', () => {
  it('counts intentions, coverage by district and days left, without login', async () => {
    const roundId = await openRound(env, city);
    const read = async () => {
      const res = await env.app.inject({
        method: 'GET',
        url: `/api/public/rounds/${roundId}/board`,
      });
      expect(res.statusCode).toBe(200);
      return res.json() as Board;
    };
    const jinshan = (b: Board) => b.coverage.find((d) => d.districtName === '金山区')!;
    const before = await read();
    expect(jinshan(before).villages.covered).toBe(0);
    await acceptedPair(roundId);
    const board = await read();
    expect(board.intentions).toEqual({ pending: 0, accepted: 1 });
    expect(board.agreementsSigned).toBe(0);
    expect(jinshan(board).villages).toEqual({ total: jinshan(before).villages.total, covered: 1 });
    expect(jinshan(board).towns.covered).toBe(0);
    expect(board.totals.villages.covered).toBe(1);
    expect(board.coverage.find((d) => d.districtName === '青浦区')?.villages.covered).toBe(0);
    // The clock stands at 2026-03-01: 60 days to 30 April.
    expect(board.deadlines[0]).toMatchObject({
      key: 'intention',
      date: '2026-04-30',
      daysLeft: 60,
    });

    const drill = await env.app.inject({
      method: 'GET',
      url: `/api/rounds/${roundId}/uncovered`,
      headers: { cookie: sc.actors.district_admin.cookie },
    });
    const names = drill.json().items.map((o: { name: string }) => o.name);
    expect(names).toContain('朱泾镇');
    expect(names).not.toContain('民主村村委会');
    expect(names).not.toContain('周荡村村委会');
    const city2 = await env.app.inject({
      method: 'GET',
      url: `/api/rounds/${roundId}/uncovered`,
      headers: { cookie: city },
    });
    expect(city2.json().items.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining(['朱泾镇', '朱家角镇', '周荡村村委会']),
    );
  });

  it('pushes the new board over SSE within 2 seconds of a change', async () => {
    const roundId = await openRound(env, city);
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    const address = env.app.server.address() as { port: number };
    const stream = await openStream(`http://127.0.0.1:${address.port}`, roundId);
    try {
      await stream.next((b) => b.intentions.accepted === 0);
      const started = Date.now();
      await acceptedPair(roundId);
      const board = await stream.next((b) => b.intentions.accepted === 1);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(board.totals.villages.covered).toBeGreaterThanOrEqual(1);
    } finally {
      stream.close();
    }
  });

  it('delivers a change made through another server process on the same database', async () => {
    const roundId = await openRound(env, city);
    // A second app with its own database handle (its own pool and LISTEN connection on PostgreSQL).
    let other: DbHandle = env.dbh;
    if (env.dbh.kind === 'postgres') {
      const { rows } = await env.dbh.query<{ db: string }>('select current_database() as db');
      other = await openDb({
        url: withDatabase(process.env.DATABASE_URL!, rows[0].db),
        poolSize: 4,
      });
    }
    const second = await buildApp({
      dbh: other,
      clock: env.clock,
      config: { secureCookies: false },
    });
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.server.address() as { port: number };
    const stream = await openStream(`http://127.0.0.1:${address.port}`, roundId);
    try {
      await stream.next((b) => b.intentions.accepted === 0);
      await acceptedPair(roundId);
      await stream.next((b) => b.intentions.accepted === 1);
    } finally {
      stream.close();
      await second.close();
      if (other !== env.dbh) await other.close();
    }
  });

  it('recomputes watched boards now and then, so a change whose NOTIFY was lost still shows', async () => {
    const roundId = await openRound(env, city);
    const app = await buildApp({
      dbh: env.dbh,
      clock: env.clock,
      config: { secureCookies: false, boardRefreshMs: 200 },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    const stream = await openStream(`http://127.0.0.1:${address.port}`, roundId);
    try {
      const before = await stream.next(() => true);
      // Written behind the application's back: no NOTIFY is sent.
      await env.dbh.query(`update rounds set name = name || '（已更名）' where id = $1`, [roundId]);
      const after = await stream.next((b) => b.name !== before.name);
      expect(after.name).toBe(`${before.name}（已更名）`);
    } finally {
      stream.close();
      await app.close();
    }
  });

  it('hides drafts and unknown rounds from the public', async () => {
    const draft = await openRound(env, city, {}, false);
    for (const url of [
      `/api/public/rounds/${draft}/board`,
      `/api/public/rounds/${draft}/board/stream`,
      '/api/public/rounds/999999/board',
    ])
      expect((await env.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/public/rounds/abc/board' })).statusCode,
    ).toBe(422);
  });
});

describe('rural targets (R-COVERAGE)', () => {
  it('leaves the streets of central districts and urban communities out of coverage and the drill-down', async () => {
    const roundId = await openRound(env, city);
    const street = await addOrg(env, { kind: 'town', name: '外滩街道', parentId: sc.central.id });
    const community = await addOrg(env, {
      kind: 'community',
      name: '中山东一路社区',
      parentId: street.id,
    });
    const suburbCommunity = await addOrg(env, {
      kind: 'community',
      name: '朱泾新城社区',
      parentId: sc.a.town.id,
    });

    const board = (
      await env.app.inject({ method: 'GET', url: `/api/public/rounds/${roundId}/board` })
    ).json() as Board;
    expect(board.coverage.find((d) => d.districtId === sc.central.id)).toBeUndefined();

    const drill = await env.app.inject({
      method: 'GET',
      url: `/api/rounds/${roundId}/uncovered`,
      headers: { cookie: city },
    });
    const ids = drill.json().items.map((o: { id: number }) => o.id);
    expect(ids).toContain(sc.a.village.id);
    expect(ids).toContain(sc.a.town.id);
    for (const id of [street.id, community.id, suburbCommunity.id]) expect(ids).not.toContain(id);

    const listed = await env.app.inject({
      method: 'GET',
      url: `/api/public/rounds/${roundId}/directory?q=${encodeURIComponent('外滩')}`,
    });
    expect(listed.json().total).toBe(0);

    const refused = await submit(env, sc.actors.unit_admin.cookie, roundId, {
      ruralOrgId: street.id,
    });
    expect(refused.statusCode).toBe(404);
  });
});

describe('the uncovered list: filters and export', () => {
  const get = (url: string, cookie?: string) =>
    env.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  type Row = { id: number; weakVillage: boolean };

  it('filters by district, town and weak villages, the same in the list and the workbook', async () => {
    const roundId = await openRound(env, city);
    const base = `/api/rounds/${roundId}/uncovered`;
    const ids = async (query: string) => {
      const res = await get(`${base}?${query}`, city);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as Row[];
    };
    const all = await ids('');
    const inDistrict = await ids(`district=${sc.a.district.id}`);
    expect(inDistrict.map((o) => o.id)).toEqual(
      expect.arrayContaining([sc.a.village.id, sc.a.town.id]),
    );
    expect(inDistrict.map((o) => o.id)).not.toContain(sc.b.village.id);
    expect(inDistrict.length).toBeLessThan(all.length);
    const inTown = (await ids(`town=${sc.a.town.id}`)).map((o) => o.id);
    expect(inTown).toContain(sc.a.village.id);
    expect(inTown.length).toBeLessThan(inDistrict.length);
    const weak = await ids(`district=${sc.a.district.id}&weak=true`);
    const notWeak = await ids(`district=${sc.a.district.id}&weak=false`);
    expect(weak.every((o) => o.weakVillage)).toBe(true);
    expect(notWeak.every((o) => !o.weakVillage)).toBe(true);
    expect(weak.length + notWeak.length).toBe(inDistrict.length);

    const file = await get(
      `/api/rounds/${roundId}/uncovered.xlsx?district=${sc.a.district.id}`,
      city,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(inDistrict.length + 1);
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe('名称');
  });

  it('refuses a bad filter, an anonymous caller, a role without the drill-down and an unknown round', async () => {
    const roundId = await openRound(env, city);
    expect((await get(`/api/rounds/${roundId}/uncovered?weak=maybe`, city)).statusCode).toBe(422);
    expect((await get(`/api/rounds/${roundId}/uncovered?district=abc`, city)).statusCode).toBe(422);
    expect((await get(`/api/rounds/${roundId}/uncovered.xlsx`)).statusCode).toBe(401);
    const unit = sc.actors.unit_admin.cookie;
    expect((await get(`/api/rounds/${roundId}/uncovered.xlsx`, unit)).statusCode).toBe(403);
    expect((await get('/api/rounds/999999/uncovered.xlsx', city)).statusCode).toBe(404);
  });
});
