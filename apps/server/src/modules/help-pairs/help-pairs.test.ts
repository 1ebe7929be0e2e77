// "1+2" cadre pairing (R-ONE-PLUS-TWO): the pair's way from the village's proposal through the
// unit's cadre, plan, the cadre's own help records with photos, to its outcome; each refusal with
// its code, bad input changing nothing, races, idempotent replays, who sees what, coverage, and
// what the registry and members' reports read.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { queryRows } from '../../lib/rows.ts';
import { multipart, newKey, photo } from '../ledger/evidence/test-support.ts';
import { ledgerCall, signedPairing } from '../ledger/test-support.ts';
import { helpOfCadreInQuarter } from './read-for-reports.ts';
import { pairedWithCadresOf } from './read-for-people.ts';
import {
  assigned,
  helpRecord,
  plan,
  proposed,
  sidePeople,
  type SidePeople,
} from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let a: number;
let b: number;
let pa: SidePeople;
let pb: SidePeople;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'hp');
  a = (await signedPairing(env, s)).id;
  b = (await signedPairing(env, s, { side: 'b' })).id;
  pa = await sidePeople(env, s.a, 6);
  pb = await sidePeople(env, s.b, 2);
});
afterAll(() => env.close());

const as = (cookie: string) => ({
  get: (url: string) => ledgerCall(env, cookie, 'GET', url),
  post: (url: string, body?: unknown, key?: string) =>
    ledgerCall(env, cookie, 'POST', url, body, key),
  put: (url: string, body?: unknown) => ledgerCall(env, cookie, 'PUT', url, body),
});
const village = () => as(s.a.users.village_admin.cookie);
const unit = () => as(s.a.users.unit_admin.cookie);
const cadre = () => as(s.a.users.member.cookie);

function uploadPhoto(cookie: string, recordId: number, bytes: Buffer, key = newKey()) {
  const body = multipart(bytes, '帮扶.jpg');
  return env.app.inject({
    method: 'POST',
    url: `/api/help-records/${recordId}/photos`,
    headers: { ...body.headers, cookie, 'idempotency-key': key },
    payload: body.payload,
  });
}

const count = async (table: 'help_pairs' | 'help_records' | 'help_record_photos') =>
  (
    await queryRows<{ n: number }>(
      env.dbh.db,
      sql`select count(*)::int as n from ${sql.raw(table)}`,
    )
  )[0].n;

