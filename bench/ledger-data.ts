// The data of `npm run bench:ledger`, generated inside PostgreSQL (insert … select over
// generate_series, so 3,000,000 records take a minute, not an hour of round trips): one city with
// 10 rural districts, 100 towns and their villages; 10 working committees and 5 central districts
// with the units under them; three rounds (the three packs); signed pairings with a roster of five
// (some with a mid-term change of the leader in charge) and records of every type and state dated
// from the term's start to `today`.
import type { DbHandle } from '../apps/server/src/db/client.ts';

export type LedgerBenchShape = {
  pairings: number;
  recordsPerPairing: number;
  /** The day the data is generated up to (records are dated on or before it). */
  today: string;
};

const districts = 10;
const towns = 100;
/** Working committees (ids 20–29) and central districts (30–34) that hold the units. */
const unitParents = 15;

// Fixed id ranges, so the ids of the generated rows follow from their index.
const cityId = 1;
const districtBase = 2;
const townBase = 100;
const committeeBase = 20;
const centralBase = 30;
const villageBase = 1_000_000;
const unitBase = 2_000_000;

export const rosterPerPairing = 6;

export async function generateLedgerData(dbh: DbHandle, shape: LedgerBenchShape) {
  const q = (text: string, params: unknown[] = []) => dbh.query(text, params);
  const { pairings, recordsPerPairing, today } = shape;
  const villages = Math.ceil(pairings * 0.6);
  const units = Math.ceil(pairings / 3);
  await q(`set max_parallel_workers_per_gather = 0`);
  await q(`select setseed(0.2024)`);

  await q(`insert into orgs (id, kind, code, name, parent_id, path, depth, province_code)
    overriding system value values (${cityId}, 'city', '3101', '上海市', null, '/${cityId}/', 1, '31')`);
  await q(
    `insert into orgs (id, kind, name, parent_id, path, depth, province_code, district_class)
    overriding system value
    select ${districtBase} + g, 'district'::org_kind, '郊区' || (g + 1), ${cityId}, '/${cityId}/' || (${districtBase} + g) || '/', 2, '31',
      'outer_suburban'::district_class from generate_series(0, ${districts - 1}) g
    union all
    select ${committeeBase} + g, 'working_committee', '工委' || (g + 1), ${cityId},
      '/${cityId}/' || (${committeeBase} + g) || '/', 2, '31', null from generate_series(0, 9) g
    union all
    select ${centralBase} + g, 'district', '中心城区' || (g + 1), ${cityId},
      '/${cityId}/' || (${centralBase} + g) || '/', 2, '31', 'central' from generate_series(0, 4) g`,
  );
  await q(`insert into orgs (id, kind, name, parent_id, path, depth, province_code)
    overriding system value
    select ${townBase} + g, 'town', '镇' || (g + 1), ${districtBase} + g % ${districts},
      '/${cityId}/' || (${districtBase} + g % ${districts}) || '/' || (${townBase} + g) || '/', 3, '31'
    from generate_series(0, ${towns - 1}) g`);
  await q(
    `insert into orgs (id, kind, name, parent_id, path, depth, province_code, weak_village)
    overriding system value
    select ${villageBase} + g, 'village', '村' || g, ${townBase} + g % ${towns},
      '/${cityId}/' || (${districtBase} + (g % ${towns}) % ${districts}) || '/' || (${townBase} + g % ${towns})
        || '/' || (${villageBase} + g) || '/', 4, '31', random() < 0.3
    from generate_series(0, $1::int - 1) g`,
    [villages],
  );
  // Units: the first ten parents are working committees, the other five central districts.
  await q(
    `insert into orgs (id, kind, name, parent_id, path, depth, province_code, unit_type, capacity)
    overriding system value
    select ${unitBase} + g, 'urban_unit', '单位' || g, p.id, '/${cityId}/' || p.id || '/' || (${unitBase} + g) || '/',
      3, '31', (array['机关', '企业', '事业单位'])[1 + g % 3], 3
    from generate_series(0, $1::int - 1) g
    cross join lateral (select case when g % ${unitParents} < 10 then ${committeeBase} + g % ${unitParents}
      else ${centralBase} + g % ${unitParents} - 10 end as id) p`,
    [units],
  );
  await q(`select setval(pg_get_serial_sequence('orgs', 'id'), (select max(id) from orgs))`);

  await q(`insert into users (id, username, display_name, password_hash, org_id, role, must_change_password)
    overriding system value values
    (1, 'bench.urban', '单位管理员', 'x', ${unitBase}, 'unit_admin', false),
    (2, 'bench.rural', '村管理员', 'x', ${villageBase}, 'village_admin', false)`);
  await q(`select setval(pg_get_serial_sequence('users', 'id'), 2)`);

  await q(`insert into rounds (id, org_id, scope_path, name, period_start, period_end, policy_pack,
      intention_deadline, signing_deadline, term_end, village_cap, state)
    overriding system value
    select n, ${cityId}, '/${cityId}/', '第' || n || '轮结对', '2024-04-01', '2027-12-31', pack,
      '2024-04-30', '2024-07-01', '2027-12-31', 2, 'in_force'
    from (values (1, 'sh-2010'), (2, 'ah-2011'), (3, 'town-2010')) r(n, pack)`);

  // Pairing i: its village and unit follow from i; 60% sh-2010, 20% ah-2011, 20% town-2010;
  // terms of three years starting between mid-2024 and the end of 2025.
  await q(
    `create temporary table bench_pairs as
    select i, ${villageBase} + (i - 1) % $2::int as rural, ${unitBase} + ((i - 1) * 7919) % $3::int as urban,
      case when i % 10 < 6 then 1 when i % 10 < 8 then 2 else 3 end as round,
      (date '2024-07-01' + (i * 37) % 540) as term_start
    from generate_series(1, $1::int) i`,
    [pairings, villages, units],
  );
  await q(`insert into intentions (id, round_id, urban_org_id, rural_org_id, state, source,
      province_code, submitted_at, decided_at)
    overriding system value
    select i, round, urban, rural, 'accepted', 'selection', '31', term_start - 30, term_start - 20
    from bench_pairs`);
  await q(`insert into agreements (id, round_id, intention_id, pack_id, urban_org_id, rural_org_id,
      province_code, term_start, term_end, status, pen, version, content, urban_signed_at,
      rural_signed_at, signed_at)
    overriding system value
    select i, round, i, (array['sh-2010', 'ah-2011', 'town-2010'])[round], urban, rural, '31',
      term_start, (term_start + interval '3 years' - interval '1 day')::date, 'signed', 'urban', 3,
      ${agreementContent}, term_start - 1, term_start - 1, term_start - 1
    from bench_pairs`);
  await q(`select setval(pg_get_serial_sequence('intentions', 'id'), $1::int)`, [pairings]);
  await q(`select setval(pg_get_serial_sequence('agreements', 'id'), $1::int)`, [pairings]);

  // Roster entry (i - 1) * 6 + k: principal, two team members, the leader in charge, a member;
  // one pairing in ten changed its leader in charge after 400 days (entry 6 follows entry 4).
  await q(
    `insert into pairing_roster (id, pairing_id, name, post, role, from_date, to_date, created_by)
    overriding system value
    select (i - 1) * ${rosterPerPairing} + k, i, '成员' || i || '-' || k,
      (array['党委书记', '党委委员', '副主任', '分管副主任', '办公室主任', '分管副主任'])[k],
      (array['principal', 'team', 'team', 'lead', 'member', 'lead'])[k]::roster_role,
      case when k = 6 then term_start + 400 else term_start end,
      case when k = 4 and i % 10 = 0 then term_start + 399 end, 1
    from bench_pairs, generate_series(1, ${rosterPerPairing}) k
    where k < 6 or i % 10 = 0`,
  );
  await q(`select setval(pg_get_serial_sequence('pairing_roster', 'id'), $1::int)`, [
    pairings * rosterPerPairing,
  ]);

  // The records go in without their secondary indexes, which are then built once.
  const { rows: indexes } = await dbh.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
    where tablename = 'ledger_records' and indexname <> 'ledger_records_pkey'`,
  );
  for (const { name } of indexes) await q(`drop index ${name}`);
  await q(`set synchronous_commit = off`);
  await q(`set maintenance_work_mem = '256MB'`);
  await q(
    `insert into ledger_records (id, pairing_id, province_code, type, side, date, content,
      roster_ids, department, category, amount, period, state, counts_from, entered_at, entered_by,
      confirmed_at, objected_at, objection_reason, settled_at)
    overriding system value
    select id, i, '31', type::record_type, side::ledger_side, day,
      case type
        when 'visit' then jsonb_build_object('type', type, 'date', day, 'place', '村委会',
          'narrative', ${narrative}, 'people', jsonb_build_object('rosterIds', to_jsonb(roster),
          'others', '[]'::jsonb), 'department', department)
        when 'activity' then jsonb_build_object('type', type, 'date', day, 'place', '村活动室',
          'narrative', ${narrative}, 'people', jsonb_build_object('rosterIds', '[]'::jsonb,
          'others', '[]'::jsonb), 'category', category)
        when 'fund' then jsonb_build_object('type', type, 'date', day, 'form', 'cash',
          'amount', amount, 'source', 'unit', 'purpose', '村道修缮', 'projectIndex', 0,
          'channel', 'direct', 'receiptNo', 'SJ' || id)
        when 'progress' then jsonb_build_object('type', type, 'date', day, 'narrative', ${narrative},
          'projectIndex', 0, 'milestone', '主体完工', 'percent', 60, 'indicatorValue', null)
        when 'acceptance' then jsonb_build_object('type', type, 'date', day,
          'narrative', ${narrative}, 'projectIndex', 0, 'indicatorValue', 120, 'passed', true)
        else jsonb_build_object('type', type, 'date', day, 'quarter', period,
          'body', '本季度结对工作情况：' || ${narrative})
      end,
      case when type = 'visit' then roster else '{}' end, department,
      case when type = 'activity' then category end, case when type = 'fund' then amount end,
      case when type = 'report' then period end, state::record_state,
      case state
        when 'confirmed' then least(entered + 1 + (r3 * 10)::int, entered + 14)
        when 'pending' then entered + 14
        when 'upheld' then entered + 20
      end,
      entered::timestamp at time zone 'Asia/Shanghai' + interval '10 hours', 1 + (side = 'rural')::int,
      case when state = 'confirmed' then (entered + 1)::timestamptz end,
      case when state in ('disputed', 'upheld', 'rejected') then (entered + 3)::timestamptz end,
      case when state in ('disputed', 'upheld', 'rejected') then '人员与实际不符' end,
      case when state in ('upheld', 'rejected') then (entered + 20)::timestamptz end
    from (
      select id, i, type, side, day, entered, r3, department, category, amount, period, roster,
        case
          when entered + 14 > $2::date then (case when r2 < 0.85 then 'pending' else 'confirmed' end)
          when r2 < 0.80 then 'confirmed' when r2 < 0.88 then 'pending' when r2 < 0.92 then 'disputed'
          when r2 < 0.95 then 'upheld' when r2 < 0.97 then 'rejected' else 'withdrawn'
        end as state
      from (
        select id, i, day, least(day + (r3 * 3)::int, $2::date) as entered, r2, r3,
          case when r1 < 0.30 then 'visit' when r1 < 0.65 then 'activity' when r1 < 0.77 then 'fund'
            when r1 < 0.87 then 'progress' when r1 < 0.90 then 'acceptance' else 'report' end as type,
          case when r4 < 0.65 then 'urban' else 'rural' end as side,
          r4 < 0.5 as department,
          (array['joint_meeting', 'work_plan', 'party_lesson', 'culture_sports', 'volunteer_service',
            'resident_visit', 'symposium', 'training', 'other'])[1 + (r5 * 9)::int % 9] as category,
          2000 + (r5 * 28000)::int as amount,
          extract(year from day - 20)::int || 'Q' || extract(quarter from day - 20)::int as period,
          array(select (i - 1) * ${rosterPerPairing} + k from generate_series(1, 5) k
            where (k + (r5 * 5)::int) % 5 < 1 + (r3 * 3)::int)::bigint[] as roster
        from (
          select (p.i - 1) * $1::int + j as id, p.i,
            p.term_start + (random() * greatest($2::date - p.term_start, 0))::int as day,
            random() as r1, random() as r2, random() as r3, random() as r4, random() as r5
          from bench_pairs p, generate_series(1, $1::int) j
        ) raw
      ) typed
    ) staged`,
    [recordsPerPairing, today],
  );
  await q(`select setval(pg_get_serial_sequence('ledger_records', 'id'), $1::int)`, [
    pairings * recordsPerPairing,
  ]);
  for (const { definition } of indexes) await q(definition);
  await q(`drop table bench_pairs`);
  // What autovacuum would have done by the time a ledger has grown this large.
  for (const table of ['orgs', 'agreements', 'intentions', 'pairing_roster', 'ledger_records'])
    await q(`vacuum analyze ${table}`);
}

const narrative = `'村党总支与结对单位党委围绕村集体经济发展、人居环境整治开展交流，商定下一阶段帮扶项目和责任分工。'`;

const agreementContent = `'{"commitments":[{"side":"urban","text":"每年走访不少于2次"}],"projects":[{"title":"村级活动室改造","target":"改造活动室","budget":60000,"year":2025,"indicator":null}],"yearlyFunds":[{"year":2025,"amount":20000}],"visitPlan":[{"year":2025,"leadVisits":2,"note":""}],"contacts":{"urban":{"name":"王建国","title":"办公室主任","phone":"13800005678"},"rural":{"name":"李秀英","title":"村书记","phone":"13912341234"}}}'::jsonb`;

/** The working committee or central district holding the unit of pairing `i` (1-based). */
function unitParentOf(i: number, pairings: number) {
  const unit = ((i - 1) * 7919) % Math.ceil(pairings / 3);
  const k = unit % unitParents;
  return k < 10 ? committeeBase + k : centralBase + k - 10;
}

export const benchIds = { cityId, districtBase, districts, townBase, towns, unitParentOf };
