// Builders shared by the tests: small ledgers written the way a ledger file would be.
import type { ComplianceStatus, Ledger, LedgerEvent, PeriodStatus } from '../src/index.ts';

type Pairing = Ledger['pairing'];

export function ledgerOf(
  pack: string,
  pairing: Partial<Pairing>,
  events: LedgerEvent[] = [],
): Ledger {
  return {
    pack: pack as Ledger['pack'],
    pairing: { termStart: '2011-01-01', termEnd: '2013-12-31', ...pairing },
    events,
  };
}

export function periodsOf(status: ComplianceStatus, rule: string): PeriodStatus[] {
  const found = status.rules.find((r) => r.rule === rule);
  if (!found) throw new Error(`rule ${rule} absent from the status`);
  return found.periods;
}

let next = 0;
function id(): string {
  next += 1;
  return `t${next}`;
}

export function visit(date: string, people: string[] = [], department = false): LedgerEvent {
  return { id: id(), type: 'visit', date, people, department };
}

export function fund(date: string, amount: number): LedgerEvent {
  return { id: id(), type: 'fund', date, amount };
}

export function activity(date: string, category: string): LedgerEvent {
  return { id: id(), type: 'activity', date, category } as LedgerEvent;
}

export function report(date: string, period: string): LedgerEvent {
  return { id: id(), type: 'report', date, period };
}
