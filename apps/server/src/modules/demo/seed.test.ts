import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CONFIRMATION_DAYS, recordInput } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { login } from '../../../test/fixtures.ts';
import { blobPath } from '../ledger/evidence/store.ts';
import { demoPassword, seedDemoIfEmpty, type DemoAccount } from './seed.ts';

let env: TestEnv;
let accounts: DemoAccount[];
const lines: string[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  // The template holds Shanghai already; the demo seeds only an empty directory.
  expect((await seedDemoIfEmpty(env, () => {})).accounts).toEqual([]);
  await env.dbh.query(`DELETE FROM district_pairs`);
  await env.dbh.query(`TRUNCATE orgs CASCADE`);
  accounts = (await seedDemoIfEmpty(env, (l) => lines.push(l))).accounts;
}, 180_000);
afterAll(() => env.close());

const one = async <T>(text: string) => (await env.dbh.query<T>(text)).rows[0];

describe('demo city', () => {
  it('has Shanghai, about 2,000 varied units and about 10% weak suburban villages', async () => {
    const units = await one<{ n: number; types: number; parents: number; names: number }>(
      `select count(*)::int as n, count(distinct unit_type)::int as types,
              count(distinct parent_id)::int as parents, count(distinct name)::int as names
       from orgs where kind = 'urban_unit'`,
    );
    expect(units.n).toBeGreaterThan(1800);
    expect(units.n).toBeLessThan(2300);
    expect(units.types).toBe(9);
    expect(units.parents).toBeGreaterThanOrEqual(17);
    const bad = await one<{ n: number }>(
      `select count(*)::int as n from orgs where kind = 'urban_unit' and (capacity not between 1 and 3
         or yearly_budget not between 20000 and 500000 or contact_phone !~ '^1[3-9][0-9]{9}$'
         or path not like '%/' || id || '/' or cardinality(resource_tags) = 0)`,
    );
    expect(bad.n).toBe(0);
    const weak = await one<{ weak: number; all: number }>(
      `select count(*) filter (where weak_village)::int as weak, count(*)::int as all
       from orgs where kind = 'village'`,
    );
    expect(weak.weak / weak.all).toBeGreaterThan(0.07);
    expect(weak.weak / weak.all).toBeLessThan(0.13);
    expect((await one<{ n: number }>(`select count(*)::int as n from district_pairs`)).n).toBe(9);
    expect(lines.at(-1)).toMatch(/演示数据已创建/);
  });

  it('creates one account per role that signs in with the demo password', async () => {
    expect(accounts.map((a) => a.role).sort()).toEqual(
      [
        'city_admin',
        'district_admin',
        'district_admin',
        'inspector',
        'member',
        'town_admin',
        'town_admin',
        'unit_admin',
        'village_admin',
        'system_admin',
        'security_admin',
        'audit_admin',
      ].sort(),
    );
    for (const a of accounts) {
      expect(a.password).toBe(demoPassword);
      await login(env, a.username, demoPassword);
    }
    const village = accounts.find((a) => a.role === 'village_admin')!;
    const cookie = await login(env, village.username, demoPassword);
    const me = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user.mustChangePassword).toBe(false);
  });

  it('opens one round for intentions, one in balancing and three in force, so every flow can be tried at once', async () => {
    const states = await env.dbh.query<{ state: string }>(
      `select state::text as state from rounds order by 1`,
    );
    expect(states.rows.map((r) => r.state)).toEqual([
      'balancing',
      'in_force',
      'in_force',
      'in_force',
      'intentions_open',
    ]);
  });

  it('does nothing on the next start', async () => {
    const before = await one<{ n: number }>(`select count(*)::int as n from orgs`);
    expect((await seedDemoIfEmpty(env, () => {})).accounts).toEqual([]);
    expect(await one<{ n: number }>(`select count(*)::int as n from orgs`)).toEqual(before);
  });
});

type RecordRow = {
  id: number;
  pairing_id: number;
  type: string;
  side: string;
  date: string;
  content: unknown;
  roster_ids: number[];
  state: string;
  counts_from: string | null;
  entered_day: string;
  confirmed_day: string | null;
  settled_day: string | null;
  objected: boolean;
  term_start: string;
  term_end: string;
};

