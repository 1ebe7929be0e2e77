import { z } from 'zod';

const weight = (max: number) =>
  z.number().int('应为整数').min(0, '不能为负数').max(max, `不超过 ${max}`);

/**
 * The cost formula's weights and the pruning of one round (docs/allocation.md "Cost"). Every
 * field has a default, so a round without its own settings uses the documented formula.
 */
export const settingsSchema = z
  .object({
    /** Units each village should end with (R-COVERAGE asks for at least one). */
    requiredPerVillage: z
      .number()
      .int('应为整数')
      .min(1, '至少为 1')
      .max(20, '不超过 20')
      .default(1),
    /** Towns are targets too (a street pairing a town, DOMAIN.md "Pairing shapes"). */
    includeTowns: z.boolean().default(false),
    base: weight(10_000).default(200),
    /** Cost per kilometre between the unit's district and the village's district. */
    perKm: weight(100).default(1),
    /** Kilometres assumed when a district has no known centroid. */
    unknownKm: weight(500).default(60),
    maxKm: weight(1_000).default(120),
    districtPair: weight(10_000).default(40),
    perNeedMatch: weight(1_000).default(10),
    maxNeedMatches: weight(10).default(3),
    continuity: weight(10_000).default(30),
    /** Largest bonus for a weak village's unit, reached at `weakBudgetFullAt` yuan a year. */
    weakBudget: weight(10_000).default(20),
    weakBudgetFullAt: z
      .number()
      .int('应为整数')
      .min(1, '至少为 1')
      .max(1e10, '数值过大')
      .default(200_000),
    preference: weight(10_000).default(25),
    /** Candidate units kept per target (cheapest first). */
    topK: z.number().int('应为整数').min(1, '至少为 1').max(500, '不超过 500').default(40),
    /** Cheapest targets kept per unit, so no unit is left out by every target's top-k. */
    topPerUnit: z.number().int('应为整数').min(0, '不能为负数').max(100, '不超过 100').default(5),
    /** Times the candidate lists of short targets are doubled and the instance re-solved. */
    widenRounds: z.number().int('应为整数').min(0, '不能为负数').max(6, '不超过 6').default(3),
  })
  .strict();

export type AllocationSettings = z.infer<typeof settingsSchema>;

export const defaultSettings: AllocationSettings = settingsSchema.parse({});

/** Stored settings merged over the defaults (older rows may lack fields added later). */
export const readSettings = (stored: unknown): AllocationSettings =>
  settingsSchema.parse({ ...(stored as object | null) });
