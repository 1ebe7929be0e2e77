import type { Db } from '../../db/client.ts';
import { authorize } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import {
  endAnySession as end,
  listAnySessions as list,
  type SessionFilter,
} from '../auth/any-sessions.ts';
import { can } from './policy.ts';

/** The security administrator's view of every account's sessions. */
export async function listAnySessions(db: Db, scope: Scope, filter: SessionFilter) {
  authorize(can, scope, 'readSessions');
  return list(db, scope, filter);
}

/** End anyone's session (audited as `session.ended`). */
export async function endAnySession(db: Db, scope: Scope, id: number) {
  authorize(can, scope, 'endSessions');
  await end(db, scope, id);
}
