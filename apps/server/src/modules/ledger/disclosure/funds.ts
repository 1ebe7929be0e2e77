// The counted funds of a village or a pairing with the uses recorded against each: what the
// public disclosure and the donor letter show. A fund counts once its counts_from day has come
// (mutual confirmation); uses are listed in date order.
import type { RecordInput } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../lib/rows.ts';

type FundContent = Extract<RecordInput, { type: 'fund' }>;

export type CountedFund = {
  id: number;
  pairingId: number;
  date: string;
  amount: number;
  form: FundContent['form'];
  channel: FundContent['channel'];
  source: FundContent['source'];
  purpose: string;
  donor: string;
  project: string | null;
  uses: Array<{ date: string; amount: number; purpose: string }>;
  used: number;
  balance: number;
};

type Raw = {
  id: string | number;
  pairingId: string | number;
  date: string;
  amount: string | number;
  content: FundContent;
  urbanName: string;
  urbanParentName: string | null;
  project: string | null;
  uses: Array<{ date: string; amount: number; purpose: string }>;
};

/** The donor as the public reads it: the unit, or its district's / committee's pooled fund (S1 §9). */
const donorOf = (raw: Raw) =>
  raw.content.source === 'district_pool'
    ? `${raw.urbanParentName ?? raw.urbanName}统筹帮扶资金`
    : raw.urbanName;

/**
 * Funds of the pairings matching `where` (over `pa`, a row of `pairing_agreements`) that count
 * as of `today`, newest first, optionally only those dated in `year`.
 */
export async function countedFunds(
  db: Db,
  where: SQL,
  today: string,
  year?: number,
): Promise<CountedFund[]> {
  const rows = await queryRows<Raw>(
    db,
    sql`select lr.id, lr.pairing_id as "pairingId", lr.date::text as date, lr.amount, lr.content,
        u.name as "urbanName", up.name as "urbanParentName",
        pa.content->'projects'->((lr.content->>'projectIndex')::int)->>'title' as project,
        coalesce((select json_agg(json_build_object('date', fu.date::text, 'amount', fu.amount,
            'purpose', fu.purpose) order by fu.date, fu.id)
          from fund_uses fu where fu.record_id = lr.id), '[]'::json) as uses
      from pairing_agreements pa
      join ledger_records lr on lr.pairing_id = pa.id
      join org_directory u on u.id = pa.urban_org_id
      left join org_directory up on up.id = u.parent_id
      where ${where} and lr.type = 'fund' and lr.counts_from <= ${today}
        ${year === undefined ? sql`` : sql`and lr.date between ${`${year}-01-01`} and ${`${year}-12-31`}`}
      order by lr.date desc, lr.id desc`,
  );
  return rows.map((raw) => {
    const amount = Number(raw.amount);
    const uses = raw.uses.map((u) => ({ ...u, amount: Number(u.amount) }));
    const used = uses.reduce((sum, u) => sum + u.amount, 0);
    return {
      id: Number(raw.id),
      pairingId: Number(raw.pairingId),
      date: raw.date,
      amount,
      form: raw.content.form,
      channel: raw.content.channel,
      source: raw.content.source,
      purpose: raw.content.purpose,
      donor: donorOf(raw),
      project: raw.project,
      uses,
      used,
      balance: amount - used,
    };
  });
}
