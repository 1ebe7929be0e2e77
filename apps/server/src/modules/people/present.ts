// A person as the registry's pages show him: masked numbers (read.ts), the note, the linked
// account and what the caller may do with him.
import { personActions, type PersonTag, type PersonView } from '@pairing/shared';
import { abilitiesOn } from '../../lib/policy.ts';
import type { Keyring } from '../../lib/personal-crypto.ts';
import type { Scope } from '../../lib/scope.ts';
import type { ViewRow } from './access.ts';
import { can, type PeopleAction } from './policy.ts';
import { presentPerson } from './read.ts';

const actionOf: Record<(typeof personActions)[number], PeopleAction> = {
  update: 'write',
  reveal: 'reveal',
  linkAccount: 'linkAccount',
};

export function presentView(keyring: Keyring, scope: Scope, row: ViewRow): PersonView {
  const { note, userId, userName, homePath, secondPath, ...summary } = row;
  const subject = { homePath, secondPath };
  const allowed = abilitiesOn(can, scope, Object.values(actionOf), subject);
  return {
    ...presentPerson(keyring, { ...summary, tags: summary.tags as PersonTag[] }),
    note,
    userId,
    userName,
    abilities: {
      update: allowed.write,
      reveal: allowed.reveal,
      linkAccount: allowed.linkAccount,
    },
  };
}
