/** Shapes of the agreement routes (docs/agreements.md), declared by the server in packages/shared. */
export type {
  AgreementContent,
  AgreementSide as Side,
  AgreementSignature as Signature,
  AgreementSummary,
  AgreementVersion,
  AgreementView as Agreement,
  ContentChange as Change,
  ProjectIndicator as Indicator,
  PublicCommitment as Commitment,
  SigningIssue,
} from '@pairing/shared';
