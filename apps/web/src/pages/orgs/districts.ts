import { api } from '../../api/client.ts';
import type { OrgDetail, OrgRow, Paged } from '../../api/types.ts';

/** S1 §2–3: central districts help, outer suburbs are helped, near suburbs do both. */
export const districtClasses = ['central', 'near_suburban', 'outer_suburban'] as const;
export type DistrictClass = (typeof districtClasses)[number];

export type District = { id: number; name: string; districtClass: DistrictClass | null };

/** Mirror the server's district-pair rules (district-pairs.ts) and unit parents (service.ts). */
export const canHelp = (c: DistrictClass | null) => c === 'central' || c === 'near_suburban';
export const canBeHelped = (c: DistrictClass | null) =>
  c === 'outer_suburban' || c === 'near_suburban';

export const districtClassColor: Record<DistrictClass, string> = {
  central: 'red',
  near_suburban: 'gold',
  outer_suburban: 'green',
};

/** The districts inside the caller's scope, in code order, without their class. */
export async function loadDistricts(): Promise<District[]> {
  const page = await api.get<Paged<OrgRow>>('/api/orgs', {
    kind: 'district',
    page: 1,
    pageSize: 100,
  });
  return page.items.map((d) => ({ id: d.id, name: d.name, districtClass: null }));
}

/**
 * The class of each district id. The list API leaves it out, so each district's detail is read;
 * a district outside the caller's scope answers 404 and stays unknown (null).
 */
export async function loadDistrictClasses(
  ids: number[],
): Promise<Map<number, DistrictClass | null>> {
  const unique = [...new Set(ids)];
  const answers = await Promise.allSettled(
    unique.map((id) =>
      api.get<{ org: OrgDetail & { districtClass: DistrictClass | null } }>(`/api/orgs/${id}`),
    ),
  );
  return new Map(
    unique.map((id, i) => {
      const answer = answers[i];
      return [id, answer.status === 'fulfilled' ? answer.value.org.districtClass : null];
    }),
  );
}

/** The districts in scope together with their class. */
export async function loadClassedDistricts(): Promise<District[]> {
  const districts = await loadDistricts();
  const classes = await loadDistrictClasses(districts.map((d) => d.id));
  return districts.map((d) => ({ ...d, districtClass: classes.get(d.id) ?? null }));
}
