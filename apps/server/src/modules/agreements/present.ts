// How an agreement leaves the server: for the caller (its side, its abilities, phones masked
// unless it is a party) or for the public.
import {
  agreementActions,
  type AgreementContent,
  type AgreementSummary,
  type AgreementView,
  type PublicCommitment,
} from '@pairing/shared';
import { abilitiesOn } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { can, sideOf } from './policy.ts';
import { subjectOf, type LoadedAgreement } from './row.ts';
import { signingIssues } from './rules.ts';

export function summary(scope: Scope, row: LoadedAgreement): AgreementSummary {
  const a = row.agreement;
  return {
    id: a.id,
    roundId: a.roundId,
    intentionId: a.intentionId,
    amendsId: a.amendsId,
    packId: a.packId,
    status: a.status,
    closedReason: a.closedReason,
    pen: a.pen,
    version: a.version,
    mySide: sideOf(scope, row),
    urbanOrg: { id: a.urbanOrgId, name: row.urbanName },
    ruralOrg: { id: a.ruralOrgId, name: row.ruralName, weakVillage: row.weakVillage },
    termStart: a.termStart,
    termEnd: a.termEnd,
    urbanSignature: signature(a.urbanSignedAt, row.urbanSignerName),
    ruralSignature: signature(a.ruralSignedAt, row.ruralSignerName),
    signedAt: a.signedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
    abilities: abilitiesOn(can, scope, agreementActions, subjectOf(row)),
  };
}

/** One agreement with its text, as its read and every write on it answer. */
export function view(scope: Scope, row: LoadedAgreement): AgreementView {
  return {
    ...summary(scope, row),
    content: contentFor(scope, row, row.agreement.content),
    signingIssues: signingIssues(row),
  };
}

function signature(at: Date | null, name: string | null) {
  return at ? { at: at.toISOString(), name: name ?? '' } : null;
}

function maskPhone(phone: string) {
  return phone.length > 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone ? '****' : '';
}

/** A text of the agreement `row` (current or an earlier version) as the caller may read it. */
export function contentFor(
  scope: Scope,
  row: LoadedAgreement,
  content: AgreementContent,
): AgreementContent {
  if (can(scope, 'readContacts', subjectOf(row))) return content;
  const { urban, rural } = content.contacts;
  return {
    ...content,
    contacts: {
      urban: { ...urban, phone: maskPhone(urban.phone) },
      rural: { ...rural, phone: maskPhone(rural.phone) },
    },
  };
}

/** 公开承诺 of a signed agreement: the commitments and plans, no contacts. */
export function commitment(row: LoadedAgreement): PublicCommitment {
  const a = row.agreement;
  return {
    id: a.id,
    roundId: a.roundId,
    amendsId: a.amendsId,
    urbanOrg: { id: a.urbanOrgId, name: row.urbanName },
    ruralOrg: { id: a.ruralOrgId, name: row.ruralName, weakVillage: row.weakVillage },
    termStart: a.termStart,
    termEnd: a.termEnd,
    signedAt: a.signedAt!.toISOString(),
    commitments: a.content.commitments,
    projects: a.content.projects,
    yearlyFunds: a.content.yearlyFunds,
    visitPlan: a.content.visitPlan,
  };
}