describe('1+2: the way of a pair', () => {
  it('the village proposes, the unit assigns and plans, the cadre records with a photo, the unit concludes', async () => {
    const res = await village().post(`/pairings/${a}/help-pairs`, {
      memberId: pa.members[0],
      residentId: pa.residents[0],
      note: '因病致困',
    });
    expect(res.statusCode, res.body).toBe(201);
    const pair = res.json();
    expect(pair).toMatchObject({
      pairingId: a,
      state: 'proposed',
      member: { id: pa.members[0], name: '困难党员0', kind: 'member' },
      resident: { id: pa.residents[0], kind: 'resident' },
      cadre: null,
      abilities: { assign: false, record: false, withdraw: true },
    });
    // Masked: the registry alone shows a number in full.
    expect(pair.member.idNumberMasked).toMatch(/^\d{6}\*+\d{3}[\dX]$/);

    const overview = await unit().get(`/pairings/${a}/help-pairs`);
    expect(overview.json()).toMatchObject({
      abilities: { propose: false, assign: true },
      coverage: { cadres: 6, proposed: 1, pairs: 0 },
    });
    const cands = await unit().get(`/pairings/${a}/help-candidates?role=cadre`);
    expect(
      cands
        .json()
        .items.map((p: { id: number }) => p.id)
        .sort(),
    ).toEqual([...pa.cadres].sort());

    const assign = await unit().put(`/help-pairs/${pair.id}/cadre`, { cadreId: pa.cadres[0] });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(assign.json()).toMatchObject({ state: 'assigned', cadre: { id: pa.cadres[0] } });

    const planned = await unit().put(`/help-pairs/${pair.id}/plan`, plan);
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json().plan).toEqual(plan);

    // The cadre's own account sees his pair and records on it.
    const mine = await cadre().get('/help-pairs');
    expect(mine.json().items.map((p: { id: number }) => p.id)).toEqual([pair.id]);
    const rec = await cadre().post(`/help-pairs/${pair.id}/records`, {
      ...helpRecord,
      kind: 'funds',
      amount: 2000,
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json()).toMatchObject({
      kind: 'funds',
      amount: 2000,
      cadreId: pa.cadres[0],
      recordedAs: 'cadre',
      photos: [],
      abilities: { attach: true },
    });
    const up = await uploadPhoto(s.a.users.member.cookie, rec.json().id, await photo());
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id;

    const detail = (await unit().get(`/help-pairs/${pair.id}`)).json();
    expect(detail.helpRecords).toHaveLength(1);
    expect(detail.helpRecords[0].photos.map((p: { id: number }) => p.id)).toEqual([fileId]);
    const file = await env.app.inject({
      method: 'GET',
      url: `/api/help-photos/${fileId}`,
      headers: { cookie: s.a.users.village_admin.cookie },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const thumb = await env.app.inject({
      method: 'GET',
      url: `/api/help-photos/${fileId}/thumb`,
      headers: { cookie: s.a.users.member.cookie },
    });
    expect(thumb.statusCode).toBe(200);
    for (const cookie of [s.b.users.unit_admin.cookie, s.b.users.member.cookie]) {
      const other = await env.app.inject({
        method: 'GET',
        url: `/api/help-photos/${fileId}`,
        headers: { cookie },
      });
      expect(other.statusCode).toBe(404);
    }

    const outcome = {
      incomeBefore: 12000,
      incomeAfter: 31000,
      outOfDifficulty: true,
      concludedOn: '2026-03-01',
      summary: '大棚增收',
    };
    const done = await unit().post(`/help-pairs/${pair.id}/conclude`, outcome);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'concluded', outcome });
    const late = await cadre().post(`/help-pairs/${pair.id}/records`, helpRecord);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('help_pair_not_assigned');

    const audit = await queryRows<{ action: string }>(
      env.dbh.db,
      sql`select action from audit_log where entity in ('help_pair', 'help_record')
        and (entity_id = ${String(pair.id)} or entity_id = ${String(rec.json().id)}) order by id`,
    );
    expect(audit.map((r) => r.action)).toEqual([
      'helpPair.proposed',
      'helpPair.assigned',
      'helpPair.planned',
      'helpPair.recorded',
      'helpPair.photo',
      'helpPair.concluded',
    ]);
    // No names, numbers or free text of people in the audit log.
    const after = await queryRows<{ text: string }>(
      env.dbh.db,
      sql`select coalesce(after::text, '') as text from audit_log where entity = 'help_pair'`,
    );
    for (const row of after) expect(row.text).not.toMatch(/困难|干部|大棚/);
  });
});

