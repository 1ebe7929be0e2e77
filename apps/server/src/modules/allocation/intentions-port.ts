// Publishing turns proposed pairs into intentions through the intentions module.
export { createAllocatedIntention } from '../intentions/commands/allocated.ts';
