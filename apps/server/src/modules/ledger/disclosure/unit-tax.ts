// An urban unit's donations of a year against its deductible cap (R-TAX-CAP, see tax.ts).
import type { UnitTax } from '@pairing/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../lib/errors.ts';
import { abilitiesOn, authorize } from '../../../lib/policy.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { withinScope } from '../../orgs/sql.ts';
import { unitProfits } from '../schema.ts';
import { loadPairingScoped } from '../access.ts';
import { can, type DisclosureSubject } from './policy.ts';
import { isEligibleChannel, isEnterprise, taxCap } from './tax.ts';

export type UnitRow = { id: number; name: string; path: string; unitType: string | null };

export const unitSubject = (unit: UnitRow): DisclosureSubject => ({
  kind: 'unit',
  unitPath: unit.path,
  enterprise: isEnterprise(unit.unitType),
});

const unitColumns = sql`o.id::int as id, o.name, o.path, o.unit_type as "unitType"`;

/** The urban unit if the caller's scope holds it; 404 otherwise. */
export async function loadUnitScoped(db: Db, scope: Scope, id: number): Promise<UnitRow> {
  const [row] = await queryRows<UnitRow>(
    db,
    sql`select ${unitColumns} from org_directory o
      where o.id = ${id} and o.kind = 'urban_unit' and ${withinScope(sql`o.path`, scope)}`,
  );
  if (!row) throw notFound('单位不存在');
  return row;
}

/**
 * The unit's own donations (source `unit`: a district's pooled fund is not the unit's) dated in
 * `year` that count as of `today`, by channel, over all its pairings and for one of them.
 */
async function donationsOf(db: Db, unitId: number, year: number, today: string, pairingId = 0) {
  const rows = await queryRows<{ channel: string; total: string; pairing: string }>(
    db,
    sql`select lr.content->>'channel' as channel, sum(lr.amount) as total,
        sum(case when lr.pairing_id = ${pairingId} then lr.amount else 0 end) as pairing
      from pairing_agreements pa join ledger_records lr on lr.pairing_id = pa.id
      where pa.urban_org_id = ${unitId} and lr.type = 'fund' and lr.content->>'source' = 'unit'
        and lr.counts_from <= ${today}
        and lr.date between ${`${year}-01-01`} and ${`${year}-12-31`}
      group by 1`,
  );
  const donations = { direct: 0, charity: 0, government: 0 };
  let pairingEligible = 0;
  let pairingDirect = 0;
  for (const row of rows) {
    const channel = row.channel as keyof typeof donations;
    if (!(channel in donations)) continue;
    donations[channel] = Number(row.total);
    if (isEligibleChannel(channel)) pairingEligible += Number(row.pairing);
    else pairingDirect += Number(row.pairing);
  }
  return { donations, pairingEligible, pairingDirect };
}

/** The stored profit of the unit's year, locked until the caller's transaction ends. */
export async function lockedProfit(db: Db, unitId: number, year: number) {
  const [row] = await db
    .select({ profit: unitProfits.profit })
    .from(unitProfits)
    .where(and(eq(unitProfits.orgId, unitId), eq(unitProfits.year, year)))
    .for('update');
  return row?.profit ?? null;
}

export async function storeProfit(db: Db, unitId: number, year: number, profit: number) {
  await db
    .insert(unitProfits)
    .values({ orgId: unitId, year, profit })
    .onConflictDoUpdate({
      target: [unitProfits.orgId, unitProfits.year],
      set: { profit, updatedAt: sql`now()` },
    });
}

export async function presentTax(
  db: Db,
  scope: Scope,
  unit: UnitRow,
  year: number,
  today: string,
  pairingId: number | null,
): Promise<UnitTax> {
  const { donations, pairingEligible, pairingDirect } = await donationsOf(
    db,
    unit.id,
    year,
    today,
    pairingId ?? 0,
  );
  const eligible = donations.charity + donations.government;
  const subject = unitSubject(unit);
  const enterprise = isEnterprise(unit.unitType);
  const profitVisible = can(scope, 'readProfit', subject);
  const [stored] =
    enterprise && profitVisible
      ? await db
          .select({ profit: unitProfits.profit })
          .from(unitProfits)
          .where(and(eq(unitProfits.orgId, unit.id), eq(unitProfits.year, year)))
      : [];
  const figures = stored ? taxCap(eligible, stored.profit) : null;
  return {
    unit: { id: unit.id, name: unit.name, unitType: unit.unitType },
    year,
    enterprise,
    donations,
    eligible,
    pairing:
      pairingId === null
        ? null
        : { id: pairingId, eligible: pairingEligible, direct: pairingDirect },
    profitVisible,
    profit: stored?.profit ?? null,
    cap: figures?.cap ?? null,
    deductible: figures?.deductible ?? null,
    excess: figures?.excess ?? null,
    abilities: abilitiesOn(can, scope, ['setProfit'], subject),
  };
}

export async function unitTax(db: Db, scope: Scope, unitId: number, year: number, today: string) {
  authorize(can, scope, 'read');
  return presentTax(db, scope, await loadUnitScoped(db, scope, unitId), year, today, null);
}

/** The pairing's unit, read by anyone who reads the pairing (the profit only within its scope). */
export async function pairingTax(db: Db, scope: Scope, id: number, year: number, today: string) {
  authorize(can, scope, 'read');
  const p = await loadPairingScoped(db, scope, id);
  // The pairing is in scope; its unit need not be (a village reads its donor's donations).
  const [unit] = await queryRows<UnitRow>(
    db,
    sql`select ${unitColumns} from org_directory o where o.id = ${p.urbanOrgId}`,
  );
  return presentTax(db, scope, unit, year, today, p.id);
}
