export { allocate, allocateCompact, compactInstance } from './allocate.ts';
export { InstanceError } from './instance-error.ts';
export { MAX_COST_BOUND } from './network.ts';
export type { CompactInstance } from './compact.ts';
export type { CompactResult } from './compact-result.ts';
export type * from './types.ts';
