import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export type DemoAccount = { role: string; username: string; password: string; orgName: string };

export type RunningServer = {
  baseUrl: string;
  accounts: DemoAccount[];
  stop: () => Promise<void>;
};

/**
 * The demo accounts as main.ts prints them at start ("  <role> <username> 密码 <password>   <org>"),
 * so the journeys follow whatever the seed chose instead of repeating its usernames.
 */
export function parseDemoAccounts(output: string): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  for (const line of output.split('\n')) {
    const match = /^\s+([a-z_]+)\s+(\S+)\s+密码 (\S+)\s+(.+?)\s*$/.exec(line);
    if (match) {
      accounts.push({ role: match[1], username: match[2], password: match[3], orgName: match[4] });
    }
  }
  return accounts;
}

/**
 * Start the real server (`node --import tsx apps/server/src/main.ts`, spawned directly so the PID
 * is the server's) on a free port with a fresh PGlite directory, so it seeds the demo city.
 */
export async function startServer(startupMs = 10 * 60_000): Promise<RunningServer> {
  if (!existsSync(join(repoRoot, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build -w @pairing/web` first');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pairing-e2e-db-'));
  const logFile = join(dataDir, 'server.log');
  const log = createWriteStream(logFile);
  // Always the embedded database, even when the caller's shell points at PostgreSQL.
  const { DATABASE_URL: _postgres, ...env } = process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/server/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PGLITE_DIR: join(dataDir, 'pglite'),
        EVIDENCE_DIR: join(dataDir, 'evidence'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + startupMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const output = readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(
        `server exited with ${child.exitCode} during start-up:\n${output.slice(-4000)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) {
        // The account list is printed right after listen(); give the stream a moment to flush.
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { baseUrl, accounts: parseDemoAccounts(readFileSync(logFile, 'utf8')), stop };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const output = readFileSync(logFile, 'utf8');
  await stop();
  throw new Error(
    `server did not answer /api/health within ${startupMs / 1000} s:\n${output.slice(-4000)}`,
  );
}
