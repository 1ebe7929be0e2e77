import { fileURLToPath } from 'node:url';
import { evidenceMaxBytes } from '@pairing/shared';
import type { AppContext } from '../../../context.ts';

export type EvidenceSettings = {
  /** Root of the content-addressed store: `<dir>/ab/cd/<sha256>`. */
  dir: string;
  /** Bytes of one uploaded file. */
  maxBytes: number;
  /** Pixels of one image as its header declares them: decompression bombs stop here. */
  maxPixels: number;
  /** Files one record may carry. */
  maxFiles: number;
};

/** The repository's data/evidence, beside the embedded database's data/pglite. */
export const defaultEvidenceDir = fileURLToPath(
  new URL('../../../../../../data/evidence', import.meta.url),
);

/** 50 megapixels: a phone's full-resolution photo passes, a 50000×50000 header does not. */
const defaultMaxPixels = 50_000_000;

export function evidenceSettings(config: AppContext['config']): EvidenceSettings {
  const given = config.evidence ?? {};
  return {
    dir: given.dir ?? defaultEvidenceDir,
    maxBytes: given.maxBytes ?? evidenceMaxBytes,
    maxPixels: given.maxPixels ?? defaultMaxPixels,
    maxFiles: 30,
  };
}

/** A production's settings: `EVIDENCE_DIR`, `EVIDENCE_MAX_MB` (megabytes of one file). */
export function evidenceConfigFromEnv(env: NodeJS.ProcessEnv): AppContext['config']['evidence'] {
  const mb = Number(env.EVIDENCE_MAX_MB);
  return {
    ...(env.EVIDENCE_DIR ? { dir: env.EVIDENCE_DIR } : {}),
    ...(Number.isFinite(mb) && mb > 0 ? { maxBytes: Math.round(mb * 1024 * 1024) } : {}),
  };
}
