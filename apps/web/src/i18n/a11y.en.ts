import type { a11yZhCN } from './a11y.zh-CN.ts';

/** English names for screen readers of controls that show no label of their own; merged into en.ts. */
export const a11yEn: Record<keyof typeof a11yZhCN, string> = {
  'a11y.commitmentSide': 'Committing side',
  'a11y.commitmentText': 'Commitment',
  'a11y.fundsOfYear': 'Assistance funds for {year} (yuan)',
  'a11y.visitsOfYear': 'Leader visits in {year}',
  'a11y.visitNoteOfYear': 'Note on the visits in {year}',
  'a11y.delete': 'Delete',
  'a11y.versionFrom': 'Earlier version compared',
  'a11y.versionTo': 'Later version compared',
  'a11y.ruleStatus': 'Completion',
};
