import type {
  AllocationCandidate,
  AllocationPair,
  AllocationPublished,
  AllocationRun,
  AllocationRunView,
} from '@pairing/shared';
import { api } from '../../api/client.ts';

/** Shapes of the allocation routes (docs/allocation.md), declared by the server in packages/shared. */
export type {
  AllocationCandidate as Candidate,
  AllocationDistrictTotals as DistrictTotals,
  AllocationPairStatus as PairStatus,
  AllocationPairView as Pair,
  AllocationReason as Reason,
  AllocationRun as Run,
  AllocationRunStatus as RunStatus,
  AllocationRunView as RunView,
  AllocationUncovered as Uncovered,
  AllocationUncoveredCode as UncoveredCode,
} from '@pairing/shared';

const base = (roundId: number) => `/api/rounds/${roundId}/allocation`;

export const allocationApi = {
  runs: (roundId: number) => api.get<{ items: AllocationRun[] }>(`${base(roundId)}/runs`),
  view: (roundId: number, runId: number) =>
    api.get<AllocationRunView>(`${base(roundId)}/runs/${runId}`),
  run: (roundId: number) => api.post<AllocationRunView>(`${base(roundId)}/runs`),
  rerun: (roundId: number, runId: number) =>
    api.post<AllocationRunView>(`${base(roundId)}/runs/${runId}/rerun`),
  publish: (roundId: number, runId: number) =>
    api.post<AllocationPublished>(`${base(roundId)}/runs/${runId}/publish`),
  lock: (roundId: number, runId: number, pairId: number, locked: boolean) =>
    api.post<{ pair: AllocationPair }>(`${base(roundId)}/runs/${runId}/pairs/${pairId}/lock`, {
      locked,
    }),
  remove: (roundId: number, runId: number, pairId: number) =>
    api.post<{ pair: AllocationPair }>(`${base(roundId)}/runs/${runId}/pairs/${pairId}/remove`),
  candidates: (roundId: number, runId: number, pairId: number) =>
    api.get<{ items: AllocationCandidate[] }>(
      `${base(roundId)}/runs/${runId}/pairs/${pairId}/candidates`,
    ),
  swap: (roundId: number, runId: number, pairId: number, urbanOrgId: number) =>
    api.post<{ pair: AllocationPair }>(`${base(roundId)}/runs/${runId}/pairs/${pairId}/swap`, {
      urbanOrgId,
    }),
};
