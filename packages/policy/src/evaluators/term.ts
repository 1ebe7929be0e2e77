// Term-wide duties per person (R-VISIT-PRINCIPAL): one period, the whole term, for every person of
// the named roles; a visit counts for each person it names.
import type { VisitEvent } from '../ledger.ts';
import { periodStatus } from '../periods.ts';
import { VISIT } from '../prepare.ts';
import type { TermVisitsPerPersonRule } from '../rules.ts';
import type { PeriodStatus } from '../status.ts';
import type { Evaluator } from './evaluator.ts';

export function termVisitsPerPerson(rule: TermVisitsPerPersonRule): Evaluator {
  const roles = new Set<string>(rule.roles);
  const required = rule.min;
  return (ledger, at, dueSoonDays) => {
    const { termStart, termEnd, people, personIndex, events, order, count, day, type } = ledger;
    if (at < termStart) return [];
    const entries: PeriodStatus[] = [];
    const entryOfPerson: (PeriodStatus | undefined)[] = new Array(people.length);
    for (let p = 0; p < people.length; p++) {
      if (!roles.has(people[p].role)) continue;
      const entry: PeriodStatus = {
        person: people[p].id,
        from: ledger.termStartText,
        to: ledger.termEndText,
        required,
        actual: 0,
        status: 'due',
        evidence: [],
      };
      entries.push(entry);
      entryOfPerson[p] = entry;
    }
    const lastCounted = termEnd < at ? termEnd : at;
    for (let n = 0; n < count; n++) {
      const i = order[n];
      if (type[i] !== VISIT || day[i] < termStart || day[i] > lastCounted) continue;
      const event = events[i] as VisitEvent;
      for (const name of event.people ?? []) {
        const entry = entryOfPerson[personIndex.get(name)];
        // A visit naming the same person twice is still one visit for that person.
        if (entry === undefined || entry.evidence[entry.evidence.length - 1] === event.id) continue;
        entry.actual++;
        entry.evidence.push(event.id);
      }
    }
    for (const entry of entries) {
      entry.status = periodStatus(required, entry.actual, termEnd, at, dueSoonDays);
    }
    return entries;
  };
}
