import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { clientHeader } from '../src/lib/cross-site.ts';
import { openDb, type DbHandle } from '../src/db/client.ts';
import { ManualClock } from '../src/lib/clock.ts';
import { parseKeyring } from '../src/lib/personal-crypto.ts';
import type { AppContext } from '../src/context.ts';
import { withDatabase } from './global-setup.ts';

export type TestEnv = AppContext & {
  dbh: DbHandle;
  clock: ManualClock;
  app: Awaited<ReturnType<typeof buildApp>>;
  /** Inject without the web app's client header. */
  rawInject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

/** A fresh database copied from the run's template, and an app on it with a manual clock. */
export async function createTestEnv(): Promise<TestEnv> {
  const url = process.env.DATABASE_URL;
  let dbh: DbHandle;
  let drop = async () => {};
  if (url) {
    const name = `pairing_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplateDb')}`);
    dbh = await openDb({ url: withDatabase(url, name), poolSize: 20 });
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const tar = readFileSync(inject('pgliteTemplate'));
    const client = await PGlite.create({ loadDataDir: new Blob([tar]) });
    dbh = await openDb({ pglite: client });
  }
  const clock = new ManualClock();
  // Each env keeps its evidence files in its own directory, removed with it.
  const evidenceDir = mkdtempSync(join(tmpdir(), 'pairing-evidence-'));
  const ctx: AppContext = {
    dbh,
    clock,
    config: {
      secureCookies: false,
      evidence: { dir: evidenceDir },
      // A key of its own per env, as a real deployment has one that is not in the source.
      personalData: parseKeyring(`test:${randomBytes(32).toString('base64')}`),
    },
  };
  const app = await buildApp(ctx);
  const rawInject = sendAsTheWebApp(app);
  return {
    rawInject,
    ...ctx,
    dbh,
    clock,
    app,
    close: async () => {
      await app.close();
      await dbh.close();
      await drop();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}

type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

/**
 * Tests call the API as the web app does: every injected request carries the client header
 * (lib/cross-site.ts). The plain inject it returns sends only what a test gives it, as a page of
 * another site would.
 */
function sendAsTheWebApp(app: TestEnv['app']): Inject {
  const inject = app.inject.bind(app) as Inject;
  Object.assign(app, {
    inject: (options: InjectOptions) =>
      inject({ ...options, headers: { [clientHeader]: 'test', ...options.headers } }),
  });
  return inject;
}
