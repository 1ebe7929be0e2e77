import { loadRecordScoped } from '../access.ts';
import type { RecordSubject } from '../policy.ts';
import { countsOn } from '../record-row.ts';

/** The policy's view of a loaded record on `today` (China time). */
export const subjectOf = (
  { record, pairing }: Awaited<ReturnType<typeof loadRecordScoped>>,
  today: string,
): RecordSubject => ({
  urbanPath: pairing.urbanPath,
  ruralPath: pairing.ruralPath,
  side: record.side,
  state: record.state,
  counts: countsOn(record, today),
});
