import { z } from 'zod';

/** Raised when this code can no longer read what older code wrote, or the layout changes. */
export const backupFormatVersion = 1;

/** The archive's first entry; every other entry is listed here with its digest. */
export const manifestName = 'manifest.json';
/** The database: pg_dump's custom format, or PGlite's data directory as a gzipped tar. */
export const databaseEntryName = 'database';
/** Evidence files keep their path below the evidence directory under this prefix. */
export const evidencePrefix = 'evidence/';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const fileEntry = z.object({ path: z.string().min(1), bytes: z.number().int().min(0), sha256 });

export const manifestSchema = z.object({
  format: z.literal(backupFormatVersion),
  createdAt: z.iso.datetime(),
  database: z.object({
    kind: z.enum(['postgres', 'pglite']),
    /** PostgreSQL's server_version_num (PGlite's own for PGlite). */
    serverVersion: z.number().int(),
    /** pg_dump's major version: pg_restore must be at least as new. */
    dumpVersion: z.number().int().optional(),
    bytes: z.number().int().min(0),
    sha256,
  }),
  /** Rows per table, `schema.table`, as counted when the dump was taken. */
  tables: z.record(z.string(), z.number().int().min(0)),
  files: z.array(fileEntry),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof fileEntry>;
