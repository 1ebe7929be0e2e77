// The parameters page: the caller's city's parameters for a year, the documents' values beside
// them, and every year the city set.
import type { PayParametersView } from '@pairing/shared';
import { documentPayParameters } from '@pairing/policy';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../lib/policy.ts';
import { isoTime } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { cityAbove, parameterHistory, parametersFor } from './parameters.ts';
import { can } from './policy.ts';

export async function parametersView(
  db: Db,
  scope: Scope,
  year: number,
): Promise<PayParametersView> {
  authorize(can, scope, 'read');
  const city = await cityAbove(db, scope.path);
  const history = city ? await parameterHistory(db, city.id) : [];
  return {
    cityId: city?.id ?? null,
    cityName: city?.name ?? null,
    year,
    ...(await parametersFor(db, city, year)),
    documentParameters: documentPayParameters,
    history: history.map((row) => ({ ...row, updatedAt: isoTime(row.updatedAt) })),
    abilities: { configure: city !== null && city.id === scope.orgId && can(scope, 'configure') },
  };
}
