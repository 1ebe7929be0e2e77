// 资金使用情况反馈函 (R-DISCLOSE, S1 §11: 定期向援助单位反馈资金使用情况): the year's counted
// funds of a pairing, each use and the balance, with thanks, addressed to the donor unit.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { authorize } from '../../../lib/policy.ts';
import type { Scope } from '../../../lib/scope.ts';
import { countedFunds, type CountedFund } from './funds.ts';
import { loadPairingScoped, type PairingRow } from '../access.ts';
import { can } from './policy.ts';

export type DonorLetterData = {
  pairing: PairingRow;
  year: number;
  today: string;
  /** Oldest first, as a letter reads. */
  funds: CountedFund[];
};

export async function donorLetterData(
  db: Db,
  scope: Scope,
  id: number,
  year: number,
  today: string,
): Promise<DonorLetterData> {
  authorize(can, scope, 'export');
  const pairing = await loadPairingScoped(db, scope, id);
  const funds = await countedFunds(db, sql`pa.id = ${id}`, today, year);
  return { pairing, year, today, funds: funds.reverse() };
}
