import type { TestProject } from 'vitest/node';
import { resetAxeReport } from './accessibility.ts';
import { startServer, type DemoAccount } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    accounts: DemoAccount[];
  }
}

/**
 * One server for all journeys; each journey signs in with its own demo account. To drive a
 * server you already run, set E2E_BASE_URL and E2E_ACCOUNTS (JSON list of demo accounts).
 */
export default async function setup(project: TestProject) {
  resetAxeReport();
  if (process.env.E2E_BASE_URL) {
    project.provide('baseUrl', process.env.E2E_BASE_URL);
    project.provide('accounts', JSON.parse(process.env.E2E_ACCOUNTS ?? '[]') as DemoAccount[]);
    return;
  }
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('accounts', server.accounts);
  return server.stop;
}
