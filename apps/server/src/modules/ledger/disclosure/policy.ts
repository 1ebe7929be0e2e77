// Who may do what with a pairing's money and archive. Reading and exporting follow the scope
// (the loaders find only pairings with a party inside it); uses of a fund are the village's
// (the side that received it); importing records is either side's; an enterprise's profit is the
// unit's own or its district's / working committee's.
import { type LedgerSide } from '@pairing/shared';
import type { Can } from '../../../lib/policy.ts';
import { roleAllows } from '../../../lib/policy.ts';
import { inScope, type Scope } from '../../../lib/scope.ts';
import { sideOf, type Parties } from '../../agreements/policy.ts';

export type DisclosureAction = 'read' | 'export' | 'record' | 'addUse' | 'setProfit' | 'readProfit';

export type DisclosureSubject =
  | (Parties & { kind: 'pairing' })
  /** A fund record: its pairing's parties and whether it can still hold uses (not refused). */
  | (Parties & { kind: 'fund'; open: boolean })
  | { kind: 'unit'; unitPath: string; enterprise: boolean };

const role = roleAllows('ledger');

/** The side the caller acts for in the pairing, or null (readers above both, the other role). */
export const sideIn = (scope: Scope, parties: Parties): LedgerSide | null => sideOf(scope, parties);

export const can: Can<DisclosureAction, DisclosureSubject> = (scope, action, subject) => {
  switch (action) {
    case 'read':
      return role(scope, 'read');
    case 'export':
      return role(scope, 'export');
    case 'record':
      return (
        role(scope, 'record') &&
        (!subject || (subject.kind === 'pairing' && sideIn(scope, subject) !== null))
      );
    case 'addUse':
      return (
        role(scope, 'record') &&
        (!subject ||
          (subject.kind === 'fund' && subject.open && sideIn(scope, subject) === 'rural'))
      );
    case 'setProfit':
      return (
        role(scope, 'setProfit') &&
        (!subject ||
          (subject.kind === 'unit' &&
            subject.enterprise &&
            (scope.role === 'unit_admin'
              ? scope.path === subject.unitPath
              : inScope(scope, subject.unitPath))))
      );
    case 'readProfit':
      // A profit is the unit's business: those whose scope holds the unit, not the village.
      return role(scope, 'read') && subject?.kind === 'unit' && inScope(scope, subject.unitPath);
  }
};
