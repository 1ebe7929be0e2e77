/** Shapes of the agreement routes (docs/agreements.md). */
export type Side = 'urban' | 'rural';

export type Indicator = { description: string; quantity: number; unit: string };

export type AgreementContent = {
  commitments: Array<{ side: Side; text: string }>;
  projects: Array<{
    title: string;
    target: string;
    budget: number;
    year: number;
    indicator: Indicator | null;
  }>;
  yearlyFunds: Array<{ year: number; amount: number }>;
  visitPlan: Array<{ year: number; leadVisits: number; note: string }>;
  contacts: Record<Side, { name: string; title: string; phone: string }>;
};

export type Signature = { at: string; name: string } | null;

export type AgreementSummary = {
  id: number;
  roundId: number;
  intentionId: number;
  amendsId: number | null;
  packId: string;
  status: 'draft' | 'signed';
  pen: Side;
  version: number;
  mySide: Side | null;
  urbanOrg: { id: number; name: string };
  ruralOrg: { id: number; name: string; weakVillage: boolean };
  termStart: string;
  termEnd: string;
  urbanSignature: Signature;
  ruralSignature: Signature;
  signedAt: string | null;
  updatedAt: string;
};

export type SigningIssue = {
  ruleId: string;
  path: string;
  required: number;
  actual: number;
  year?: number;
};

export type Agreement = AgreementSummary & {
  content: AgreementContent;
  signingIssues: SigningIssue[];
};

export type AgreementVersion = {
  version: number;
  side: Side;
  content: AgreementContent;
  editedBy: string | null;
  editedAt: string;
};

export type Change = {
  type: 'added' | 'removed' | 'changed';
  path: string;
  before?: unknown;
  after?: unknown;
};

export type Commitment = {
  id: number;
  roundId: number;
  amendsId: number | null;
  urbanOrg: { id: number; name: string };
  ruralOrg: { id: number; name: string; weakVillage: boolean };
  termStart: string;
  termEnd: string;
  signedAt: string;
  commitments: AgreementContent['commitments'];
  projects: AgreementContent['projects'];
  yearlyFunds: AgreementContent['yearlyFunds'];
  visitPlan: AgreementContent['visitPlan'];
};
