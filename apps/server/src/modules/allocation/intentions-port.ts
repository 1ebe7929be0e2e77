// What allocation uses of the intentions module, in one place: the round's intentions (they hold
// places and block pairs) and the creation of an allocated intention when a run is published.
// The dependency runs one way: the intentions module knows nothing of allocation.
export { createAllocatedIntention } from '../intentions/commands/allocated.ts';
export { listIntentions } from '../intentions/queries.ts';
