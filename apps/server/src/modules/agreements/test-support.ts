// Test fixtures for agreements: a round in a given state with one accepted intention and its draft.
import type { AgreementContent, RoundState } from '@pairing/shared';
import type { TestEnv } from '../../../test/harness.ts';
import type { ScenarioOrg } from '../../../test/scenario.ts';
import { intentions } from '../intentions/schema.ts';
import { rounds } from '../rounds/schema.ts';
import { createDraftAgreement } from './commands/create-draft.ts';

export type PairOptions = {
  city: ScenarioOrg;
  urban: ScenarioOrg;
  rural: ScenarioOrg;
  state?: RoundState;
  packId?: string;
  signingDeadline?: string;
  termEnd?: string;
};

let roundNo = 0;

/** A fresh round (so the same pair can be used again) with an accepted intention and its draft. */
export async function openPair(env: TestEnv, options: PairOptions) {
  const db = env.dbh.db;
  const [round] = await db
    .insert(rounds)
    .values({
      orgId: options.city.id,
      scopePath: options.city.path,
      name: `测试轮次 ${++roundNo}`,
      periodStart: '2010-04-01',
      periodEnd: '2013-07-31',
      policyPackId: options.packId ?? 'sh-2010',
      intentionDeadline: '2010-04-30',
      signingDeadline: options.signingDeadline ?? '2010-07-01',
      termEnd: options.termEnd ?? '2013-07-31',
      villageCap: 2,
      state: options.state ?? 'signing',
    })
    .returning();
  const [intention] = await db
    .insert(intentions)
    .values({
      roundId: round.id,
      urbanOrgId: options.urban.id,
      ruralOrgId: options.rural.id,
      state: 'accepted',
      provinceCode: options.rural.provinceCode,
      submittedAt: env.clock.now(),
      decidedAt: env.clock.now(),
    })
    .returning();
  const { agreementId } = await db.transaction((tx) =>
    createDraftAgreement(tx, { intentionId: intention.id }),
  );
  return { roundId: round.id, intentionId: intention.id, agreementId };
}

export const checkableProject = (year: number): AgreementContent['projects'][number] => ({
  title: '村级活动室改造',
  target: '改造村党员活动室，满足党员学习和村民议事需要',
  budget: 60_000,
  year,
  indicator: { description: '活动室建成并通过镇验收', quantity: 120, unit: '平方米' },
});

/** The same content with one checkable project and the given yearly amount in every year. */
export function signable(content: AgreementContent, amount?: number): AgreementContent {
  return {
    ...content,
    projects: [checkableProject(content.yearlyFunds[0].year)],
    yearlyFunds: content.yearlyFunds.map((f) => ({ year: f.year, amount: amount ?? f.amount })),
  };
}
