// The demo city's term (issue 12 item 11): rounds in force with their signed pairings, rosters,
// a ledger of records up to yesterday in every confirmation state, photos, fund uses and
// profits, and the stored compliance of every pairing as of today. One transaction, bulk inserts.
import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { users } from '../auth/schema.ts';
import { refreshCompliance } from '../ledger/compliance/store.ts';
import type { EvidenceSettings } from '../ledger/evidence/settings.ts';
import { ledgerRecords } from '../ledger/schema.ts';
import { orgs } from '../orgs/schema.ts';
import { chinaDay } from '../rounds/dates.ts';
import { rounds } from '../rounds/schema.ts';
import { insertInChunks } from './bulk.ts';
import { yearOf } from './days.ts';
import { seededRandom } from './rng.ts';
import { ensureAccounts, type AccountWanted } from './term-accounts.ts';
import { seedFundUses, seedUnitProfits } from './term-money.ts';
import { loadUnits, loadVillages } from './term-pairs.ts';
import { seedPhotos } from './term-evidence.ts';
import {
  plannedRecords,
  recentRecords,
  showcaseProfile,
  type PlannedRecord,
  type Profile,
} from './term-records.ts';
import { seedRosters } from './term-roster.ts';
import { cityTermRoundName, termRoundSpecs } from './term-rounds.ts';
import { signPairings, type DemoPairing } from './term-signing.ts';
import { lifecycle, type ForcedState, type RecordRow } from './term-states.ts';

export type TermSummary = {
  pairings: number;
  records: number;
  photos: number;
  fundUses: number;
  profits: number;
};

/** The documented accounts whose unit and village make one pairing (README, demo accounts). */
async function showcaseOrgs(db: Db) {
  const found = await db
    .select({ username: users.username, orgId: users.orgId })
    .from(users)
    .where(inArray(users.username, ['unit_admin', 'village_admin']));
  const unit = found.find((u) => u.username === 'unit_admin');
  const village = found.find((u) => u.username === 'village_admin');
  return unit && village ? { unitId: unit.orgId, villageId: village.orgId } : null;
}

function profileOf(rng: ReturnType<typeof seededRandom>, p: DemoPairing, today: string): Profile {
  const closed: number[] = [];
  for (let y = yearOf(p.termStart); y < yearOf(today); y += 1) closed.push(y);
  const lagging = closed.length > 0 && rng.next() < 0.12;
  return {
    shortYear: lagging ? rng.pick(closed) : null,
    lateReports: rng.next() < 0.3 ? 0.35 : 0.03,
    charity: rng.next() < 0.2,
    absentMember: rng.next() < 0.25,
  };
}

function accountsWanted(
  pairings: Array<Pick<DemoPairing, 'unit' | 'village'>>,
  townNames: Map<number, string>,
) {
  return pairings.flatMap(({ unit, village }): AccountWanted[] => [
    { orgId: unit.id, orgName: unit.name, role: 'unit_admin', username: `unit.${unit.id}` },
    {
      orgId: village.id,
      orgName: village.name,
      role: 'village_admin',
      username: `village.${village.code}`,
    },
    {
      orgId: village.townId,
      orgName: townNames.get(village.townId) ?? '',
      role: 'town_admin',
      username: `town.${village.townCode}`,
    },
  ]);
}

/**
 * Seed the term once (found by its city round's name on later starts): answers what it created,
 * or null when it was there already. Photos are stored where `evidence` says.
 */
export async function seedDemoTerm(
  ctx: Pick<AppContext, 'dbh' | 'clock'>,
  options: { evidence: EvidenceSettings; passwordHash: string },
): Promise<TermSummary | null> {
  const db = ctx.dbh.db;
  const [existing] = await db
    .select({ id: rounds.id })
    .from(rounds)
    .where(eq(rounds.name, cityTermRoundName));
  if (existing) return null;
  const today = chinaDay(ctx.clock.now());
  const rng = seededRandom(2024);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const showcase = await showcaseOrgs(t);
    const units = await loadUnits(t);
    const plans = [];
    for (const spec of termRoundSpecs(today, showcase)) {
      plans.push({ spec, pairs: spec.plan(await loadVillages(t, spec.districts), units, rng) });
    }
    const planned = plans.flatMap((p) => p.pairs);
    const towns = await t
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(inArray(orgs.id, [...new Set(planned.map((p) => p.village.townId))]));
    const accountOf = await ensureAccounts(
      t,
      options.passwordHash,
      accountsWanted(planned, new Map(towns.map((o) => [o.id, o.name]))),
    );
    const pairings = await signPairings(t, rng, plans, accountOf);
    const rosters = await seedRosters(t, rng, pairings, today);

    const rows: RecordRow[] = [];
    pairings.forEach((pairing, i) => {
      const isShowcase =
        pairing.unit.id === showcase?.unitId && pairing.village.id === showcase.villageId;
      const profile = isShowcase ? showcaseProfile : profileOf(rng, pairing, today);
      const records: Array<PlannedRecord & { state?: ForcedState }> = [
        ...plannedRecords(rng, pairing, rosters[i], profile, today),
        ...(isShowcase ? recentRecords(rng, pairing, rosters[i], today) : []),
      ];
      for (const r of records) rows.push(lifecycle(rng, r, pairing, today, r.state));
    });
    // Ids follow the order things were entered in.
    rows.sort((a, b) => +a.enteredAt - +b.enteredAt || a.pairingId - b.pairingId);
    const byId = new Map(pairings.map((p) => [p.id, p]));
    const photos = await seedPhotos(rng, rows, pairings, showcase, options.evidence, today);
    const ids = await insertInChunks(t, ledgerRecords, rows);
    const photoCount = await photos.insert(t, ids);
    const fundUses = await seedFundUses(
      t,
      rng,
      rows.flatMap((row, i) =>
        row.type === 'fund' ? [{ id: ids[i], row, pairing: byId.get(row.pairingId)! }] : [],
      ),
      today,
    );
    const smallCompanies = new Set(showcase ? [showcase.unitId] : []);
    const profits = await seedUnitProfits(t, rng, pairings, today, smallCompanies);
    const summary = {
      pairings: pairings.length,
      records: rows.length,
      photos: photoCount,
      fundUses,
      profits,
    };
    const [city] = await t
      .select({ path: orgs.path })
      .from(orgs)
      .where(eq(orgs.code, '310100000000'));
    await recordAudit(t, null, {
      action: 'demo.term',
      entity: 'demo',
      scopePath: city.path,
      after: summary,
    });
    await refreshCompliance(
      t,
      pairings.map((p) => p.id),
      today,
    );
    return summary;
  });
}
