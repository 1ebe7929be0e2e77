// Field-level differences between two versions of an agreement's text.
import microdiff from 'microdiff';
import type { AgreementContent, ContentChange } from '@pairing/shared';

const types = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

export function diffContent(before: AgreementContent, after: AgreementContent): ContentChange[] {
  return microdiff(before, after).map((d) => ({
    type: types[d.type],
    path: d.path.join('.'),
    ...('oldValue' in d ? { before: d.oldValue } : {}),
    ...('value' in d ? { after: d.value } : {}),
  }));
}
