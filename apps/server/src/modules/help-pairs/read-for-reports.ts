// What members' quarterly reports (R-MEMBER-REPORT, S5 §3.3) draw on: the help a cadre gave his
// "1+2" pairs in one quarter, whoever recorded it, withdrawn pairs' records included (the help
// was given).
import type { HelpKind } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';

export type CadreHelp = {
  id: number;
  helpPairId: number;
  kind: HelpKind;
  date: string;
  text: string;
  amount: number | null;
};

/** The cadre's help records dated in `quarter` (1–4) of `year`, by date. */
export function helpOfCadreInQuarter(
  db: Db,
  personId: number,
  year: number,
  quarter: 1 | 2 | 3 | 4,
): Promise<CadreHelp[]> {
  const month = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  return queryRows<CadreHelp>(
    db,
    sql`select hr.id::int as id, hr.help_pair_id::int as "helpPairId", hr.kind,
        hr.date::text as date, hr.text, hr.amount
      from help_records hr
      where hr.cadre_id = ${personId}
        and hr.date >= ${from}::date and hr.date < ${from}::date + interval '3 months'
      order by hr.date, hr.id`,
  );
}
