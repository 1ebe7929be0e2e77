// Test fixtures for the ledger: a pairing in force (an agreement signed by both sides, with a
// term that started before the test clock's day) and a leadership roster for it.
import type { RosterRole } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import type { TestEnv } from '../../../test/harness.ts';
import type { Scenario, ScenarioSide } from '../../../test/scenario.ts';
import { agreements } from '../agreements/schema.ts';
import { checkableProject, openPair } from '../agreements/test-support.ts';
import { sessions } from '../auth/schema.ts';
import { forgetSessions } from '../auth/service.ts';
import { orgs } from '../orgs/schema.ts';
import { pairingRoster } from './schema.ts';

export type SignedOptions = {
  /** Side `a` (default: 上海市农业农村委员会 ↔ 民主村) or `b` of the scenario. */
  side?: 'a' | 'b';
  packId?: string;
  termStart?: string;
  termEnd?: string;
  /** Sets the village's weak mark (for every pairing of that village in this env). */
  weak?: boolean;
};

export type SignedPairing = { id: number; side: ScenarioSide };

/**
 * A pairing in force: a fresh round and agreement between the side's unit and village, signed by
 * both, with two projects (index 0 checkable). The default term, 2025-07-01 … 2028-06-30, started
 * before the ManualClock's first day (2026-03-01).
 */
export async function signedPairing(
  env: TestEnv,
  scenario: Scenario,
  options: SignedOptions = {},
): Promise<SignedPairing> {
  const side = scenario[options.side ?? 'a'];
  const { agreementId } = await openPair(env, {
    city: scenario.shanghai,
    urban: side.unit,
    rural: side.village,
    packId: options.packId ?? 'sh-2010',
  });
  const db = env.dbh.db;
  const [draft] = await db.select().from(agreements).where(eq(agreements.id, agreementId));
  const signedAt = new Date('2025-06-20T10:00:00+08:00');
  await db
    .update(agreements)
    .set({
      status: 'signed',
      packId: options.packId ?? 'sh-2010',
      termStart: options.termStart ?? '2025-07-01',
      termEnd: options.termEnd ?? '2028-06-30',
      content: {
        ...draft.content,
        projects: [
          checkableProject(2025),
          { ...checkableProject(2026), title: '道路硬化', indicator: null },
        ],
      },
      urbanSignedAt: signedAt,
      ruralSignedAt: signedAt,
      signedAt,
    })
    .where(eq(agreements.id, agreementId));
  if (options.weak !== undefined) {
    await db.update(orgs).set({ weakVillage: options.weak }).where(eq(orgs.id, side.village.id));
  }
  return { id: agreementId, side };
}

export type RosterSpec = { name: string; post: string; role: RosterRole; from?: string };

const defaultRoster: RosterSpec[] = [
  { name: '王建国', post: '主任', role: 'principal' },
  { name: '李明', post: '副主任', role: 'team' },
  { name: '张华', post: '分管副主任', role: 'lead' },
  { name: '赵强', post: '科员', role: 'member' },
];

/**
 * A roster for the pairing written directly (no stored compliance refresh): by default a
 * principal, a team member, the lead and a member, all in office from 2025-07-01. Answers the
 * entries' ids in the given order.
 */
export async function rosterOf(
  env: TestEnv,
  pairingId: number,
  entries: RosterSpec[] = defaultRoster,
): Promise<number[]> {
  const rows = await env.dbh.db
    .insert(pairingRoster)
    .values(
      entries.map((e) => ({
        pairingId,
        name: e.name,
        post: e.post,
        role: e.role,
        fromDate: e.from ?? '2025-07-01',
      })),
    )
    .returning({ id: pairingRoster.id });
  return rows.map((r) => r.id);
}

let keyNo = 0;

/**
 * Call the API as a signed-in user (`cookie`); every call carries a fresh idempotency key unless
 * `key` is given (a retry sends the same one).
 */
export function ledgerCall(
  env: TestEnv,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  key = `ledger-test-${++keyNo}`,
) {
  return env.app.inject({
    method,
    url: `/api${url}`,
    headers: { ...(cookie ? { cookie } : {}), 'idempotency-key': key },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/**
 * Move the test clock (days pass for the 14-day rule) and keep every session signed in: a session
 * idle for 30 minutes or older than 12 hours by the clock would otherwise be refused and deleted.
 */
export async function moveClock(env: TestEnv, at: string | Date) {
  env.clock.set(at);
  await env.dbh.db
    .update(sessions)
    .set({ createdAt: env.clock.now(), lastSeenAt: env.clock.now() });
  forgetSessions();
}
