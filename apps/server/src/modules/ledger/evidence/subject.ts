import type { EvidenceSubject } from './policy.ts';
import type { EvidenceRecord } from './record-access.ts';

/** The policy's view of a record on `today` (China time). */
export const subjectOf = (record: EvidenceRecord, today: string): EvidenceSubject => ({
  urbanPath: record.urbanPath,
  ruralPath: record.ruralPath,
  side: record.side,
  state: record.state,
  counts: record.countsFrom !== null && record.countsFrom <= today,
});
