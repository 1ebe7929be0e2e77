/** Where a backup is taken from or restored to: the database and the evidence directory. */
export type BackupTarget = {
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  evidenceDir: string;
};

export type Progress = (line: string) => void;
