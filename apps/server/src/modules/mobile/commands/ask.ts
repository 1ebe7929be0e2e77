// One side asks the other about a member (R-MOBILE-QUERY: 流入地党组织主动向流出地党组织查询党员
// 情况), with a deadline for the answer, 15 days after asking unless given. Asked by the inflow
// side before it has received him, it is a query back (回询): he waits as `queried`.
import type { MobileAskInput, MobileQueryView } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { invalid } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { chinaDay } from '../../rounds/dates.ts';
import { loadNotice } from '../access.ts';
import { recordMobileAudit, replayed } from '../audit.ts';
import { ensure } from '../policy.ts';
import { presentQueries } from '../present.ts';
import { mobileQueries } from '../schema.ts';

/** Days the asked side has to answer by default (docs/mobile.md). */
export const queryAnswerDays = 15;
/** The latest deadline the asker may set. */
const maxAnswerDays = 90;

const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function askAboutMember(
  db: Db,
  scope: Scope,
  clock: Clock,
  id: number,
  input: MobileAskInput,
  idempotency: IdempotencyKey | null = null,
): Promise<MobileQueryView> {
  const action = input.fromSide === 'inflow' ? 'askAsInflow' : 'askAsOutflow';
  ensure(scope, action);
  const now = clock.now();
  const today = chinaDay(now);
  const deadline = input.deadline ?? plusDays(today, queryAnswerDays);
  if (deadline < today || deadline > plusDays(today, maxAnswerDays))
    throw invalid(`答复期限应在今天至 ${maxAnswerDays} 天内`, {
      deadline: `应在 ${today} 至 ${plusDays(today, maxAnswerDays)} 之间`,
    });
  return db.transaction(async (tx) => {
    const row = await loadNotice(tx, scope, id, true);
    ensure(scope, action, row);
    const [inserted] = await tx
      .insert(mobileQueries)
      .values({
        memberId: id,
        fromSide: input.fromSide,
        question: input.question,
        askedBy: scope.userId,
        askedAt: now,
        deadline,
      })
      .returning({ id: mobileQueries.id });
    const queriedBack = input.fromSide === 'inflow' && row.state === 'sent';
    if (queriedBack)
      await tx.execute(sql`update mobile_members set state = 'queried' where id = ${id}`);
    await recordMobileAudit(tx, scope, row, {
      action: 'mobile.queried',
      bothSides: true,
      query: inserted.id,
      after: {
        fromSide: input.fromSide,
        question: input.question,
        deadline,
        askedBy: scope.username,
        ...(queriedBack ? { state: 'queried' } : {}),
      },
    });
    const [view] = await presentQueries(
      tx,
      scope,
      [{ ...row, state: queriedBack ? 'queried' : row.state }],
      today,
      inserted.id,
    );
    if (idempotency && !(await recordAnswer(tx, idempotency, 201, { query: view })))
      throw replayed();
    return view;
  });
}
