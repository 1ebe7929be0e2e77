// Field-level differences between two versions of an agreement's text.
import microdiff from 'microdiff';
import type { AgreementContent } from './content.ts';

export type Change = {
  type: 'added' | 'removed' | 'changed';
  /** Dotted path, e.g. `projects.0.budget`. */
  path: string;
  before?: unknown;
  after?: unknown;
};

const types = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

export function diffContent(before: AgreementContent, after: AgreementContent): Change[] {
  return microdiff(before, after).map((d) => ({
    type: types[d.type],
    path: d.path.join('.'),
    ...('oldValue' in d ? { before: d.oldValue } : {}),
    ...('value' in d ? { after: d.value } : {}),
  }));
}
