import type { AgreementView } from '@pairing/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { conflict, notFound } from '../../../lib/errors.ts';
import { notifyBoard } from '../../../lib/notify.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isPast } from '../../rounds/dates.ts';
import { roundForAgreement } from '../../rounds/read.ts';
import { ensure, sideOf } from '../policy.ts';
import { getAgreement, loadScoped } from '../queries.ts';
import { subjectOf } from '../row.ts';
import { signingIssues, signingRulesFailed } from '../rules.ts';
import { agreements } from '../schema.ts';
import { auditView, recordAgreementChange } from './record.ts';

/**
 * The caller's side signs the version it read; the second signature puts the agreement in force.
 * Under the agreement's row lock and a share lock on the round, so neither a save nor a change of
 * the round's state slips in between the checks and the signature.
 */
export async function signAgreement(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: number,
  input: { version: number },
): Promise<AgreementView> {
  await db.transaction(async (tx) => {
    const row = await loadScoped(tx, scope, id, true);
    ensure(scope, 'sign', subjectOf(row));
    const side = sideOf(scope, row)!;
    const a = row.agreement;
    if (a.version !== input.version) {
      throw conflict('stale_version', `协议已更新到第 ${a.version} 版，请核对后再签署`);
    }
    const round = await roundForAgreement(tx, a.roundId, true);
    if (!round) throw notFound('结对轮次不存在');
    // R-DEADLINE-SIGN: the stage, asked again of the round as locked; an agreement, not an
    // amendment, is also signed by the deadline.
    ensure(scope, 'sign', { ...subjectOf(row), roundState: round.state });
    if (a.amendsId === null && isPast(round.signingDeadline, clock.now())) {
      throw conflict('signing_deadline_passed', `协议签订截止日（${round.signingDeadline}）已过`);
    }
    const issues = signingIssues(row);
    if (issues.length > 0) throw signingRulesFailed(issues);

    const now = clock.now();
    const bothSigned = (side === 'urban' ? a.ruralSignedAt : a.urbanSignedAt) !== null;
    const [updated] = await tx
      .update(agreements)
      .set({
        ...(side === 'urban'
          ? { urbanSignedAt: now, urbanSignedBy: scope.userId }
          : { ruralSignedAt: now, ruralSignedBy: scope.userId }),
        ...(bothSigned ? { status: 'signed' as const, signedAt: now } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(agreements.id, id))
      .returning();
    await recordAgreementChange(tx, scope, {
      action: bothSigned ? 'agreement.sign_complete' : 'agreement.sign',
      id,
      parties: row,
      before: auditView(a),
      after: { ...auditView(updated), side, version: a.version },
    });
    // The board counts signed agreements (R-LIVE-STATUS).
    if (bothSigned) await notifyBoard(tx, a.roundId);
  });
  return getAgreement(db, scope, id);
}
