import { roleRules, type Role } from '@pairing/shared';

// A notification is addressed to an organization, and every user acting for it reads it; but a
// role that cannot open the page a notification links to (a `member` and an agreement) is not
// shown it. Each kind names the module its page belongs to.
const modules: Record<string, 'intentions' | 'agreements' | 'rounds' | 'ledger'> = {
  'deadline.intention': 'intentions',
  'deadline.signing': 'agreements',
  'confirm.intention': 'intentions',
  'confirm.renewal': 'rounds',
  'confirm.agreement': 'agreements',
  'duty.due': 'ledger',
  'duty.missed': 'ledger',
};

/** The kinds of notification `role` is not shown. */
export const hiddenKinds = (role: Role) =>
  Object.entries(modules)
    .filter(([, module]) => !(roleRules[module].read as readonly Role[]).includes(role))
    .map(([kind]) => kind);
