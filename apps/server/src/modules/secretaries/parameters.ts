// The pay parameters as data (R-SECRETARY-PAY): a city's row per year from which they apply, the
// documents' values where the city set none. A computation stores the set it used.
import type { SecretaryPayParametersInput } from '@pairing/shared';
import { documentPayParameters } from '@pairing/policy';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows, type RowTime } from '../../lib/rows.ts';

export type City = { id: number; name: string };

/** The city whose parameters apply at an org (the org itself or the nearest city above it). */
export async function cityAbove(db: Db, orgPath: string): Promise<City | null> {
  const [city] = await queryRows<City>(
    db,
    sql`select c.id::int as id, c.name from org_directory c
      where c.kind = 'city' and ${orgPath} like c.path || '%'
      order by c.depth desc limit 1`,
  );
  return city ?? null;
}

export type EffectiveParameters = {
  parameters: SecretaryPayParametersInput;
  /** The year of the city's row that applies; null for the documents' values. */
  parametersFromYear: number | null;
};

/** The parameters that apply to `year` in the city (none: the documents'). */
export async function parametersFor(
  db: Db,
  city: City | null,
  year: number,
): Promise<EffectiveParameters> {
  if (!city) return { parameters: documentPayParameters, parametersFromYear: null };
  const [row] = await queryRows<{ year: number; parameters: SecretaryPayParametersInput }>(
    db,
    sql`select year, parameters from secretary_pay_parameters
      where city_id = ${city.id} and year <= ${year} order by year desc limit 1`,
  );
  return row
    ? { parameters: row.parameters, parametersFromYear: row.year }
    : { parameters: documentPayParameters, parametersFromYear: null };
}

/** Every year the city set, latest first. */
export const parameterHistory = (db: Db, cityId: number) =>
  queryRows<{ year: number; parameters: SecretaryPayParametersInput; updatedAt: RowTime }>(
    db,
    sql`select year, parameters, updated_at::text as "updatedAt" from secretary_pay_parameters
      where city_id = ${cityId} order by year desc`,
  );
