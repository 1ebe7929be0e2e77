// For random ledgers recorded through the API — visits with roster people and the department,
// activities, funds and reports; some confirmed, some objected and settled either way, some
// withdrawn, days passing so that some count after 14 days — `GET …/compliance?at=` equals
// `evaluate()` of `GET …/ledger?at=`, and the ledger holds exactly the records a model of the
// counting rules (written here, apart from the server's) says count on that day.
import { evaluate, PACK_IDS } from '@pairing/policy';
import { recordCategories, type RecordCategory } from '@pairing/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { storedStatus } from './compliance/read.ts';
import { ledgerCall, moveClock, rosterOf, signedPairing } from './test-support.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'lprop');
});
afterAll(() => env.close());

const TERM_START = '2025-07-01';
const TERM_END = '2028-06-30';
const FIRST_DAY = '2026-03-01';

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const quarterOf = (day: string) =>
  `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

const roles = ['principal', 'team', 'lead', 'member'] as const;
type Side = 'urban' | 'rural';

const fate = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('confirm' as const), after: fc.nat(20) }),
  fc.record({ kind: fc.constant('withdraw' as const), after: fc.nat(20) }),
  fc.record({
    kind: fc.constant('object' as const),
    after: fc.nat(20),
    settle: fc.option(
      fc.record({
        after: fc.nat(10),
        decision: fc.constantFrom('count' as const, 'reject' as const),
      }),
      { nil: undefined },
    ),
  }),
);

const recordPlan = fc.record({
  entry: fc.nat(90),
  back: fc.nat(40),
  side: fc.constantFrom<Side>('urban', 'rural'),
  kind: fc.constantFrom('visit', 'activity', 'fund', 'report'),
  people: fc.uniqueArray(fc.nat(3), { maxLength: 4 }),
  department: fc.boolean(),
  category: fc.constantFrom<RecordCategory>(...recordCategories),
  amount: fc.integer({ min: 1, max: 200_000 }),
  fate,
});

const plan = fc.record({
  pack: fc.constantFrom(...PACK_IDS),
  roster: fc.array(fc.record({ role: fc.constantFrom(...roles), from: fc.nat(400) }), {
    minLength: 1,
    maxLength: 4,
  }),
  records: fc.array(recordPlan, { minLength: 1, maxLength: 12 }),
  ats: fc.array(fc.integer({ min: -300, max: 200 }), { minLength: 3, maxLength: 5 }),
});

type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;
type RecordPlan = Plan['records'][number];

/** The model's record: its state and counting day under the rules of issue 12 item 4. */
type Modeled = {
  id: number;
  plan: RecordPlan;
  date: string;
  rosterIds: number[];
  state: 'pending' | 'confirmed' | 'disputed' | 'upheld' | 'rejected' | 'withdrawn';
  countsFrom: string | null;
};

/** A call on a day; it answers whether it changed anything (and so stored a status). */
type Step = { day: string; order: number; run: () => Promise<boolean> };

function bodyOf(r: RecordPlan, date: string, rosterIds: number[]) {
  switch (r.kind) {
    case 'visit':
      return {
        type: 'visit',
        date,
        place: '村委会',
        narrative: '',
        people: { rosterIds, others: ['村民代表'] },
        department: r.department,
      };
    case 'activity':
      return {
        type: 'activity',
        date,
        place: '',
        narrative: '',
        people: { rosterIds, others: [] },
        category: r.category,
        ...(r.category === 'other' ? { categoryLabel: '植树' } : {}),
      };
    case 'fund':
      return {
        type: 'fund',
        date,
        form: 'cash',
        amount: r.amount,
        source: 'unit',
        purpose: '帮扶资金',
        projectIndex: null,
        channel: 'direct',
        receiptNo: '',
      };
    default:
      return { type: 'report', date, quarter: quarterOf(date), body: '季度报告' };
  }
}

/** The engine ledger the model expects on `at`. */
function expectedLedger(
  p: Plan,
  roster: Array<{ id: number; role: (typeof roles)[number]; from: string }>,
  records: Modeled[],
  at: string,
) {
  const inOffice = roster.filter((e) => e.from <= at);
  const present = new Set(inOffice.map((e) => e.id));
  const events = records
    .filter((r) => r.countsFrom !== null && r.countsFrom <= at)
    .filter((r) => !(r.plan.kind === 'activity' && r.plan.category === 'other'))
    .sort((x, y) => (x.date === y.date ? x.id - y.id : x.date < y.date ? -1 : 1))
    .map((r) => {
      const id = `r${r.id}`;
      switch (r.plan.kind) {
        case 'visit':
          return {
            id,
            type: 'visit',
            date: r.date,
            people: r.rosterIds.filter((x) => present.has(x)).map((x) => `p${x}`),
            department: r.plan.department,
          };
        case 'activity':
          return { id, type: 'activity', date: r.date, category: r.plan.category };
        case 'fund':
          return { id, type: 'fund', date: r.date, amount: r.plan.amount };
        default:
          return { id, type: 'report', date: r.date, period: quarterOf(r.date) };
      }
    });
  return {
    pack: p.pack,
    pairing: {
      termStart: TERM_START,
      termEnd: TERM_END,
      weakVillage: true,
      people: inOffice.map((e) => ({ id: `p${e.id}`, role: e.role })),
    },
    events,
  };
}

async function runPlan(p: Plan) {
  await moveClock(env, `${FIRST_DAY}T10:00:00+08:00`);
  const pairing = await signedPairing(env, s, { packId: p.pack, weak: true });
  const rosterSpecs = p.roster.map((e, i) => ({
    name: `成员${i}`,
    post: '干部',
    role: e.role,
    from: addDays(TERM_START, e.from),
  }));
  const ids = await rosterOf(env, pairing.id, rosterSpecs);
  const roster = ids.map((id, i) => ({ id, role: rosterSpecs[i].role, from: rosterSpecs[i].from }));
  const cookie = {
    urban: s.a.users.unit_admin.cookie,
    rural: s.a.users.village_admin.cookie,
    town: s.a.users.town_admin.cookie,
  };
  const other = (side: Side): Side => (side === 'urban' ? 'rural' : 'urban');
  const modeled: Modeled[] = [];
  const steps: Step[] = [];

  p.records.forEach((r, index) => {
    const entryDay = addDays(FIRST_DAY, r.entry);
    const back = addDays(entryDay, -r.back);
    const date = back < TERM_START ? TERM_START : back;
    const rosterIds =
      r.kind === 'visit' || r.kind === 'activity'
        ? r.people.filter((i) => i < roster.length).map((i) => roster[i].id)
        : [];
    let record: Modeled | null = null;
    steps.push({
      day: entryDay,
      order: index,
      run: async () => {
        const duplicate =
          r.kind === 'report' &&
          modeled.some(
            (m) =>
              m.plan.kind === 'report' &&
              m.plan.side === r.side &&
              quarterOf(m.date) === quarterOf(date) &&
              m.state !== 'withdrawn' &&
              m.state !== 'rejected',
          );
        const res = await ledgerCall(
          env,
          cookie[r.side],
          'POST',
          `/pairings/${pairing.id}/records`,
          bodyOf(r, date, rosterIds),
        );
        if (duplicate) {
          expect(res.statusCode, res.body).toBe(409);
          return false;
        }
        expect(res.statusCode, res.body).toBe(201);
        record = {
          id: res.json().id,
          plan: r,
          date,
          rosterIds,
          state: 'pending',
          countsFrom: addDays(entryDay, 14),
        };
        expect(res.json().countsFrom).toBe(record.countsFrom);
        modeled.push(record);
        return true;
      },
    });
    const f = r.fate;
    if (f.kind === 'none') return;
    const followDay = addDays(entryDay, f.after);
    const follow = (
      day: string,
      order: number,
      verb: string,
      who: string,
      body: unknown,
      apply: (m: Modeled) => boolean,
    ) =>
      steps.push({
        day,
        order,
        run: async () => {
          if (!record) return false;
          const m = record;
          const allowed = apply(m);
          const res = await ledgerCall(env, who, 'POST', `/records/${m.id}/${verb}`, body);
          expect(res.statusCode, `${verb} on ${day}: ${res.body}`).toBe(allowed ? 200 : 409);
          if (allowed)
            expect(res.json()).toMatchObject({ state: m.state, countsFrom: m.countsFrom });
          return allowed;
        },
      });
    const notCounting = (m: Modeled, day: string) =>
      m.state === 'pending' && !(m.countsFrom !== null && m.countsFrom <= day);
    if (f.kind === 'confirm') {
      follow(followDay, 1000 + index, 'confirm', cookie[other(r.side)], undefined, (m) => {
        if (m.state !== 'pending') return false;
        m.state = 'confirmed';
        m.countsFrom = m.countsFrom! < followDay ? m.countsFrom : followDay;
        return true;
      });
    } else if (f.kind === 'withdraw') {
      follow(followDay, 1000 + index, 'withdraw', cookie[r.side], undefined, (m) => {
        if (!notCounting(m, followDay)) return false;
        m.state = 'withdrawn';
        m.countsFrom = null;
        return true;
      });
    } else {
      follow(
        followDay,
        1000 + index,
        'object',
        cookie[other(r.side)],
        { reason: '有异议' },
        (m) => {
          if (!notCounting(m, followDay)) return false;
          m.state = 'disputed';
          m.countsFrom = null;
          return true;
        },
      );
      if (f.settle) {
        const day = addDays(followDay, f.settle.after);
        const decision = f.settle.decision;
        follow(day, 2000 + index, 'settle', cookie.town, { decision, note: '' }, (m) => {
          if (m.state !== 'disputed') return false;
          m.state = decision === 'count' ? 'upheld' : 'rejected';
          m.countsFrom = decision === 'count' ? day : null;
          return true;
        });
      }
    }
  });

  steps.sort((x, y) => (x.day === y.day ? x.order - y.order : x.day < y.day ? -1 : 1));
  let lastWrite = FIRST_DAY;
  for (const step of steps) {
    await moveClock(env, `${step.day}T10:00:00+08:00`);
    if (await step.run()) lastWrite = step.day;
  }

  for (const offset of p.ats) {
    const at = addDays(FIRST_DAY, offset);
    const ledger = await ledgerCall(
      env,
      cookie.urban,
      'GET',
      `/pairings/${pairing.id}/ledger?at=${at}`,
    );
    const compliance = await ledgerCall(
      env,
      cookie.rural,
      'GET',
      `/pairings/${pairing.id}/compliance?at=${at}`,
    );
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(compliance.statusCode, compliance.body).toBe(200);
    expect(ledger.json()).toEqual(expectedLedger(p, roster, modeled, at));
    expect(compliance.json()).toEqual(evaluate(ledger.json(), at));
  }
  // The stored status is the engine's as of the day of the last change (a refused one stores
  // nothing), on the ledger of that day.
  const stored = (await storedStatus(env.dbh.db, pairing.id))!;
  expect(stored.at).toBe(lastWrite);
  const ledger = await ledgerCall(
    env,
    cookie.urban,
    'GET',
    `/pairings/${pairing.id}/ledger?at=${stored.at}`,
  );
  expect(stored).toEqual(evaluate(ledger.json(), stored.at));
}

describe('the ledger and the engine agree (property)', () => {
  it('compliance?at equals evaluate(ledger?at), and the ledger holds what counts', async () => {
    await fc.assert(fc.asyncProperty(plan, runPlan), {
      numRuns: Number(process.env.LEDGER_PROPERTY_RUNS ?? 15),
      endOnFailure: true,
    });
  }, 600_000);
});
