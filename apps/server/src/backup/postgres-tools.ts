import { spawn } from 'node:child_process';
import { join } from 'node:path';

// pg_dump and pg_restore from the PostgreSQL client package; `PG_BIN` names their directory when
// the ones on PATH are older than the server (e.g. /usr/lib/postgresql/17/bin).
const tool = (name: 'pg_dump' | 'pg_restore') =>
  process.env.PG_BIN ? join(process.env.PG_BIN, name) : name;

/**
 * The URL without its password, and the password apart: it goes to the tool in PGPASSWORD, so it
 * never appears in the process list.
 */
function connection(url: string) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return {
    dbname: u.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) =>
      reject(
        new Error(
          `无法运行 ${command}: ${e.message}（请安装 PostgreSQL 客户端，或以 PG_BIN 指定其目录）`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(
            new Error(
              `${command} 失败 (退出码 ${code}): ${err.trim().split('\n').slice(-5).join('\n')}`,
            ),
          ),
    );
  });
}

/** The major version of pg_dump or pg_restore ("pg_dump (PostgreSQL) 15.20 (Debian …)" → 15). */
export async function toolMajor(name: 'pg_dump' | 'pg_restore'): Promise<number> {
  const out = await run(tool(name), ['--version'], process.env);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(out);
  if (!match) throw new Error(`无法识别 ${name} 的版本: ${out.trim()}`);
  return Number(match[1]);
}

/** A server_version_num (150020) as its major version (15). */
export const serverMajor = (versionNum: number) => Math.floor(versionNum / 10_000);

/**
 * pg_dump refuses a server newer than itself; say which client a deployment needs instead of
 * its own message.
 */
export async function checkDumpVersion(serverVersion: number): Promise<number> {
  const major = await toolMajor('pg_dump');
  if (major < serverMajor(serverVersion)) {
    throw new Error(
      `pg_dump ${major} 不能备份 PostgreSQL ${serverMajor(serverVersion)}: 请安装 postgresql-client-${serverMajor(serverVersion)}（或更新），或以 PG_BIN 指定其目录`,
    );
  }
  return major;
}

/** pg_restore reads only archives of its own or an older pg_dump. */
export async function checkRestoreVersion(dumpVersion: number | undefined): Promise<void> {
  const major = await toolMajor('pg_restore');
  if (dumpVersion !== undefined && major < dumpVersion) {
    throw new Error(
      `备份由 pg_dump ${dumpVersion} 生成，pg_restore ${major} 无法读取: 请安装 postgresql-client-${dumpVersion}（或更新），或以 PG_BIN 指定其目录`,
    );
  }
}

/**
 * The whole database in pg_dump's custom format (compressed, restorable object by object), as
 * seen by the exported `snapshot`.
 */
export async function pgDump(url: string, file: string, snapshot: string): Promise<void> {
  const { dbname, env } = connection(url);
  await run(
    tool('pg_dump'),
    [
      '--format=custom',
      '--no-owner',
      `--snapshot=${snapshot}`,
      `--file=${file}`,
      `--dbname=${dbname}`,
    ],
    env,
  );
}

/**
 * Load a custom-format dump in one transaction: all or nothing. `clean` drops the dump's objects
 * first (restoring over a database that has them).
 */
export async function pgRestore(url: string, file: string, clean: boolean): Promise<void> {
  const { dbname, env } = connection(url);
  await run(
    tool('pg_restore'),
    [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      ...(clean ? ['--clean', '--if-exists'] : []),
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}
