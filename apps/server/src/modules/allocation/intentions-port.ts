import type { CreateAllocatedIntention } from './publish.ts';

// Publishing turns proposed pairs into intentions through the intentions module's service. That
// module does not yet offer an intention of source `allocation` (docs/allocation.md "Open
// requests"); until it does, this is undefined and publishing answers 409 publish_unavailable.
export const createAllocatedIntention: CreateAllocatedIntention | undefined = undefined;
