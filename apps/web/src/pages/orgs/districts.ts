import { orgsApi, type DistrictClass } from '@pairing/shared';
import { call } from '../../api/client.ts';

export type District = { id: number; name: string; districtClass: DistrictClass | null };

/** Mirror the server's district-pair rules (district-pairs.ts) and unit parents (policy.ts `takesUnits`). */
export const canHelp = (c: DistrictClass | null) => c === 'central' || c === 'near_suburban';
export const canBeHelped = (c: DistrictClass | null) =>
  c === 'outer_suburban' || c === 'near_suburban';

export const districtClassColor: Record<DistrictClass, string> = {
  central: 'red',
  near_suburban: 'gold',
  outer_suburban: 'green',
};

/** The districts inside the caller's scope, in code order, with their class. */
export async function loadDistricts(): Promise<District[]> {
  const page = await call(orgsApi.list, { query: { kind: 'district', page: 1, pageSize: 100 } });
  return page.items.map((d) => ({ id: d.id, name: d.name, districtClass: d.districtClass }));
}
