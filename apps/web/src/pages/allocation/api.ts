import { api } from '../../api/client.ts';

export type Reason = { code: string; label: string; delta: number };
export type PairStatus = 'proposed' | 'locked' | 'removed';
export type UncoveredCode = 'no_eligible_unit' | 'eligible_units_exhausted' | 'removed';

export type Pair = {
  id: number;
  status: PairStatus;
  fixed: boolean;
  cost: number;
  reasons: Reason[];
  reasonText: string;
  urbanOrgId: number;
  urbanOrgName: string;
  ruralOrgId: number;
  ruralOrgName: string;
  ruralOrgCode: string | null;
  weakVillage: boolean;
  districtId: number | null;
  districtName: string | null;
  swappedFromName: string | null;
  intentionId: number | null;
};

export type Uncovered = {
  ruralOrgId: number;
  ruralOrgName: string;
  ruralOrgCode: string | null;
  weakVillage: boolean;
  districtName: string | null;
  missing: number;
  reason: UncoveredCode;
};

export type DistrictTotals = {
  districtId: number | null;
  name: string;
  targets: number;
  satisfied: number;
  proposed: number;
  uncovered: number;
};

export type RunStatus = 'proposed' | 'superseded' | 'published';
export type Run = {
  id: number;
  roundId: number;
  status: RunStatus;
  createdAt: string;
  stats: { places: number; covered: number; totalCost: number; millis: number };
};

export type RunView = {
  run: Run;
  pairs: Pair[];
  uncovered: Uncovered[];
  districts: DistrictTotals[];
};

export type Candidate = {
  urbanOrgId: number;
  urbanOrgName: string;
  cost: number;
  reasonText: string;
};

const base = (roundId: number) => `/api/rounds/${roundId}/allocation`;

export const allocationApi = {
  runs: (roundId: number) => api.get<{ items: Run[] }>(`${base(roundId)}/runs`),
  view: (roundId: number, runId: number) => api.get<RunView>(`${base(roundId)}/runs/${runId}`),
  run: (roundId: number) => api.post<RunView>(`${base(roundId)}/runs`),
  rerun: (roundId: number, runId: number) =>
    api.post<RunView>(`${base(roundId)}/runs/${runId}/rerun`),
  publish: (roundId: number, runId: number) =>
    api.post<{ created: number }>(`${base(roundId)}/runs/${runId}/publish`),
  lock: (roundId: number, runId: number, pairId: number, locked: boolean) =>
    api.post(`${base(roundId)}/runs/${runId}/pairs/${pairId}/lock`, { locked }),
  remove: (roundId: number, runId: number, pairId: number) =>
    api.post(`${base(roundId)}/runs/${runId}/pairs/${pairId}/remove`),
  candidates: (roundId: number, runId: number, pairId: number) =>
    api.get<{ items: Candidate[] }>(`${base(roundId)}/runs/${runId}/pairs/${pairId}/candidates`),
  swap: (roundId: number, runId: number, pairId: number, urbanOrgId: number) =>
    api.post(`${base(roundId)}/runs/${runId}/pairs/${pairId}/swap`, { urbanOrgId }),
};