describe('demo term', () => {
  const today = '2026-03-01';
  const addDays = (day: string, n: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const chinaDay = (column: string) =>
    `to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

  it('has a round in force since mid-2024 with at least 200 pairings signed by both sides', async () => {
    const rounds = await env.dbh.query<{
      pack: string;
      signing: string;
      term_end: string;
      n: number;
    }>(
      `select r.policy_pack as pack, r.signing_deadline::text as signing, r.term_end::text as term_end,
              count(pa.id)::int as n
       from rounds r join pairing_agreements pa on pa.round_id = r.id
       where r.state = 'in_force' group by r.id order by n desc`,
    );
    expect(rounds.rows[0]).toMatchObject({
      pack: 'sh-2010',
      signing: '2024-06-30',
      term_end: '2027-06-30',
    });
    expect(rounds.rows[0].n).toBeGreaterThanOrEqual(200);
    expect(rounds.rows.map((r) => r.pack).sort()).toEqual(['sh-2010', 'sh-2010', 'town-2010']);
    const unsigned = await one<{ n: number }>(
      `select count(*)::int as n from agreements a join rounds r on r.id = a.round_id
       where r.state = 'in_force' and (a.status <> 'signed' or a.urban_signed_at is null
         or a.rural_signed_at is null or a.signed_at::date > r.signing_deadline)`,
    );
    expect(unsigned.n).toBe(0);
    const thin = await one<{ n: number }>(
      `select count(*)::int as n from pairing_agreements pa
       where jsonb_array_length(pa.content->'projects') = 0
          or jsonb_array_length(pa.content->'commitments') = 0
          or jsonb_array_length(pa.content->'yearlyFunds') = 0`,
    );
    expect(thin.n).toBe(0);
  });

  it('keeps a roster with a principal, team, lead and department per pairing, some changed mid-term', async () => {
    const roster = await one<{
      pairings: number;
      complete: number;
      changed: number;
      departments: number;
    }>(
      `select count(*)::int as pairings,
              count(*) filter (where roles @> array['principal','team','lead','member'])::int as complete,
              count(*) filter (where ended > 0)::int as changed,
              (select count(*)::int from pairing_profiles where responsible_department <> '') as departments
       from (select pairing_id, array_agg(distinct role::text) as roles,
                    count(*) filter (where to_date is not null) as ended
             from pairing_roster group by pairing_id) x`,
    );
    expect(roster.complete).toBe(roster.pairings);
    expect(roster.departments).toBe(roster.pairings);
    expect(roster.changed).toBeGreaterThan(10);
  });

  it('stores records that parse with recordInput, dated in the term by yesterday, counting as their state says', async () => {
    const records = await env.dbh.query<RecordRow>(
      `select l.id::int as id, l.pairing_id::int as pairing_id, l.type::text as type,
              l.side::text as side, l.date::text as date, l.content,
              array(select x::int from unnest(l.roster_ids) x) as roster_ids, l.state::text as state,
              l.counts_from::text as counts_from, ${chinaDay('l.entered_at')} as entered_day,
              ${chinaDay('l.confirmed_at')} as confirmed_day, ${chinaDay('l.settled_at')} as settled_day,
              l.objected_at is not null as objected,
              pa.term_start::text as term_start, pa.term_end::text as term_end
       from ledger_records l join pairing_agreements pa on pa.id = l.pairing_id`,
    );
    const roster = await env.dbh.query<{ id: number; pairing_id: number }>(
      `select id::int as id, pairing_id::int as pairing_id from pairing_roster`,
    );
    const rosterOf = new Map(roster.rows.map((r) => [r.id, r.pairing_id]));
    expect(records.rows.length).toBeGreaterThan(5_000);
    for (const r of records.rows) {
      const parsed = recordInput.safeParse(r.content);
      expect(parsed.error?.issues ?? [], `record ${r.id}`).toEqual([]);
      expect(parsed.data).toEqual(r.content);
      const content = parsed.data!;
      expect([content.type, content.date]).toEqual([r.type, r.date]);
      expect(r.date >= r.term_start && r.date <= r.term_end && r.date < today).toBe(true);
      expect(r.entered_day >= r.date && r.entered_day < today).toBe(true);
      for (const id of r.roster_ids) expect(rosterOf.get(id)).toBe(r.pairing_id);
      if ('people' in content) expect(r.roster_ids).toEqual(content.people.rosterIds);
      const expected = {
        pending: addDays(r.entered_day, CONFIRMATION_DAYS),
        confirmed: r.confirmed_day,
        upheld: r.settled_day,
      }[r.state as 'pending' | 'confirmed' | 'upheld'];
      expect(r.counts_from, `record ${r.id} ${r.state}`).toBe(expected ?? null);
      if (r.objected) expect(r.state).toMatch(/disputed|upheld|rejected/);
    }
  });

  it('spreads the records over every state: awaiting confirmation, past 14 days, disputed, settled', async () => {
    const states = await env.dbh.query<{ state: string; counting: boolean; n: number }>(
      `select state::text as state, counts_from <= '${today}' as counting, count(*)::int as n
       from ledger_records group by 1, 2`,
    );
    const n = (state: string, counting: boolean | null) =>
      states.rows.find((r) => r.state === state && r.counting === counting)?.n ?? 0;
    const total = states.rows.reduce((sum, r) => sum + r.n, 0);
    expect(n('confirmed', true) / total).toBeGreaterThan(0.75);
    expect(n('pending', false)).toBeGreaterThan(0); // awaiting the other side, under 14 days
    expect(n('pending', true)).toBeGreaterThan(0); // unconfirmed, counting after 14 days
    expect(n('disputed', null)).toBeGreaterThan(0);
    expect(n('upheld', true)).toBeGreaterThan(0);
    expect(n('rejected', null)).toBeGreaterThan(0);
    expect(n('disputed', null) / total).toBeLessThan(0.05);
    const kinds = await one<{ types: number; funds: number; uses: number; profits: number }>(
      `select (select count(distinct type)::int from ledger_records) as types,
              (select count(distinct content->>'channel')::int from ledger_records where type = 'fund') as funds,
              (select count(*)::int from fund_uses) as uses,
              (select count(*)::int from unit_profits) as profits`,
    );
    expect(kinds).toMatchObject({ types: 6, funds: 3 });
    expect(kinds.uses).toBeGreaterThan(100);
    expect(kinds.profits).toBeGreaterThan(50);
  });

  it('stores compliance as of today for every pairing: most met, some due soon, missed and late', async () => {
    const c = await one<{
      pairings: number;
      stored: number;
      met: number;
      failing: number;
      missed: number;
      due_soon: number;
      late: number;
    }>(
      `select (select count(*)::int from pairing_agreements) as pairings,
              count(*) filter (where at = '${today}')::int as stored,
              sum(met)::int as met, sum(missed + late)::int as failing,
              count(*) filter (where missed > 0)::int as missed,
              count(*) filter (where due_soon > 0)::int as due_soon,
              count(*) filter (where late > 0)::int as late
       from pairing_compliance`,
    );
    expect(c.stored).toBe(c.pairings);
    expect(c.met).toBeGreaterThan(5 * c.failing);
    expect(c.missed).toBeGreaterThan(0);
    expect(c.missed).toBeLessThan(c.pairings / 3);
    expect(c.due_soon).toBeGreaterThan(0);
    expect(c.late).toBeGreaterThan(0);
    const rules = await env.dbh.query<{ rule: string }>(
      `select distinct rule from pairing_rule_status where status = 'met' order by 1`,
    );
    expect(rules.rows.map((r) => r.rule)).toEqual([
      'R-LESSON',
      'R-REPORT-Q',
      'R-VISIT-LEAD',
      'R-VISIT-PRINCIPAL',
      'R-WEAK-FUNDS',
    ]);
  });

  it('stores the photos by their SHA-256 as the evidence module does, one flagged off its date', async () => {
    const files = await env.dbh.query<{ sha256: string; thumb_sha256: string; size: number }>(
      `select sha256, thumb_sha256, size from evidence_files`,
    );
    expect(files.rows.length).toBeGreaterThanOrEqual(8);
    const stored = (sha: string) => readFileSync(blobPath(env.config.evidence!.dir!, sha));
    for (const f of files.rows) {
      for (const sha of [f.sha256, f.thumb_sha256]) {
        expect(createHash('sha256').update(stored(sha)).digest('hex')).toBe(sha);
      }
      expect(stored(f.sha256).length).toBe(f.size);
      expect(stored(f.sha256).subarray(0, 2).toString('hex')).toBe('ffd8'); // JPEG
      expect(stored(f.thumb_sha256).subarray(8, 12).toString()).toBe('WEBP');
    }
    const links = await one<{ records: number; flagged: number; off: number; kinds: string[] }>(
      `select count(distinct re.record_id)::int as records,
              count(*) filter (where re.date_mismatch)::int as flagged,
              count(*) filter (where l.photo_date_mismatch)::int as off,
              array_agg(distinct l.type::text order by l.type::text) as kinds
       from record_evidence re join ledger_records l on l.id = re.record_id`,
    );
    expect(links.records).toBeGreaterThanOrEqual(8);
    expect(links.flagged).toBe(1);
    expect(links.off).toBe(1);
    expect(links.kinds).toEqual(['activity', 'visit']);
  });

  it('pairs the documented unit and village accounts, with records awaiting each side and the town', async () => {
    const pairing = await one<{ id: number; town: string }>(
      `select pa.id::int as id, t.username as town
       from pairing_agreements pa
       join users u on u.org_id = pa.urban_org_id and u.username = 'unit_admin'
       join users v on v.org_id = pa.rural_org_id and v.username = 'village_admin'
       join orgs vo on vo.id = pa.rural_org_id
       join users t on t.org_id = vo.parent_id and t.role = 'town_admin'`,
    );
    expect(pairing.town).toBe('fengjing_admin');
    const open = await env.dbh.query<{ side: string; state: string; photos: number }>(
      `select side::text as side, state::text as state,
              (select count(*)::int from record_evidence re where re.record_id = l.id) as photos
       from ledger_records l
       where pairing_id = ${pairing.id} and state in ('pending', 'disputed') and (counts_from is null or counts_from > '${today}')`,
    );
    const has = (side: string, state: string) =>
      open.rows.some((r) => r.side === side && r.state === state);
    expect(has('urban', 'pending')).toBe(true);
    expect(has('rural', 'pending')).toBe(true);
    expect(has('urban', 'disputed')).toBe(true);
    expect(open.rows.some((r) => r.photos === 2)).toBe(true);
    // R-TAX-CAP: the unit's donations through eligible channels pass 12% of a year's profit.
    const capped = await one<{ years: number }>(
      `select count(*)::int as years from unit_profits p
       join pairing_agreements pa on pa.urban_org_id = p.org_id and pa.id = ${pairing.id}
       where 0.12 * p.profit < (select sum(l.amount) from ledger_records l
         where l.pairing_id = pa.id and l.type = 'fund' and extract(year from l.date) = p.year
           and l.content->>'channel' in ('charity', 'government'))`,
    );
    expect(capped.years).toBeGreaterThan(0);
  });

  it('shows the showcase pairing through the API to its unit, village and town', async () => {
    const get = async (username: string, url: string) => {
      const res = await env.app.inject({
        method: 'GET',
        url,
        headers: { cookie: await login(env, username, demoPassword) },
      });
      expect(res.statusCode, `${username} ${url}`).toBe(200);
      return res.json();
    };
    const mine = await get('unit_admin', '/api/pairings');
    expect(mine.total).toBeGreaterThanOrEqual(1);
    const pairing = mine.items[0];
    expect(pairing.compliance.at).toBe(today);
    const page = await get('village_admin', `/api/pairings/${pairing.id}/records?pageSize=100`);
    expect(page.total).toBeGreaterThan(20);
    const stored = await get('village_admin', `/api/pairings/${pairing.id}`);
    const live = await get('village_admin', `/api/pairings/${pairing.id}/compliance`);
    expect(stored.status).toEqual(live);
    const awaiting = await get('village_admin', '/api/records/awaiting');
    expect(awaiting.items.some((r: { evidence: unknown[] }) => r.evidence.length === 2)).toBe(true);
    const toSettle = await get('fengjing_admin', '/api/records/awaiting');
    expect(toSettle.items.map((r: { state: string }) => r.state)).toContain('disputed');
  });

  it('registers cadres of the demo units and a secretary, poor members and residents per demo village', async () => {
    const get = async (username: string, url: string) => {
      const res = await env.app.inject({
        method: 'GET',
        url,
        headers: { cookie: await login(env, username, demoPassword) },
      });
      expect(res.statusCode, `${username} ${url}`).toBe(200);
      return res.json();
    };
    const village = await get('village_admin', '/api/people?pageSize=100');
    const tags = village.items.flatMap((p: { tags: string[] }) => p.tags);
    for (const tag of ['villageSecretary', 'poorMember', 'poorResident', 'retired', 'unemployed'])
      expect(tags).toContain(tag);
    expect(village.items[0].idNumberMasked).toMatch(/^000000\*{8}\d{3}[\dX]$/);
    const unit = await get('unit_admin', '/api/people?tag=inServiceCadre');
    expect(unit.total).toBe(3);
    expect(unit.items.some((p: { userName: string | null }) => p.userName !== null)).toBe(true);
    // The first 120 demo villages have their secretary, from this seed or the secretaries' (which
    // also keeps predecessors, so a village may have more than one).
    const seated = await one<{ villages: number; seated: number }>(
      `select count(distinct u.org_id)::int as villages,
         (select count(distinct org_id)::int from persons where 'villageSecretary' = any(tags))
           as seated
       from users u where u.role = 'village_admin'`,
    );
    expect(seated.seated).toBeGreaterThanOrEqual(Math.min(seated.villages, 120));
  });

  it('took well under a minute', () => {
    const seconds = Number(/用时 ([\d.]+) 秒/.exec(lines.at(-1)!)![1]);
    console.log(`demo seed: ${seconds} s`);
    expect(seconds).toBeLessThan(60);
  });
});
