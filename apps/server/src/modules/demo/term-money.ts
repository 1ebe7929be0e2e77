// Money after it arrived: what villages did with the funds they received (村务公开, R-DISCLOSE)
// and the annual profits enterprise units entered (R-TAX-CAP: deductible up to 12% of profit).
import type { Db } from '../../db/client.ts';
import { fundUses, unitProfits } from '../ledger/schema.ts';
import { insertRows } from './bulk.ts';
import { addDays, chinaTime, daysBetween, minDay } from './days.ts';
import type { seededRandom } from './rng.ts';
import type { RecordRow } from './term-states.ts';
import type { DemoPairing } from './term-signing.ts';
import { fundUsePurposes } from './term-texts.ts';

type Rng = ReturnType<typeof seededRandom>;

/** Uses of most received funds, in one to three parts, dated after the fund and by yesterday. */
export async function seedFundUses(
  db: Db,
  rng: Rng,
  funds: Array<{ id: number; row: RecordRow; pairing: DemoPairing }>,
  today: string,
) {
  const horizon = addDays(today, -1);
  const rows: Array<typeof fundUses.$inferInsert> = [];
  for (const { id, row, pairing } of funds) {
    if (row.state === 'disputed' || row.state === 'rejected' || row.state === 'withdrawn') continue;
    if (rng.next() > 0.7) continue;
    const amount = row.amount!;
    const parts = rng.int(1, 3);
    let left = Math.round((amount * rng.int(6, 10)) / 10 / 100) * 100;
    for (let i = 0; i < parts && left > 0; i += 1) {
      const part = i === parts - 1 ? left : Math.round(left / (parts - i) / 100) * 100;
      const date = addDays(row.date, rng.int(10, 40) * (i + 1));
      if (daysBetween(date, horizon) < 0) break;
      rows.push({
        recordId: id,
        date,
        amount: part,
        purpose: rng.pick(fundUsePurposes),
        enteredBy: pairing.ruralUser,
        createdAt: chinaTime(date, rng.int(9, 17)),
      });
      left -= part;
    }
  }
  await insertRows(db, fundUses, rows);
  return rows.length;
}

/** Annual total profit of the enterprise units in pairings, for each year already closed. */
export async function seedUnitProfits(
  db: Db,
  rng: Rng,
  pairings: DemoPairing[],
  today: string,
  small: Set<number>,
) {
  const enterprises = [
    ...new Map(
      pairings.filter((p) => p.unit.unitType === '企业').map((p) => [p.unit.id, p]),
    ).values(),
  ];
  const rows = enterprises.flatMap((p) => {
    const years: number[] = [];
    for (let y = Number(p.termStart.slice(0, 4)); y < Number(today.slice(0, 4)); y += 1)
      years.push(y);
    // A small company's donations may pass 12% of its profit (those in `small` do: 12% of at
    // most ¥150,000 is less than a weak village's ¥20,000 a year); the rest give far less.
    const smallOne = small.has(p.unit.id);
    const scale = smallOne || rng.next() < 0.15 ? 1_000 : 1_000_000;
    return years.map((year) => ({
      orgId: p.unit.id,
      year,
      profit: smallOne
        ? rng.int(100, 150) * 1_000
        : rng.int(scale === 1_000 ? 120 : 5, scale === 1_000 ? 400 : 800) * scale,
      updatedAt: chinaTime(minDay(`${year + 1}-03-${rng.int(10, 28)}`, addDays(today, -1)), 10),
    }));
  });
  await insertRows(db, unitProfits, rows);
  return rows.length;
}
