// A term ends: on re-election (换届连任, a new term follows) or on leaving office (离任). Leaving
// computes the allowance of S3 §2(4) from every term of the person, with the parameters of the
// leaving year: one-off under ten continuous years, else yearly, 30% of the village secretary's
// base subsidy (the post's own until a successor is recorded; the page shows it as it is now).
import type { EndTermInput, SecretaryDetail } from '@pairing/shared';
import { departureAllowance, serviceOf, SecretaryPayError } from '@pairing/policy';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { conflict, invalid } from '../../../lib/errors.ts';
import type { Keyring } from '../../../lib/personal-crypto.ts';
import { authorize } from '../../../lib/policy.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadTermScoped, lockTermsOf, termRows } from '../access.ts';
import { recordSecretaryAudit } from '../audit.ts';
import { cityAbove, parametersFor } from '../parameters.ts';
import { can } from '../policy.ts';
import { presentSecretary } from '../present.ts';
import { secretaryTerms, type StoredAllowance } from '../schema.ts';

export async function endTerm(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  termId: number,
  input: EndTermInput,
  today: string,
): Promise<SecretaryDetail> {
  authorize(can, scope, 'assess');
  return db.transaction(async (tx) => {
    const found = await loadTermScoped(tx, scope, termId);
    authorize(can, scope, 'assess', found);
    await lockTermsOf(tx, found.villageId, found.personId);
    const term = await loadTermScoped(tx, scope, termId);
    if (term.to !== null) throw conflict('term_ended', '该任期已结束');
    if (input.to < term.from)
      throw invalid('任期结束日期不能早于开始日期', { to: '不能早于开始日期' });
    if (input.to > today) throw invalid('结束日期不能晚于今天', { to: '不能晚于今天' });
    const [later] = await queryRows<{ year: number }>(
      tx,
      sql`select year from secretary_assessments
        where person_id = ${term.personId} and year > ${Number(input.to.slice(0, 4))} limit 1`,
    );
    if (later)
      throw conflict(
        'assessed_after_end',
        `该书记已有 ${later.year} 年度考核，任期不能在此之前结束`,
      );

    const allowance = input.leaving ? await allowanceOf(tx, term, input.to) : null;
    await tx
      .update(secretaryTerms)
      .set({ toDate: input.to, allowance, endedBy: scope.userId, endedAt: sql`now()` })
      .where(eq(secretaryTerms.id, termId));
    await recordSecretaryAudit(tx, scope, {
      action: 'secretary.term.end',
      entity: 'secretary_term',
      entityId: termId,
      scopePath: term.villagePath,
      before: { to: null },
      after: { to: input.to, leaving: input.leaving, allowance },
    });
    return presentSecretary(tx, keyring, scope, term.personId, today);
  });
}

async function allowanceOf(
  tx: Db,
  term: Awaited<ReturnType<typeof loadTermScoped>>,
  to: string,
): Promise<StoredAllowance> {
  const others = await termRows(tx, sql`t.person_id = ${term.personId} and t.id <> ${term.id}`);
  const params = await parametersFor(
    tx,
    await cityAbove(tx, term.villagePath),
    Number(to.slice(0, 4)),
  );
  const bases = {
    ownBaseSubsidyPerYear: term.baseSubsidyPerYear,
    currentBaseSubsidyPerYear: term.baseSubsidyPerYear,
  };
  try {
    const service = serviceOf([
      // Another term of the person is never open beside this one (they would overlap).
      ...others.map((t) => ({ from: t.from, to: t.to! })),
      { from: term.from, to },
    ]);
    const allowance = departureAllowance(service, bases, params.parameters);
    return {
      kind: allowance.kind,
      amount: allowance.amount,
      firstYearAmount: allowance.kind === 'yearly' ? allowance.firstYearAmount : null,
      countedHalfYears: allowance.kind === 'oneOff' ? allowance.countedHalfYears : null,
      continuousFrom: service.continuousFrom,
      continuous: service.continuous,
      cumulative: service.cumulative,
      ...bases,
      ...params,
    };
  } catch (error) {
    if (error instanceof SecretaryPayError) throw invalid(error.message, { to: error.message });
    throw error;
  }
}
