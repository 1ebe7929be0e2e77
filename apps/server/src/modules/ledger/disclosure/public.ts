// 村务公开 (R-DISCLOSE, S1 §11: 村党组织要将帮扶资金纳入村务公开范围): anyone may read a village's
// assistance funds by year — donor, project, form, channel, purpose and the uses the village
// recorded. Only those fields leave here: no people, phones, places, receipts or narratives.
import type { VillageDisclosure } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../lib/errors.ts';
import { queryRows } from '../../../lib/rows.ts';
import { countedFunds, type CountedFund } from './funds.ts';

const totals = (funds: CountedFund[]) => {
  const received = funds.reduce((sum, f) => sum + f.amount, 0);
  const used = funds.reduce((sum, f) => sum + f.used, 0);
  return { received, used, balance: received - used };
};

export async function villageDisclosure(
  db: Db,
  villageId: number,
  today: string,
): Promise<VillageDisclosure> {
  const [village] = await queryRows<{ id: string; name: string; town: string; district: string }>(
    db,
    sql`select v.id, v.name, coalesce(t.name, '') as town, coalesce(d.name, '') as district
      from org_directory v
      left join org_directory t on t.id = v.parent_id
      left join org_directory d on d.id = t.parent_id
      where v.id = ${villageId} and v.kind = 'village'`,
  );
  if (!village) throw notFound('村不存在');
  const funds = await countedFunds(db, sql`pa.rural_org_id = ${villageId}`, today);
  const byYear = new Map<number, CountedFund[]>();
  for (const fund of funds) {
    const year = Number(fund.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), fund]);
  }
  return {
    village: { id: Number(village.id), name: village.name },
    town: village.town,
    district: village.district,
    asOf: today,
    years: [...byYear].map(([year, list]) => ({
      year,
      ...totals(list),
      funds: list.map((f) => ({
        date: f.date,
        amount: f.amount,
        form: f.form,
        channel: f.channel,
        source: f.source,
        donor: f.donor,
        project: f.project,
        purpose: f.purpose,
        uses: f.uses,
        used: f.used,
        balance: f.balance,
      })),
    })),
  };
}
