import type { SQL } from 'drizzle-orm';

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
