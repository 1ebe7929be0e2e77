/** A result held in typed arrays, indices into the instance's id lists. */
export type CompactResult = {
  assignmentUnit: Int32Array;
  assignmentTarget: Int32Array;
  assignmentCost: Float64Array;
  assignmentFixed: Uint8Array;
  uncoveredTarget: Int32Array;
  uncoveredMissing: Float64Array;
  /** 0: no eligible unit, 1: eligible units exhausted. */
  uncoveredReason: Uint8Array;
  covered: number;
  totalCost: number;
};

export const REASONS = ['no_eligible_unit', 'eligible_units_exhausted'] as const;
