// Who may do what with mobile members (R-MOBILE-EIGHT, R-MOBILE-QUERY). The outflow (home)
// organization and those above it register, send, record the yearly duties and end the flow; the
// inflow organization and those above it receive or query back; either side asks the other and
// answers the other's questions. Which side the caller is on comes from the org paths.
import { roleMay, type MobileSide, type MobileState } from '@pairing/shared';
import { AppError, conflict, forbidden } from '../../lib/errors.ts';
import type { Can } from '../../lib/policy.ts';
import { inScope, type Scope } from '../../lib/scope.ts';

export type MobileAction =
  | 'read'
  | 'register'
  | 'send'
  | 'receive'
  | 'askAsInflow'
  | 'askAsOutflow'
  | 'record'
  | 'returnHome'
  | 'answer';

export type MemberSubject = { outflowPath: string; inflowPath: string | null; state: MobileState };
export type QuerySubject = MemberSubject & { fromSide: MobileSide; answered: boolean };

const away: readonly MobileState[] = ['sent', 'queried', 'received'];

export const onOutflowSide = (scope: Scope, s: MemberSubject) => inScope(scope, s.outflowPath);
export const onInflowSide = (scope: Scope, s: MemberSubject) =>
  s.inflowPath !== null && inScope(scope, s.inflowPath);

const isQuery = (s: MemberSubject | QuerySubject): s is QuerySubject => 'fromSide' in s;

const notAway = () => conflict('mobile_not_away', '该党员未处于流出状态（尚未流出或已返乡）');

/** Why the caller may not take `action` (403, or 409 for the state), or null when it may. */
export function refusal(
  scope: Scope,
  action: MobileAction,
  subject?: MemberSubject | QuerySubject,
): AppError | null {
  if (!roleMay(scope.role, 'mobile', 'read')) return forbidden();
  const manage = () => {
    if (!roleMay(scope.role, 'mobile', 'manage')) return forbidden();
    return !subject || onOutflowSide(scope, subject)
      ? null
      : forbidden('只有流出地党组织可以办理此事项');
  };
  switch (action) {
    case 'read':
      return null;
    case 'register':
      return manage();
    case 'send':
      return (
        manage() ??
        (subject && subject.state !== 'registered'
          ? conflict('mobile_already_sent', '该党员已流出，不能再次登记去向')
          : null)
      );
    case 'record':
      return (
        manage() ??
        (subject?.state === 'registered'
          ? conflict('mobile_not_sent', '该党员尚未流出，还没有八个一事项')
          : null)
      );
    case 'returnHome':
      return manage() ?? (subject && !away.includes(subject.state) ? notAway() : null);
    case 'receive':
      if (!roleMay(scope.role, 'mobile', 'receive')) return forbidden();
      if (!subject) return null;
      if (!onInflowSide(scope, subject)) return forbidden('只有流入地党组织可以接收');
      if (subject.state === 'received')
        return conflict('mobile_already_received', '该党员已被接收');
      return subject.state === 'sent' || subject.state === 'queried' ? null : notAway();
    case 'askAsInflow':
    case 'askAsOutflow': {
      if (!roleMay(scope.role, 'mobile', 'query')) return forbidden();
      if (!subject) return null;
      const mine =
        action === 'askAsInflow' ? onInflowSide(scope, subject) : onOutflowSide(scope, subject);
      if (!mine) return forbidden('只能以本方组织的名义查询');
      return away.includes(subject.state) ? null : notAway();
    }
    case 'answer': {
      if (!roleMay(scope.role, 'mobile', 'answer')) return forbidden();
      if (!subject || !isQuery(subject)) return null;
      const otherSide =
        subject.fromSide === 'inflow'
          ? onOutflowSide(scope, subject)
          : onInflowSide(scope, subject);
      if (!otherSide) return forbidden('查询须由对方组织答复');
      return subject.answered ? conflict('query_answered', '该查询已答复') : null;
    }
  }
}

export const can: Can<MobileAction, MemberSubject | QuerySubject> = (scope, action, subject) =>
  refusal(scope, action, subject) === null;

/** Throw the refusal, if any. */
export function ensure(scope: Scope, action: MobileAction, subject?: MemberSubject | QuerySubject) {
  const refused = refusal(scope, action, subject);
  if (refused) throw refused;
}
