// The allocation module's operations, for its routes and for other modules.
export { checkRun, createRun } from './runs.ts';
export { getRunView, listRuns } from './view.ts';
export { removePair, setPairLock, swapCandidates, swapPair } from './review.ts';
export { publishRun, type CreateAllocatedIntention } from './publish.ts';
export { getPreferences, getSettings, putSettings, setPreferences } from './config.ts';
