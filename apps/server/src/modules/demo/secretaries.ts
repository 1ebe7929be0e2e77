// Village secretaries of the demo's two Jinshan towns (朱泾镇, 枫泾镇; R-SECRETARY-PAY): each
// village's secretary in office with last year's 双百分 assessment for most, and in a few villages
// a predecessor who left office with the allowance computed. Amounts come from the policy.
import {
  assessSecretaryYear,
  departureAllowance,
  documentPayParameters,
  serviceOf,
  type PointsLine,
} from '@pairing/policy';
import { idNumberCheckChar, type PointsLineInput } from '@pairing/shared';
import { and, eq, inArray, like } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { blindIndex, keyringOf, seal, type Keyring } from '../../lib/personal-crypto.ts';
import { orgs } from '../orgs/schema.ts';
import { persons } from '../people/schema.ts';
import { chinaDay } from '../rounds/dates.ts';
import { secretaryAssessments, secretaryTerms } from '../secretaries/schema.ts';
import { seededRandom } from './rng.ts';
import { personName } from './term-agreement.ts';

type Rng = ReturnType<typeof seededRandom>;

const towns = ['310116101000', '310116102000'];

const reasons: Array<PointsLineInput> = [
  { part: 'partyBuilding', kind: 'gain', points: 5, reason: '党员活动室规范化建设达标' },
  { part: 'partyBuilding', kind: 'gain', points: 3, reason: '“六个一”活动全部完成' },
  { part: 'development', kind: 'gain', points: 6, reason: '村集体经济收入增长超过 10%' },
  { part: 'development', kind: 'gain', points: 2, reason: '引进特色农业合作社一家' },
  { part: 'partyBuilding', kind: 'loss', points: 2, reason: '季度报告迟报一次' },
  { part: 'development', kind: 'loss', points: 3, reason: '村务公开未按月更新' },
];

/** A valid, fictitious Jinshan ID number (GB 11643 check digit) for the n-th demo secretary. */
function idNumberOf(rng: Rng, n: number) {
  const birth = `${rng.int(1962, 1985)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `310116${birth}${String(500 + n).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

async function insertSecretary(db: Db, keyring: Keyring, rng: Rng, village: Org, n: number) {
  const idNumber = idNumberOf(rng, n);
  const [person] = await db
    .insert(persons)
    .values({
      orgId: village.id,
      provinceCode: village.provinceCode,
      kind: 'member',
      name: personName(rng),
      gender: rng.next() < 0.8 ? 'male' : 'female',
      birthYear: Number(idNumber.slice(6, 10)),
      idNumberSealed: seal(keyring, idNumber),
      idNumberIndex: blindIndex(keyring, idNumber),
      phoneSealed: seal(keyring, `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`),
      keyId: keyring.currentId,
      tags: ['villageSecretary'],
    })
    .returning({ id: persons.id });
  return person.id;
}

type Org = typeof orgs.$inferSelect;

/** Seed the secretaries once (with the demo city); answers how many terms it recorded. */
export async function seedDemoSecretaries(ctx: Pick<AppContext, 'dbh' | 'clock' | 'config'>) {
  const db = ctx.dbh.db;
  const keyring = keyringOf(ctx.config);
  const today = chinaDay(ctx.clock.now());
  const lastYear = Number(today.slice(0, 4)) - 1;
  const rng = seededRandom(1405);
  const townRows = await db.select().from(orgs).where(inArray(orgs.code, towns));
  let terms = 0;
  for (const town of townRows) {
    const villages = await db
      .select()
      .from(orgs)
      .where(and(eq(orgs.kind, 'village'), like(orgs.path, `${town.path}%`)))
      .orderBy(orgs.code);
    for (const [i, village] of villages.entries()) {
      const base = rng.int(18, 24) * 1000;
      let from = `${rng.int(2012, 2022)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
      if (from > today) from = `${lastYear}-01-01`;
      // Every fourth village had a predecessor who left office the day before.
      if (i % 4 === 0) {
        const predecessor = await insertSecretary(db, keyring, rng, village, ++terms);
        const start = `${Number(from.slice(0, 4)) - rng.int(4, 14)}${from.slice(4)}`;
        const end = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000)
          .toISOString()
          .slice(0, 10);
        const service = serviceOf([{ from: start, to: end }]);
        const allowance = departureAllowance(
          service,
          { ownBaseSubsidyPerYear: base - 1000, currentBaseSubsidyPerYear: base - 1000 },
          documentPayParameters,
        );
        await db.insert(secretaryTerms).values({
          personId: predecessor,
          villageId: village.id,
          provinceCode: village.provinceCode,
          fromDate: start,
          toDate: end,
          baseSubsidyPerYear: base - 1000,
          allowance: {
            kind: allowance.kind,
            amount: allowance.amount,
            firstYearAmount: allowance.kind === 'yearly' ? allowance.firstYearAmount : null,
            countedHalfYears: allowance.kind === 'oneOff' ? allowance.countedHalfYears : null,
            continuousFrom: service.continuousFrom,
            continuous: service.continuous,
            cumulative: service.cumulative,
            ownBaseSubsidyPerYear: base - 1000,
            currentBaseSubsidyPerYear: base - 1000,
            parameters: documentPayParameters,
            parametersFromYear: null,
          },
        });
      }
      const personId = await insertSecretary(db, keyring, rng, village, ++terms);
      await db.insert(secretaryTerms).values({
        personId,
        villageId: village.id,
        provinceCode: village.provinceCode,
        fromDate: from,
        baseSubsidyPerYear: base,
      });
      // Most villages were assessed last year; the rest are the towns' work still to do.
      if (rng.next() < 0.25 || from > `${lastYear}-12-31`) continue;
      const lines = rng.shuffle(reasons).slice(0, rng.int(1, 4));
      const figures = {
        year: lastYear,
        incomeCreated: rng.int(-2, 30) * 10_000,
        insurancePremiums: rng.int(40, 48) * 100,
      };
      const pay = assessSecretaryYear(
        {
          ...figures,
          terms: [{ from, to: null, baseSubsidyPerYear: base }],
          lines: lines as PointsLine[],
        },
        documentPayParameters,
      );
      await db.insert(secretaryAssessments).values({
        personId,
        villageId: village.id,
        provinceCode: village.provinceCode,
        ...figures,
        lines,
        pay,
        total: pay.total,
        parameters: documentPayParameters,
        parametersFromYear: null,
      });
    }
  }
  return terms;
}
