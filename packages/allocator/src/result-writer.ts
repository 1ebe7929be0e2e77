import type { CompactInstance } from './compact.ts';
import { REASONS, type CompactResult } from './compact-result.ts';

const CHUNK_ENTRIES = 8192;

/** The result JSON in chunks, so that a national result never exists as one string. */
export function* resultChunks(
  instance: CompactInstance,
  result: CompactResult,
  millis: number,
): Generator<string> {
  const { targetIds, unitIds } = instance;
  let parts: string[] = ['{"assignments":['];
  const count = result.assignmentUnit.length;
  for (let i = 0; i < count; i++) {
    parts.push(
      `${i === 0 ? '' : ','}\n{"unit":${JSON.stringify(unitIds[result.assignmentUnit[i]])},` +
        `"target":${JSON.stringify(targetIds[result.assignmentTarget[i]])},` +
        `"cost":${result.assignmentCost[i]},"fixed":${result.assignmentFixed[i] === 1}}`,
    );
    if (parts.length >= CHUNK_ENTRIES) {
      yield parts.join('');
      parts = [];
    }
  }
  parts.push('],\n"uncovered":[');
  for (let i = 0; i < result.uncoveredTarget.length; i++) {
    parts.push(
      `${i === 0 ? '' : ','}\n{"target":${JSON.stringify(targetIds[result.uncoveredTarget[i]])},` +
        `"missing":${result.uncoveredMissing[i]},"reason":"${REASONS[result.uncoveredReason[i]]}"}`,
    );
    if (parts.length >= CHUNK_ENTRIES) {
      yield parts.join('');
      parts = [];
    }
  }
  parts.push(
    `],\n"covered":${result.covered},"totalCost":${result.totalCost},"stats":{"millis":${millis}}}\n`,
  );
  yield parts.join('');
}
