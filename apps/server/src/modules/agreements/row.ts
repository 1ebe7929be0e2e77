// An agreement as the queries load it (with its parties and signers), and what the policy asks
// of it.
import type { RoundState } from '@pairing/shared';
import type { AgreementSubject } from './policy.ts';
import type { agreements } from './schema.ts';

export type LoadedAgreement = {
  agreement: typeof agreements.$inferSelect;
  urbanName: string;
  urbanPath: string;
  ruralName: string;
  ruralPath: string;
  weakVillage: boolean;
  urbanSignerName: string | null;
  ruralSignerName: string | null;
  /** The round's stage: an agreement is signed in its signing stage (an amendment in force). */
  roundState: RoundState;
};

/** What the agreements policy asks of a loaded agreement. */
export const subjectOf = (row: LoadedAgreement): AgreementSubject => ({
  urbanPath: row.urbanPath,
  ruralPath: row.ruralPath,
  status: row.agreement.status,
  pen: row.agreement.pen,
  signed: {
    urban: row.agreement.urbanSignedAt !== null,
    rural: row.agreement.ruralSignedAt !== null,
  },
  roundState: row.roundState,
  amendment: row.agreement.amendsId !== null,
});
