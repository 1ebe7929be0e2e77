import type { OrgKind } from '@pairing/shared';
import { enumLabel, type Translate } from '../../i18n/index.tsx';

/** Kinds a directory user filters by, in the order the hierarchy reads. */
export const directoryKinds: OrgKind[] = [
  'district',
  'town',
  'village',
  'community',
  'working_committee',
  'urban_unit',
];

export const kindOptions = (t: Translate) =>
  directoryKinds.map((kind) => ({ value: kind, label: enumLabel(t, 'kind', kind) }));

export const yesNoOptions = (t: Translate, yes: string, no: string) => [
  { value: 'true', label: yes },
  { value: 'false', label: no },
];

export const kindColor: Partial<Record<OrgKind, string>> = {
  district: 'geekblue',
  town: 'cyan',
  village: 'green',
  community: 'purple',
  working_committee: 'magenta',
  urban_unit: 'orange',
};
