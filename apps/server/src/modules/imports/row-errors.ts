import { keptImportErrors as keptErrors } from '@pairing/shared';
import type { ImportRowError } from './schema.ts';

/**
 * The errors of one import: the first `keptErrors` as found, and how many there were in all, so a
 * hostile file cannot make a job store or answer millions of them.
 */
export class RowErrors {
  readonly kept: ImportRowError[] = [];
  count = 0;

  push(error: ImportRowError) {
    this.count += 1;
    if (this.kept.length < keptErrors) this.kept.push(error);
  }
}
