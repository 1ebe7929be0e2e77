// The rounds in force with their accepted intentions, places and agreements signed by both sides
// before the signing deadline: each agreement is a pairing (agreements' `pairing_agreements`).
import type { AgreementContent } from '@pairing/shared';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreements, agreementVersions } from '../agreements/schema.ts';
import { intentions, roundSlots, roundUnitLoads } from '../intentions/schema.ts';
import { orgs } from '../orgs/schema.ts';
import { rounds } from '../rounds/schema.ts';
import { defaultVillageCap } from '../rounds/service.ts';
import { insertInChunks, insertRows } from './bulk.ts';
import { addDays, chinaTime, daysBetween } from './days.ts';
import type { seededRandom } from './rng.ts';
import { agreementContent } from './term-agreement.ts';
import type { PlannedPair } from './term-pairs.ts';
import type { TermRoundSpec } from './term-rounds.ts';

type Rng = ReturnType<typeof seededRandom>;

export type DemoPairing = PlannedPair & {
  id: number;
  roundId: number;
  spec: TermRoundSpec;
  termStart: string;
  termEnd: string;
  content: AgreementContent;
  urbanUser: number;
  ruralUser: number;
  townUser: number;
};

export type AccountOf = (
  role: 'unit_admin' | 'village_admin' | 'town_admin',
  orgId: number,
) => number;

/** A day in [from, to], drawn by the generator. */
const dayIn = (rng: Rng, from: string, to: string) =>
  addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));

export async function signPairings(
  db: Db,
  rng: Rng,
  plans: Array<{ spec: TermRoundSpec; pairs: PlannedPair[] }>,
  accountOf: AccountOf,
): Promise<DemoPairing[]> {
  const runners = await db
    .select({ id: orgs.id, code: orgs.code, path: orgs.path })
    .from(orgs)
    .where(
      inArray(
        orgs.code,
        plans.map((p) => p.spec.orgCode),
      ),
    );
  const roundIds = await insertInChunks(
    db,
    rounds,
    plans.map(({ spec }) => {
      const runner = runners.find((o) => o.code === spec.orgCode)!;
      return {
        orgId: runner.id,
        scopePath: runner.path,
        name: spec.name,
        periodStart: spec.periodStart,
        periodEnd: spec.termEnd,
        policyPackId: spec.packId,
        intentionDeadline: spec.intentionDeadline,
        signingDeadline: spec.signingDeadline,
        termEnd: spec.termEnd,
        villageCap: defaultVillageCap,
        state: 'in_force' as const,
      };
    }),
  );
  const all = plans.flatMap(({ spec, pairs }, r) =>
    pairs.map((pair) => ({ spec, pair, roundId: roundIds[r] })),
  );
  const decided = all.map(({ spec }) => {
    const submitted = dayIn(rng, spec.periodStart, addDays(spec.intentionDeadline, -8));
    return { submitted, accepted: addDays(submitted, rng.int(1, 7)) };
  });
  const intentionIds = await insertInChunks(
    db,
    intentions,
    all.map(({ pair, roundId }, i) => ({
      roundId,
      urbanOrgId: pair.unit.id,
      ruralOrgId: pair.village.id,
      state: 'accepted' as const,
      source: 'selection' as const,
      provinceCode: pair.village.provinceCode,
      submittedBy: accountOf('unit_admin', pair.unit.id),
      submittedAt: chinaTime(decided[i].submitted, rng.int(9, 17), rng.int(0, 59)),
      decidedBy: accountOf('village_admin', pair.village.id),
      decidedAt: chinaTime(decided[i].accepted, rng.int(9, 17), rng.int(0, 59)),
    })),
  );
  await insertRows(
    db,
    roundSlots,
    all.map(({ pair, roundId }) => ({ roundId, ruralOrgId: pair.village.id, taken: 1 })),
  );
  const loads = new Map<string, { roundId: number; urbanOrgId: number; taken: number }>();
  for (const { pair, roundId } of all) {
    const load = loads.get(`${roundId}:${pair.unit.id}`) ?? {
      roundId,
      urbanOrgId: pair.unit.id,
      taken: 0,
    };
    load.taken += 1;
    loads.set(`${roundId}:${pair.unit.id}`, load);
  }
  await insertRows(db, roundUnitLoads, [...loads.values()]);

  const signed = all.map(({ spec, pair, roundId }, i) => {
    const termStart = spec.signingDeadline;
    const content = agreementContent(rng, spec.packId, termStart, spec.termEnd, pair);
    const urbanDay = dayIn(rng, addDays(decided[i].accepted, 10), addDays(termStart, -6));
    const ruralDay = addDays(urbanDay, rng.int(1, 5));
    return {
      spec,
      pair,
      roundId,
      termStart,
      content,
      urbanAt: chinaTime(urbanDay, rng.int(9, 11), rng.int(0, 59)),
      ruralAt: chinaTime(ruralDay, rng.int(14, 17), rng.int(0, 59)),
    };
  });
  const agreementIds = await insertInChunks(
    db,
    agreements,
    signed.map((s, i) => ({
      roundId: s.roundId,
      intentionId: intentionIds[i],
      packId: s.spec.packId,
      urbanOrgId: s.pair.unit.id,
      ruralOrgId: s.pair.village.id,
      provinceCode: s.pair.village.provinceCode,
      termStart: s.termStart,
      termEnd: s.spec.termEnd,
      status: 'signed' as const,
      pen: 'rural' as const,
      version: 2,
      content: s.content,
      urbanSignedAt: s.urbanAt,
      urbanSignedBy: accountOf('unit_admin', s.pair.unit.id),
      ruralSignedAt: s.ruralAt,
      ruralSignedBy: accountOf('village_admin', s.pair.village.id),
      signedAt: s.ruralAt,
      createdAt: chinaTime(decided[i].accepted, 18),
      updatedAt: s.ruralAt,
    })),
  );
  // Version 1 is the template as drafted on acceptance, version 2 the text the unit completed.
  await insertRows(
    db,
    agreementVersions,
    signed.flatMap((s, i) => [
      {
        agreementId: agreementIds[i],
        version: 1,
        side: null,
        content: { ...s.content, projects: [] },
        editedAt: chinaTime(decided[i].accepted, 18),
      },
      {
        agreementId: agreementIds[i],
        version: 2,
        side: 'urban' as const,
        content: s.content,
        editedBy: accountOf('unit_admin', s.pair.unit.id),
        editedAt: s.urbanAt,
      },
    ]),
  );
  return signed.map((s, i) => ({
    ...s.pair,
    id: agreementIds[i],
    roundId: s.roundId,
    spec: s.spec,
    termStart: s.termStart,
    termEnd: s.spec.termEnd,
    content: s.content,
    urbanUser: accountOf('unit_admin', s.pair.unit.id),
    ruralUser: accountOf('village_admin', s.pair.village.id),
    townUser: accountOf('town_admin', s.pair.village.townId),
  }));
}
