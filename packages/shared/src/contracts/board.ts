import { z } from 'zod';
import { roundStates } from '../pairing-round.ts';

const coverage = z.object({ total: z.number(), covered: z.number() });
export type Coverage = z.infer<typeof coverage>;

/**
 * The public status board of a round (S1 §8, R-LIVE-STATUS): `GET /api/public/rounds/:id/board`
 * and each `board` event of its stream.
 */
export const board = z.object({
  roundId: z.number(),
  name: z.string(),
  state: z.enum(roundStates),
  intentions: z.object({ pending: z.number(), accepted: z.number() }),
  agreementsSigned: z.number(),
  coverage: z.array(
    z.object({
      districtId: z.number(),
      districtName: z.string(),
      towns: coverage,
      villages: coverage,
      weakVillages: coverage,
    }),
  ),
  totals: z.object({ towns: coverage, villages: coverage, weakVillages: coverage }),
  deadlines: z.array(
    z.object({
      key: z.enum(['intention', 'signing', 'term']),
      label: z.string(),
      date: z.string(),
      daysLeft: z.number(),
    }),
  ),
  computedAt: z.string(),
});
export type Board = z.infer<typeof board>;
export type DistrictCoverage = Board['coverage'][number];
