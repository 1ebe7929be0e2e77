// The city sets its secretaries' pay parameters from a year on (R-SECRETARY-PAY: parameters are
// data). Assessments and allowances already computed keep the parameters they were computed with.
import type { PayParametersView, SecretaryPayParametersInput } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { forbidden } from '../../../lib/errors.ts';
import { authorize } from '../../../lib/policy.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordSecretaryAudit } from '../audit.ts';
import { cityAbove } from '../parameters.ts';
import { parametersView } from '../parameters-view.ts';
import { can } from '../policy.ts';

export async function setParameters(
  db: Db,
  scope: Scope,
  year: number,
  parameters: SecretaryPayParametersInput,
): Promise<PayParametersView> {
  authorize(can, scope, 'configure');
  return db.transaction(async (tx) => {
    const city = await cityAbove(tx, scope.path);
    if (!city || city.id !== scope.orgId) throw forbidden('报酬参数由市级设置');
    const [before] = await queryRows<{ parameters: SecretaryPayParametersInput }>(
      tx,
      sql`select parameters from secretary_pay_parameters
        where city_id = ${city.id} and year = ${year} for update`,
    );
    await tx.execute(
      sql`insert into secretary_pay_parameters (city_id, year, parameters, updated_by)
        values (${city.id}, ${year}, ${JSON.stringify(parameters)}::jsonb, ${scope.userId})
        on conflict (city_id, year) do update
        set parameters = excluded.parameters, updated_by = excluded.updated_by, updated_at = now()`,
    );
    await recordSecretaryAudit(tx, scope, {
      action: 'secretary.parameters.set',
      entity: 'secretary_parameters',
      entityId: `${city.id}:${year}`,
      scopePath: scope.path,
      before: before?.parameters ?? null,
      after: parameters,
    });
    return parametersView(tx, scope, year);
  });
}