describe('1+2: refusals', () => {
  it('proposals: only the village side, only its poor member and poor resident', async () => {
    const body = { memberId: pa.members[1], residentId: pa.residents[1] };
    const before = await count('help_pairs');
    const byUnit = await unit().post(`/pairings/${a}/help-pairs`, body);
    expect(byUnit.statusCode).toBe(403);
    const wrong = [
      [{ ...body, memberId: pa.residents[1] }, 'memberId'],
      [{ ...body, residentId: pa.plainResident }, 'residentId'],
      [{ ...body, memberId: pb.members[0] }, 'memberId'],
      [{ ...body, residentId: pa.cadres[1] }, 'residentId'],
    ] as const;
    for (const [input, field] of wrong) {
      const res = await village().post(`/pairings/${a}/help-pairs`, input);
      expect(res.statusCode, JSON.stringify(input)).toBe(422);
      expect(Object.keys(res.json().error.fields)).toEqual([field]);
    }
    const bad = await village().post(`/pairings/${a}/help-pairs`, {
      memberId: 'x',
      note: '\u0007',
    });
    expect(bad.statusCode).toBe(422);
    const outside = await village().post(`/pairings/${b}/help-pairs`, body);
    expect(outside.statusCode).toBe(404);
    expect(await count('help_pairs')).toBe(before);
  });

  it('one live pair per person and per cadre in a pairing', async () => {
    const id = await proposed(env, s.a, a, pa.members[1], pa.residents[1]);
    const again = await village().post(`/pairings/${a}/help-pairs`, {
      memberId: pa.members[1],
      residentId: pa.residents[2],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('person_already_paired');

    const notCadre = await unit().put(`/help-pairs/${id}/cadre`, { cadreId: pa.plainStaff });
    expect(notCadre.statusCode).toBe(422);
    const otherUnit = await unit().put(`/help-pairs/${id}/cadre`, { cadreId: pb.cadres[0] });
    expect(otherUnit.statusCode).toBe(422);
    expect(otherUnit.json().error.fields).toHaveProperty('cadreId');
    const byVillage = await village().put(`/help-pairs/${id}/cadre`, { cadreId: pa.cadres[1] });
    expect(byVillage.statusCode).toBe(403);

    const record = await unit().post(`/help-pairs/${id}/records`, helpRecord);
    expect(record.statusCode).toBe(409);
    expect(record.json().error.code).toBe('help_pair_not_assigned');

    await assigned(env, s.a, id, pa.cadres[1]);
    const twice = await unit().put(`/help-pairs/${id}/cadre`, { cadreId: pa.cadres[2] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('help_pair_not_proposed');

    const second = await proposed(env, s.a, a, pa.members[2], pa.residents[2]);
    const busy = await unit().put(`/help-pairs/${second}/cadre`, { cadreId: pa.cadres[1] });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('cadre_already_paired');

    const noPlan = await unit().post(`/help-pairs/${id}/conclude`, {
      incomeBefore: 1,
      incomeAfter: 2,
      outOfDifficulty: false,
      concludedOn: '2026-03-01',
    });
    expect(noPlan.statusCode).toBe(409);
    expect(noPlan.json().error.code).toBe('help_pair_no_plan');

    // The village may not end an assigned pair; the unit may.
    const villageEnds = await village().post(`/help-pairs/${id}/withdraw`, { reason: '搬迁' });
    expect(villageEnds.statusCode).toBe(403);
    const ends = await unit().post(`/help-pairs/${id}/withdraw`, { reason: '干部调离' });
    expect(ends.statusCode).toBe(200);
    expect(ends.json()).toMatchObject({ state: 'withdrawn', withdrawReason: '干部调离' });
    const closed = await unit().post(`/help-pairs/${id}/withdraw`, { reason: '重复' });
    expect(closed.json().error.code).toBe('help_pair_closed');
    // Withdrawn, its cadre and people are free again.
    await assigned(env, s.a, second, pa.cadres[1]);
    await proposed(env, s.a, a, pa.members[1], pa.residents[1]);
  });

  it('help records: amount only for funds and sales, no future date, the cadre only on his own pairs', async () => {
    const id = await proposed(env, s.a, a, pa.members[3], pa.residents[3]);
    await assigned(env, s.a, id, pa.cadres[3]);
    const before = await count('help_records');
    for (const input of [
      { ...helpRecord, kind: 'funds', amount: null },
      { ...helpRecord, amount: 100 },
      { ...helpRecord, date: '2026-03-02' },
      { ...helpRecord, text: '  ' },
      { ...helpRecord, kind: 'gift' },
      { ...helpRecord, kind: 'sales', amount: -5 },
    ]) {
      const res = await unit().post(`/help-pairs/${id}/records`, input);
      expect(res.statusCode, JSON.stringify(input)).toBe(422);
    }
    // The side's member account is cadres[0], not this pair's cadre: not found for him.
    const foreign = await cadre().post(`/help-pairs/${id}/records`, helpRecord);
    expect(foreign.statusCode).toBe(404);
    expect(await count('help_records')).toBe(before);

    const byVillage = await village().post(`/help-pairs/${id}/records`, {
      ...helpRecord,
      kind: 'sales',
      amount: 800,
    });
    expect(byVillage.statusCode).toBe(201);
    expect(byVillage.json()).toMatchObject({ recordedAs: 'rural', cadreId: pa.cadres[3] });
    const notImage = await uploadPhoto(
      s.a.users.village_admin.cookie,
      byVillage.json().id,
      Buffer.from('not an image'),
    );
    expect(notImage.statusCode).toBe(422);
    expect(await count('help_record_photos')).toBe(1);
  });
});

describe('1+2: races and replays', () => {
  it('two villages’ clicks proposing the same member: one wins', async () => {
    const [x, y] = await Promise.all([
      village().post(`/pairings/${a}/help-pairs`, {
        memberId: pa.members[4],
        residentId: pa.residents[4],
      }),
      // The same two people from the town: whichever wins, members[4] and residents[4] are paired.
      as(s.a.users.town_admin.cookie).post(`/pairings/${a}/help-pairs`, {
        memberId: pa.members[4],
        residentId: pa.residents[4],
      }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    const loser = x.statusCode === 409 ? x : y;
    expect(loser.json().error.code).toBe('person_already_paired');
  });

  it('two pairs assigned the same cadre at once: one wins', async () => {
    const p1 = await proposed(env, s.a, a, pa.members[5], pa.residents[5]);
    const [other] = await queryRows<{ id: number }>(
      env.dbh.db,
      sql`select id::int from help_pairs where member_id = ${pa.members[4]} and state = 'proposed'`,
    );
    const [x, y] = await Promise.all([
      unit().put(`/help-pairs/${p1}/cadre`, { cadreId: pa.cadres[4] }),
      unit().put(`/help-pairs/${other.id}/cadre`, { cadreId: pa.cadres[4] }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    expect((x.statusCode === 409 ? x : y).json().error.code).toBe('cadre_already_paired');
  });

  it('a retried proposal, record and photo answer once', async () => {
    const id = await proposed(env, s.b, b, pb.members[0], pb.residents[0]);
    await assigned(env, s.b, id, pb.cadres[0]);
    const key = newKey();
    const me = as(s.b.users.member.cookie);
    const first = await me.post(`/help-pairs/${id}/records`, helpRecord, key);
    const again = await me.post(`/help-pairs/${id}/records`, helpRecord, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const photoKey = newKey();
    const bytes = await photo({ colour: '#a33' });
    const up1 = await uploadPhoto(s.b.users.member.cookie, first.json().id, bytes, photoKey);
    const up2 = await uploadPhoto(s.b.users.member.cookie, first.json().id, bytes, photoKey);
    expect([up1.statusCode, up2.statusCode]).toEqual([201, 201]);
    expect(up2.json()).toEqual(up1.json());
    const [{ n }] = await queryRows<{ n: number }>(
      env.dbh.db,
      sql`select count(*)::int as n from help_record_photos where record_id = ${first.json().id}`,
    );
    expect(n).toBe(1);
    const proposeKey = newKey();
    const body = { memberId: pb.members[1], residentId: pb.residents[1] };
    const v = as(s.b.users.village_admin.cookie);
    const p1 = await v.post(`/pairings/${b}/help-pairs`, body, proposeKey);
    const p2 = await v.post(`/pairings/${b}/help-pairs`, body, proposeKey);
    expect([p1.statusCode, p2.statusCode]).toEqual([201, 201]);
    expect(p2.json().id).toBe(p1.json().id);
  });
});

describe('1+2: who sees what, coverage, and what others read', () => {
  it('a unit sees only its pairings’ pairs; a member only his own', async () => {
    const ids = async (cookie: string) =>
      (await as(cookie).get('/help-pairs?pageSize=100'))
        .json()
        .items.map((p: { pairingId: number }) => p.pairingId) as number[];
    expect(new Set(await ids(s.a.users.unit_admin.cookie))).toEqual(new Set([a]));
    expect(new Set(await ids(s.b.users.unit_admin.cookie))).toEqual(new Set([b]));
    expect(new Set(await ids(s.a.users.city_admin.cookie))).toEqual(new Set([a, b]));
    const mine = (await cadre().get('/help-pairs')).json().items;
    expect(mine.every((p: { cadre: { id: number } }) => p.cadre.id === pa.cadres[0])).toBe(true);
    const [pairB] = (await as(s.b.users.unit_admin.cookie).get('/help-pairs')).json().items;
    expect((await unit().get(`/help-pairs/${pairB.id}`)).statusCode).toBe(404);
    expect((await cadre().get(`/pairings/${a}/help-pairs`)).statusCode).toBe(403);
  });

  it('the registry’s port lets a unit see exactly the people of its pairs', async () => {
    const seen = async (path: string) =>
      (
        await queryRows<{ id: number }>(
          env.dbh.db,
          sql`select p.id::int from persons p where ${pairedWithCadresOf({ path })} order by p.id`,
        )
      ).map((r) => r.id);
    const ofA = await seen(s.a.unit.path);
    expect(ofA).toContain(pa.members[0]);
    expect(ofA).toContain(pa.cadres[0]);
    expect(ofA).not.toContain(pb.members[0]);
    expect(ofA).not.toContain(pa.plainResident);
    const ofB = await seen(s.b.unit.path);
    expect(ofB).toContain(pb.members[0]);
    expect(ofB).not.toContain(pa.members[0]);
    // Through the registry's own route (the port wired in modules/index.ts): the unit opens the
    // paired villager, not the one of another unit's pair nor an unpaired one.
    const opened = async (id: number) =>
      (await ledgerCall(env, s.a.users.unit_admin.cookie, 'GET', `/people/${id}`)).statusCode;
    expect(await opened(pa.members[0]!)).toBe(200);
    expect(await opened(pb.members[0]!)).toBe(404);
    expect(await opened(pa.plainResident)).toBe(404);
  });

  it('coverage per pairing and per unit, rolled up in the caller’s scope', async () => {
    const one = (await unit().get(`/pairings/${a}/help-pairs`)).json().coverage;
    expect(one).toMatchObject({
      cadres: 6,
      plansMade: 1,
      targets: 2,
      targetsMet: 1,
      concluded: 1,
      outOfDifficulty: 1,
    });
    const mineUnit = (await unit().get('/help-pairs/coverage')).json();
    expect(mineUnit.units.items).toHaveLength(1);
    expect(mineUnit.units.items[0]).toMatchObject({ unit: { id: s.a.unit.id }, pairings: 1 });
    expect(mineUnit.totals).toEqual({ ...one });
    const city = (await as(s.a.users.city_admin.cookie).get('/help-pairs/coverage')).json();
    expect(city.units.total).toBe(2);
    expect(city.totals.cadres).toBe(8);
    expect(city.totals.cadresPaired).toBe(one.cadresPaired + 1);
    const committee = (
      await as(s.a.users.city_admin.cookie).get(`/help-pairs/coverage?under=${s.committee.id}`)
    ).json();
    expect(committee.units.items.map((u: { unit: { id: number } }) => u.unit.id)).toEqual([
      s.a.unit.id,
    ]);
  });

  it('members’ quarterly reports read the cadre’s help of a quarter', async () => {
    const help = await helpOfCadreInQuarter(env.dbh.db, pa.cadres[0], 2026, 1);
    expect(help).toEqual([
      expect.objectContaining({ kind: 'funds', date: '2026-02-20', amount: 2000 }),
    ]);
    expect(await helpOfCadreInQuarter(env.dbh.db, pa.cadres[0], 2026, 2)).toEqual([]);
    expect(await helpOfCadreInQuarter(env.dbh.db, pa.cadres[0], 2025, 4)).toEqual([]);
  });
});
