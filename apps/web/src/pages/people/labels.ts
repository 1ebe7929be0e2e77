import type { Gender, PersonKind, PersonTag } from '@pairing/shared';
import type { Translate } from '../../i18n/index.tsx';

export const kindLabel = (t: Translate, kind: PersonKind) => t(`people.kind.${kind}`);
export const genderLabel = (t: Translate, gender: Gender) => t(`people.gender.${gender}`);
export const tagLabel = (t: Translate, tag: PersonTag) => t(`people.tag.${tag}`);
