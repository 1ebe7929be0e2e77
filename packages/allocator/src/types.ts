/** A rural target (village or town) that must receive `demand` distinct pairing units. */
export type Target = { id: string; demand: number; minBudget?: number };

/** An urban pairing unit that can serve at most `capacity` targets. */
export type Unit = { id: string; capacity: number; budget: number };

/** A permitted pairing with its cost; usable only if the unit's budget reaches the target's minBudget. */
export type Edge = { unit: string; target: string; cost: number };

/** A pair that must be kept whatever its cost. */
export type FixedPair = { unit: string; target: string };

export type Instance = {
  targets: Target[];
  units: Unit[];
  edges: Edge[];
  fixed?: FixedPair[];
};

export type Assignment = { unit: string; target: string; cost: number; fixed: boolean };

export type UncoveredReason = 'no_eligible_unit' | 'eligible_units_exhausted';

export type Uncovered = { target: string; missing: number; reason: UncoveredReason };

export type Result = {
  assignments: Assignment[];
  uncovered: Uncovered[];
  covered: number;
  totalCost: number;
  stats: { millis: number };
};

export type AllocateOptions = {
  /** Receives the min-cost-flow network in DIMACS "min" format, one chunk of lines at a time. */
  dimacs?: (chunk: string) => void;
};
