// `npm run pairing -- backup --out FILE` and `restore --in FILE [--force]`: the database and the
// evidence files in one archive (docs/deployment.md, "Backup and restore").
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../backup/backup.ts';
import { restoreBackup } from '../backup/restore.ts';
import type { BackupTarget } from '../backup/target.ts';
import { configuredPgliteDir } from '../db/client.ts';
import { evidenceSettings, evidenceConfigFromEnv } from '../modules/ledger/evidence/settings.ts';

/**
 * The configured database and evidence directory: PostgreSQL through the owner's URL where the
 * server's own role may not change the schema (MIGRATION_DATABASE_URL), else DATABASE_URL, else
 * PGlite's directory.
 */
function configuredTarget(): BackupTarget {
  const url =
    process.env.DATABASE_URL && (process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL);
  return {
    database: url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: configuredPgliteDir() },
    evidenceDir: evidenceSettings({
      secureCookies: false,
      evidence: evidenceConfigFromEnv(process.env),
    }).dir,
  };
}

const progress = (line: string) => console.log(line);

/** parseArgs's complaint about a flag, with the usage line. */
const withUsage = (usage: string) => (err: unknown) =>
  new Error(`${(err as Error).message}
${usage}`);

export async function backupCommand(argv: string[]) {
  const usage = '用法: npm run pairing -- backup --out <文件>';
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' } } }));
  } catch (err) {
    throw withUsage(usage)(err);
  }
  if (typeof values.out !== 'string') throw new Error(usage);
  await createBackup(configuredTarget(), resolve(values.out), progress);
}

export async function restoreCommand(argv: string[]) {
  const usage = '用法: npm run pairing -- restore --in <文件> [--force]';
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { in: { type: 'string' }, force: { type: 'boolean' } },
    }));
  } catch (err) {
    throw withUsage(usage)(err);
  }
  if (typeof values.in !== 'string') throw new Error(usage);
  await restoreBackup(
    configuredTarget(),
    resolve(values.in),
    { force: values.force === true },
    progress,
  );
}
