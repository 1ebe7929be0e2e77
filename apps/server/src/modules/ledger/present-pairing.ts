// How a pairing leaves the server: in the list (its parties, the stored compliance summary, open
// records, the caller's side and abilities) and as its archive (结对档案).
import {
  pairingActions,
  type AgreementContent,
  type ComplianceView,
  type PairingSummary,
  type PairingView,
  type RosterEntry,
} from '@pairing/shared';
import { abilitiesOn } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { can, ledgerSideOf } from './policy.ts';

export type PairingSummaryRow = {
  id: number;
  roundId: number;
  roundName: string;
  packId: string;
  termStart: string;
  termEnd: string;
  urbanOrgId: number;
  urbanName: string;
  urbanPath: string;
  ruralOrgId: number;
  ruralName: string;
  ruralPath: string;
  weakVillage: boolean;
  townId: number | null;
  townName: string | null;
  districtId: number | null;
  districtName: string | null;
  complianceAt: string | null;
  met: number | null;
  due: number | null;
  dueSoon: number | null;
  missed: number | null;
  late: number | null;
  openRecords: number;
};

export function presentPairingSummary(scope: Scope, row: PairingSummaryRow): PairingSummary {
  const parties = { urbanPath: row.urbanPath, ruralPath: row.ruralPath };
  const rural = { id: row.ruralOrgId, name: row.ruralName };
  return {
    id: row.id,
    roundId: row.roundId,
    roundName: row.roundName,
    packId: row.packId,
    termStart: row.termStart,
    termEnd: row.termEnd,
    urbanOrg: { id: row.urbanOrgId, name: row.urbanName },
    ruralOrg: { ...rural, weakVillage: row.weakVillage },
    town: row.townId !== null ? { id: row.townId, name: row.townName ?? '' } : rural,
    district:
      row.districtId !== null ? { id: row.districtId, name: row.districtName ?? '' } : rural,
    mySide: ledgerSideOf(scope, parties),
    compliance:
      row.complianceAt !== null
        ? {
            at: row.complianceAt,
            summary: {
              met: row.met ?? 0,
              due: row.due ?? 0,
              due_soon: row.dueSoon ?? 0,
              missed: row.missed ?? 0,
              late: row.late ?? 0,
            },
          }
        : null,
    openRecords: row.openRecords,
    abilities: abilitiesOn(can, scope, pairingActions, parties),
  };
}

export function presentPairingView(
  scope: Scope,
  row: PairingSummaryRow & {
    content: AgreementContent;
    responsibleDepartment: string | null;
    roster: RosterEntry[];
    status: ComplianceView | null;
  },
): PairingView {
  return {
    ...presentPairingSummary(scope, row),
    agreementId: row.id,
    responsibleDepartment: row.responsibleDepartment ?? '',
    roster: row.roster,
    projects: row.content.projects.map((p, index) => ({
      index,
      title: p.title,
      target: p.target,
      budget: p.budget,
      year: p.year,
      indicator: p.indicator,
    })),
    commitments: row.content.commitments.map((c) => ({ side: c.side, text: c.text })),
    status: row.status,
  };
}
