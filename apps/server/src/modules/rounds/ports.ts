import type { SQL } from 'drizzle-orm';
import type { UnfinishedKind } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../lib/scope.ts';

/**
 * What rounds asks of the intentions module's tables (quotas' progress, the public directory).
 * The port is the consumer's: intentions depends on rounds, so rounds never imports intentions;
 * the modules index hands the intentions module's answer in (intentions/read-for-rounds.ts).
 */
export type IntentionsReader = {
  /** The round's accepted intentions as a derived table (`urban_org_id`, `rural_org_id`). */
  acceptedPairs(roundId: number): SQL;
  /** Whether an accepted intention of the round covers the rural org `ruralOrgId` (R-COVERAGE). */
  coveredInRound(roundId: number, ruralOrgId: SQL): SQL;
  /** The places intentions hold per rural org, as a derived table (`rural_org_id`, `taken`). */
  takenPlaces(roundId: number): SQL;
};

/** How many objects of each kind a stage change would leave unfinished (rounds/transition.ts). */
export type StageCounts = Partial<Record<UnfinishedKind, number>>;

/** How many objects of each sort a stage change closed (the audit record keeps them). */
export type StageClosed = Partial<
  Record<'intentions' | 'allocatedIntentions' | 'renewals' | 'agreements' | 'amendments', number>
>;

/**
 * What a stage change asks of the modules that hold a round's work (intentions, renewals,
 * agreements): how much is unfinished, and closing the kinds whose outcome is `lapse` inside the
 * transition's transaction (answering how many it closed). Wired in the modules index
 * (agreements/stage-for-rounds.ts).
 */
export type StageWork = {
  unfinished(db: Db, round: { id: number; previousRoundId: number | null }): Promise<StageCounts>;
  lapse(
    tx: Db,
    scope: Scope,
    round: { id: number },
    kinds: readonly UnfinishedKind[],
    reason: string,
    now: Date,
  ): Promise<StageClosed>;
};
