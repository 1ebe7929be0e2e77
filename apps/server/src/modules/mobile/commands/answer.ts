// The asked side answers a query once (R-MOBILE-QUERY). The audit record names who asked and who
// answered. The query's row lock decides between two answers: the second finds it answered (409).
import type { MobileQueryView, MobileSide } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { notFound } from '../../../lib/errors.ts';
import { queryRows, type RowTime } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { displayNameOf } from '../../auth/sql.ts';
import { chinaDay } from '../../rounds/dates.ts';
import { loadNotice } from '../access.ts';
import { recordMobileAudit } from '../audit.ts';
import { ensure } from '../policy.ts';
import { presentQueries } from '../present.ts';

type LockedQuery = {
  memberId: number;
  fromSide: MobileSide;
  answered: boolean;
  askedBy: string | null;
  askedAt: RowTime;
};

export async function answerQuery(
  db: Db,
  scope: Scope,
  clock: Clock,
  queryId: number,
  answer: string,
): Promise<MobileQueryView> {
  ensure(scope, 'answer');
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [query] = await queryRows<LockedQuery>(
      tx,
      sql`select member_id::int as "memberId", from_side as "fromSide",
          answer is not null as answered, ${displayNameOf(sql`asked_by`)} as "askedBy",
          asked_at::text as "askedAt"
        from mobile_queries where id = ${queryId} for update`,
    );
    if (!query) throw notFound('查询不存在或不在您的管理范围内');
    // Out of both sides' reach, its member and so the query are not found either.
    const member = await loadNotice(tx, scope, query.memberId);
    ensure(scope, 'answer', { ...member, fromSide: query.fromSide, answered: query.answered });
    await tx.execute(
      sql`update mobile_queries set answer = ${answer}, answered_by = ${scope.userId},
          answered_at = ${now.toISOString()}
        where id = ${queryId}`,
    );
    await recordMobileAudit(tx, scope, member, {
      action: 'mobile.answered',
      bothSides: true,
      query: queryId,
      after: {
        fromSide: query.fromSide,
        askedBy: query.askedBy,
        askedAt: new Date(query.askedAt).toISOString(),
        answeredBy: scope.username,
        answer,
      },
    });
    const [view] = await presentQueries(tx, scope, [member], chinaDay(now), queryId);
    return view;
  });
}
