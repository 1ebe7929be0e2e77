// A deliberately naive reading of issue 5's semantics, written without the engine's code: ISO
// date strings compared as text, Date for day counts, one loop per entry. Slow and obvious, so
// that the engine can be checked against it on random ledgers.
import type { ComplianceStatus, Ledger, LedgerEvent, PeriodStatus, Rule } from '../src/index.ts';
import { PACKS } from '../src/index.ts';

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(date) + n * DAY_MS).toISOString().slice(0, 10);
const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

function statusOf(
  required: number,
  actual: number,
  to: string,
  at: string,
): PeriodStatus['status'] {
  if (actual >= required) return 'met';
  if (to < at) return 'missed';
  return at >= addDays(to, -30) ? 'due_soon' : 'due';
}

function sorted(events: LedgerEvent[]): LedgerEvent[] {
  return [...events].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1,
  );
}

function entries(rule: Rule, ledger: Ledger, at: string): PeriodStatus[] {
  const { termStart, termEnd } = ledger.pairing;
  const people = ledger.pairing.people ?? [];
  const inTerm = (e: LedgerEvent) => e.date >= termStart && e.date <= termEnd && e.date <= at;
  const events = sorted(ledger.events);
  const result: PeriodStatus[] = [];
  if (rule.kind === 'term-visits-per-person') {
    if (at < termStart) return [];
    for (const person of people) {
      if (!(rule.roles as readonly string[]).includes(person.role)) continue;
      const counted = events.filter(
        (e) => e.type === 'visit' && inTerm(e) && (e.people ?? []).includes(person.id),
      );
      const evidence = counted.map((e) => e.id);
      result.push({
        person: person.id,
        from: termStart,
        to: termEnd,
        required: rule.min,
        actual: evidence.length,
        status: statusOf(rule.min, evidence.length, termEnd, at),
        evidence,
      });
    }
    return result;
  }
  if (rule.kind === 'quarterly-report') {
    for (let year = +termStart.slice(0, 4); year <= +termEnd.slice(0, 4); year++) {
      for (let q = 1; q <= 4; q++) {
        const first = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
        const last = addDays(
          q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`,
          -1,
        );
        if (last < termStart || first > termEnd) continue;
        const from = max(first, termStart);
        if (from > at) continue;
        const due = addDays(last, rule.dueDays);
        const filed = events.filter(
          (e) => e.type === 'report' && e.period === `${year}Q${q}` && e.date <= at,
        );
        const onTime = filed.some((e) => e.date <= due);
        result.push({
          from,
          to: min(last, termEnd),
          required: 1,
          actual: filed.length,
          status: onTime
            ? 'met'
            : filed.length > 0
              ? 'late'
              : at > due
                ? 'missed'
                : at >= addDays(due, -30)
                  ? 'due_soon'
                  : 'due',
          evidence: filed.map((e) => e.id),
        });
      }
    }
    return result;
  }
  for (let year = +termStart.slice(0, 4); year <= +termEnd.slice(0, 4); year++) {
    const from = max(`${year}-01-01`, termStart);
    const to = min(`${year}-12-31`, termEnd);
    if (from > at) continue;
    const yearDays = days(`${year}-01-01`, `${year}-12-31`);
    const halfUp = Math.floor((2 * rule.min * days(from, to) + yearDays) / (2 * yearDays));
    const inPeriod = (e: LedgerEvent) => inTerm(e) && e.date >= from && e.date <= to;
    const groups: (string | undefined)[] =
      rule.kind === 'yearly-count' && rule.select.type === 'activity'
        ? [...rule.select.categories]
        : [undefined];
    for (const category of groups) {
      const counted = events.filter((e) => {
        if (!inPeriod(e)) return false;
        if (rule.kind === 'yearly-funds') return e.type === 'fund';
        if (rule.select.type === 'activity')
          return e.type === 'activity' && e.category === category;
        if (e.type !== 'visit') return false;
        const roles = (e.people ?? []).map((id) => people.find((p) => p.id === id)!.role);
        return (
          roles.some((r) => (rule.select as { roles: readonly string[] }).roles.includes(r)) ||
          (rule.select.department && e.department === true)
        );
      });
      const actual = counted.reduce((sum, e) => sum + (e.type === 'fund' ? e.amount : 1), 0);
      const entry: PeriodStatus =
        category === undefined
          ? {
              from,
              to,
              required: halfUp,
              actual,
              status: statusOf(halfUp, actual, to, at),
              evidence: counted.map((e) => e.id),
            }
          : {
              category: category as PeriodStatus['category'],
              from,
              to,
              required: halfUp,
              actual,
              status: statusOf(halfUp, actual, to, at),
              evidence: counted.map((e) => e.id),
            };
      result.push(entry);
    }
  }
  return result;
}

export function oracle(ledger: Ledger, at: string): ComplianceStatus {
  const pack = PACKS[ledger.pack];
  const rules = pack.rules
    .filter((rule: Rule) => !('appliesTo' in rule) || ledger.pairing.weakVillage === true)
    .map((rule: Rule) => ({ rule: rule.id, periods: entries(rule, ledger, at) }));
  const summary = { met: 0, due: 0, due_soon: 0, missed: 0, late: 0 };
  for (const r of rules) for (const p of r.periods) summary[p.status]++;
  return { pack: ledger.pack, at, rules, summary };
}
