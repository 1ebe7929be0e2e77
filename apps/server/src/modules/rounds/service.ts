import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { PACK_IDS } from '@pairing/policy';
import {
  roundActions,
  type RoundInput,
  type RoundView,
  type RoundWithAbilities,
} from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { conflict, invalid, notFound, type FieldErrors } from '../../lib/errors.ts';
import { notifyBoard } from '../../lib/notify.ts';
import { abilitiesOn, authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { can } from './policy.ts';
import { rounds } from './schema.ts';

export type Round = typeof rounds.$inferSelect;

/** A round as its routes answer it: the scope path stays inside, times are ISO strings. */
export const presentRound = ({
  scopePath: _,
  createdAt,
  updatedAt,
  ...round
}: Round): RoundView => ({
  ...round,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

/** A round as a signed-in caller reads it: with what the caller may do with it. */
export const presentRoundFor =
  (scope: Scope) =>
  (round: Round): RoundWithAbilities => ({
    ...presentRound(round),
    abilities: abilitiesOn(can, scope, roundActions, round),
  });

/** 组合式 pairing (S1 §3, "机关+企业") lets two units share a village unless the round says otherwise. */
export const defaultVillageCap = 2;
export const defaultPackId = 'sh-2010';

/** A round is visible to everyone inside its city and to admins above it. */
export const visibleTo = (scope: Scope) =>
  sql`(starts_with(${rounds.scopePath}, ${scope.path}) or starts_with(${scope.path}, ${rounds.scopePath}))`;

export async function listRounds(db: Db, scope: Scope) {
  authorize(can, scope, 'read');
  return db.select().from(rounds).where(visibleTo(scope)).orderBy(desc(rounds.id));
}

/** The round if the caller may see it, else 404 (ids outside scope do not leak). */
export async function getRound(db: Db, scope: Scope, id: number, lock = false): Promise<Round> {
  const query = db
    .select()
    .from(rounds)
    .where(and(eq(rounds.id, id), visibleTo(scope)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('结对轮次不存在');
  return row;
}

/** The round detail route: a member (an individual) reads rounds on the public pages only. */
export async function readRound(db: Db, scope: Scope, id: number) {
  authorize(can, scope, 'read');
  return getRound(db, scope, id);
}

/** Public pages read a round by id alone; drafts are not public yet. */
export async function getPublicRound(db: Db, id: number): Promise<Round> {
  const [row] = await db.select().from(rounds).where(eq(rounds.id, id));
  if (!row || row.state === 'draft') throw notFound('结对轮次不存在');
  return row;
}

/** Every round past its draft, newest first, for the public board's round picker (R-LIVE-STATUS). */
export async function listPublicRounds(db: Db): Promise<Round[]> {
  return db.select().from(rounds).where(ne(rounds.state, 'draft')).orderBy(desc(rounds.id));
}

function withDefaults(input: RoundInput) {
  const year = input.periodStart.slice(0, 4);
  return {
    name: input.name,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    policyPackId: input.policyPackId ?? defaultPackId,
    // R-DEADLINE-INTENT: 30 April; R-DEADLINE-SIGN: 1 July; R-TERM: the term ends with the round.
    intentionDeadline: input.intentionDeadline ?? `${year}-04-30`,
    signingDeadline: input.signingDeadline ?? `${year}-07-01`,
    termEnd: input.termEnd ?? input.periodEnd,
    villageCap: input.villageCap ?? defaultVillageCap,
    previousRoundId: input.previousRoundId ?? null,
  };
}

async function validate(db: Db, scope: Scope, r: ReturnType<typeof withDefaults>, selfId?: number) {
  const fields: FieldErrors = {};
  if (!(PACK_IDS as string[]).includes(r.policyPackId))
    fields.policyPackId = `政策包不存在，可选：${PACK_IDS.join('、')}`;
  if (r.periodEnd <= r.periodStart) fields.periodEnd = '结束日期须晚于开始日期';
  if (r.intentionDeadline < r.periodStart)
    fields.intentionDeadline = '意向确认截止日期不能早于本轮开始日期';
  if (r.signingDeadline < r.intentionDeadline)
    fields.signingDeadline = '协议签订截止日期不能早于意向确认截止日期';
  if (r.termEnd < r.signingDeadline) fields.termEnd = '帮扶期限不能早于协议签订截止日期';
  if (r.previousRoundId != null) {
    const [prev] = await db
      .select({ id: rounds.id, state: rounds.state })
      .from(rounds)
      .where(and(eq(rounds.id, r.previousRoundId), visibleTo(scope)));
    if (!prev || prev.id === selfId) fields.previousRoundId = '上一轮次不存在';
  }
  if (Object.keys(fields).length) throw invalid('输入有误，请检查标出的字段', fields);
}

export async function createRound(db: Db, scope: Scope, input: RoundInput) {
  authorize(can, scope, 'manage');
  const values = withDefaults(input);
  await validate(db, scope, values);
  return db.transaction(async (tx) => {
    // The caller's scope path is its org's path: the round spans the caller's city.
    const [row] = await tx
      .insert(rounds)
      .values({ ...values, orgId: scope.orgId, scopePath: scope.path })
      .returning();
    await recordAudit(tx, scope, {
      action: 'round.created',
      entity: 'round',
      entityId: row.id,
      scopePath: row.scopePath,
      after: row,
    });
    return row;
  });
}

export async function updateRound(db: Db, scope: Scope, id: number, patch: Partial<RoundInput>) {
  authorize(can, scope, 'manage');
  return db.transaction(async (tx) => {
    const before = await getRound(tx, scope, id, true);
    if (!can(scope, 'update', before)) throw conflict('round_closed', '本轮结对已结束，不能修改');
    // The cap, pack and predecessor shape every intention; they are fixed once intentions open.
    const fixed = ['villageCap', 'policyPackId', 'previousRoundId', 'periodStart'] as const;
    if (before.state !== 'draft') {
      const touched = fixed.filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
      if (touched.length)
        throw invalid(
          '意向申报开始后不能修改这些字段',
          Object.fromEntries(touched.map((k) => [k, '意向申报开始后不能修改'])),
        );
    }
    const merged = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    await validate(tx, scope, withDefaults(merged), id);
    const [after] = await tx
      .update(rounds)
      .set({ ...withDefaults(merged), updatedAt: new Date() })
      .where(eq(rounds.id, id))
      .returning();
    await recordAudit(tx, scope, {
      action: 'round.updated',
      entity: 'round',
      entityId: id,
      scopePath: after.scopePath,
      before,
      after,
    });
    await notifyBoard(tx, id);
    return after;
  });
}
