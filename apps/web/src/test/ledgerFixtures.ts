import {
  pairingActions,
  recordActions,
  type PairingSummary,
  type PairingView,
  type RecordView,
  type RollupRow,
} from '@pairing/shared';

const all = <A extends string>(actions: readonly A[], value: boolean) =>
  Object.fromEntries(actions.map((a) => [a, value])) as Record<A, boolean>;

/** A pairing as `GET /api/pairings` lists it: the unit's, with a missed duty and an open record. */
export function pairingSummary(overrides: Partial<PairingSummary> = {}): PairingSummary {
  return {
    id: 41,
    roundId: 7,
    roundName: '2024 年度城乡结对',
    packId: 'sh-2010',
    termStart: '2024-07-01',
    termEnd: '2027-06-30',
    urbanOrg: { id: 500, name: '市国资委机关' },
    ruralOrg: { id: 300, name: '和平村', weakVillage: true },
    town: { id: 200, name: '朱泾镇' },
    district: { id: 100, name: '金山区' },
    mySide: 'urban',
    compliance: {
      at: '2026-05-01',
      summary: { met: 3, due: 1, due_soon: 0, missed: 1, late: 0 },
    },
    openRecords: 2,
    abilities: all(pairingActions, true),
    ...overrides,
  };
}

/** 结对档案 of that pairing: a roster of three, one project, and the engine's status. */
export function pairingView(overrides: Partial<PairingView> = {}): PairingView {
  return {
    ...pairingSummary(),
    agreementId: 41,
    responsibleDepartment: '办公室',
    roster: [
      { id: 1, name: '王建国', post: '党委书记', role: 'principal', from: '2024-07-01', to: null },
      { id: 2, name: '李红', post: '副主任', role: 'lead', from: '2024-07-01', to: null },
      { id: 3, name: '赵强', post: '委员', role: 'team', from: '2024-07-01', to: '2025-03-31' },
    ],
    projects: [
      {
        index: 0,
        title: '村道硬化',
        target: '硬化村道 2 公里',
        budget: 200000,
        year: 2025,
        indicator: { description: '硬化道路', quantity: 2, unit: '公里' },
      },
    ],
    commitments: [{ side: 'urban', text: '每年走访不少于两次' }],
    status: {
      pack: 'sh-2010',
      at: '2026-05-01',
      rules: [
        {
          rule: 'R-VISIT-LEAD',
          periods: [
            {
              from: '2025-01-01',
              to: '2025-12-31',
              required: 2,
              actual: 2,
              status: 'met',
              evidence: ['r11', 'r12'],
            },
            {
              from: '2026-01-01',
              to: '2026-12-31',
              required: 2,
              actual: 0,
              status: 'due',
              evidence: [],
            },
          ],
        },
        {
          rule: 'R-VISIT-PRINCIPAL',
          periods: [
            {
              person: 'p1',
              from: '2024-07-01',
              to: '2027-06-30',
              required: 1,
              actual: 0,
              status: 'due',
              evidence: [],
            },
          ],
        },
        {
          rule: 'R-WEAK-FUNDS',
          periods: [
            {
              from: '2025-01-01',
              to: '2025-12-31',
              required: 20000,
              actual: 5000,
              status: 'missed',
              evidence: ['r13'],
            },
          ],
        },
      ],
      summary: { met: 1, due: 2, due_soon: 0, missed: 1, late: 0 },
    },
    ...overrides,
  };
}

/** A visit the village recorded, awaiting the unit's confirmation (which the caller may give). */
export function recordView(overrides: Partial<RecordView> = {}): RecordView {
  return {
    id: 11,
    pairingId: 41,
    side: 'rural',
    content: {
      type: 'visit',
      date: '2026-04-20',
      place: '村委会',
      narrative: '走访了三户困难群众',
      people: { rosterIds: [2], others: ['张三'] },
      department: true,
    },
    participants: [
      { rosterId: 2, name: '李红', role: 'lead' },
      { rosterId: null, name: '张三', role: null },
    ],
    state: 'pending',
    countsFrom: '2026-05-04',
    counts: false,
    enteredAt: '2026-04-20T02:00:00.000Z',
    enteredBy: '村管理员',
    confirmedAt: null,
    objection: null,
    settlement: null,
    evidence: [
      {
        id: 900,
        mime: 'image/jpeg',
        size: 120000,
        width: 1600,
        height: 1200,
        takenAt: '2026-04-20T01:30:00.000Z',
        dateMismatch: false,
      },
    ],
    photoDateMismatch: false,
    abilities: { ...all(recordActions, false), confirm: true, object: true },
    ...overrides,
  };
}

export function rollupRow(overrides: Partial<RollupRow> = {}): RollupRow {
  return {
    group: { id: 100, name: '金山区' },
    rule: 'R-VISIT-LEAD',
    pairs: { met: 20, due: 5, due_soon: 3, missed: 2, late: 0 },
    periods: { met: 40, due: 5, due_soon: 3, missed: 2, late: 0 },
    pairings: 30,
    ...overrides,
  };
}
