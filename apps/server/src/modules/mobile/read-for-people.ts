// What the people registry asks of mobile members (people/ports.ts `visibleThrough`): a member
// received by an organization in the caller's scope is visible to it there until he returns home
// (R-MOBILE-EIGHT; before receipt the inflow side sees only the notice, not the person).
import { sql } from 'drizzle-orm';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';

/** SQL over `p` (the registry's person alias): received by an org in scope, not returned. */
export const receivedMemberVisible = (scope: Pick<Scope, 'path'>) =>
  sql`exists (select 1 from mobile_members mm
    join org_directory io on io.id = mm.inflow_org_id
    where mm.person_id = p.id and mm.state = 'received' and ${withinScope(sql`io.path`, scope)})`;
