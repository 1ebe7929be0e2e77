import type { Db } from '../../db/client.ts';
import type { Scope } from '../../lib/scope.ts';

/**
 * What the intentions module needs of the agreements module, owned here so that intentions import
 * nothing of it (no cycle): the app wires the agreements module's function in (modules/index.ts).
 */
export type IntentionPorts = {
  /** The draft agreement of an accepted intention, inside the acceptance's transaction. */
  draftAgreement: (
    tx: Db,
    input: { intentionId: number; actor: Scope },
  ) => Promise<{ agreementId: number }>;
};
