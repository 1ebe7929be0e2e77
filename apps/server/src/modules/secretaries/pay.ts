// The year's pay of a secretary, as the preview shows it and the assessment stores it: the
// person's terms, the parameters of the village's city for that year, the policy's arithmetic.
import type { z } from 'zod';
import type { assessmentPreviewInput } from '@pairing/shared';
import { assessSecretaryYear, SecretaryPayError, type SecretaryPay } from '@pairing/policy';
import type { Db } from '../../db/client.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { loadSecretaryTerms, type TermRow } from './access.ts';
import { cityAbove, parametersFor, type EffectiveParameters } from './parameters.ts';
import { can } from './policy.ts';

type Figures = z.output<typeof assessmentPreviewInput>;

export type ComputedPay = EffectiveParameters & {
  pay: SecretaryPay;
  /** The village the secretary served last in the year: the assessment is filed under it. */
  village: TermRow;
};

/**
 * Compute the year's pay of a secretary the caller may assess: 404 outside the scope (or when
 * the year's village is outside it), 422 for a year out of office, a future year or a part
 * scored below zero.
 */
export async function computePay(
  db: Db,
  scope: Scope,
  personId: number,
  input: Figures,
  today: string,
): Promise<ComputedPay> {
  authorize(can, scope, 'assess');
  const terms = await loadSecretaryTerms(db, scope, personId);
  if (input.year > Number(today.slice(0, 4)))
    throw invalid('不能考核未来的年度', { year: '不能晚于今年' });
  const first = `${input.year}-01-01`;
  const last = `${input.year}-12-31`;
  const inYear = terms.filter((t) => t.from <= last && (t.to === null || t.to >= first));
  const village = inYear.at(-1);
  if (!village) throw invalid(`${input.year} 年该书记不在任，无需考核`, { year: '该年度不在任' });
  if (!can(scope, 'assess', { villagePath: village.villagePath }))
    throw notFound('该村党组织书记不存在或不在您的管理范围内');
  const params = await parametersFor(db, await cityAbove(db, village.villagePath), input.year);
  try {
    const pay = assessSecretaryYear({ ...input, terms: inYear }, params.parameters);
    return { ...params, pay, village };
  } catch (error) {
    if (error instanceof SecretaryPayError)
      throw invalid(error.message, { [error.field]: error.message });
    throw error;
  }
}
