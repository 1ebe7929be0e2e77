// What "1+2" publishes to the people registry (its `PeoplePorts.visibleThrough`): besides the
// organizations a person is registered at, the unit sees the people paired with its cadres
// (R-ONE-PLUS-TWO) — the poor member, poor resident and cadre of a pair that is not withdrawn,
// in a pairing whose urban side lies in the caller's scope.
import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';

/** SQL over `persons p`: true when `p` is in such a pair. */
export const pairedWithCadresOf = (scope: Pick<Scope, 'path'>): SQL =>
  sql`exists (select 1 from help_pairs hp
    join pairing_agreements pa on pa.id = hp.pairing_id
    join org_directory u on u.id = pa.urban_org_id
    where hp.state <> 'withdrawn' and p.id in (hp.member_id, hp.resident_id, hp.cadre_id)
      and ${withinScope(sql`u.path`, scope)})`;
