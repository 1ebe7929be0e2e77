// What other modules call of the agreements module: the intentions module drafts the agreement
// of an accepted intention (commands/create-draft.ts).
export { createDraftAgreement, type CreateDraftInput } from './commands/create-draft.ts';
