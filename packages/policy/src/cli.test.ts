import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import type { Ledger } from './ledger.ts';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../..');

const ledger: Ledger = {
  pack: 'town-2010',
  pairing: { termStart: '2011-01-01', termEnd: '2011-12-31' },
  events: [
    { id: 'r1', type: 'report', date: '2011-04-08', period: '2011Q1' },
    { id: 'a1', type: 'activity', date: '2011-05-04', category: 'party_lesson' },
  ],
};

function pairing(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
    cwd: repoRoot,
  });
}

describe('npm run pairing -- compliance', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'compliance-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the status of a ledger file to --out', async () => {
    const ledgerFile = join(dir, 'ledger.json');
    const outFile = join(dir, 'status.json');
    await writeFile(ledgerFile, JSON.stringify(ledger));
    await pairing('compliance', '--ledger', ledgerFile, '--at', '2011-07-15', '--out', outFile);
    const status = JSON.parse(await readFile(outFile, 'utf8'));
    expect(status).toEqual(evaluate(ledger, '2011-07-15'));
    // Q2's report was due 2011-07-10 and is missing
    expect(status.summary).toEqual({ met: 2, due: 2, due_soon: 0, missed: 1, late: 0 });
  });

  it('prints the status without --out', async () => {
    const ledgerFile = join(dir, 'stdout.json');
    await writeFile(ledgerFile, JSON.stringify(ledger));
    const { stdout } = await pairing('compliance', '--ledger', ledgerFile, '--at', '2011-07-15');
    expect(JSON.parse(stdout).pack).toBe('town-2010');
  });

  it('rejects a bad ledger with a message naming the entry and a failing exit code', async () => {
    const ledgerFile = join(dir, 'bad.json');
    await writeFile(
      ledgerFile,
      JSON.stringify({ ...ledger, events: [{ ...ledger.events[1], category: 'foo' }] }),
    );
    const failure = await pairing('compliance', '--ledger', ledgerFile, '--at', '2011-07-15').then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('台账不符合约定');
    expect(failure?.stderr).toContain('events[0] (id "a1"): unknown category "foo"');
  });
});
