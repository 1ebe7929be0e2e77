import type { TestProject } from 'vitest/node';
import { startServer, type DemoAccount } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    accounts: DemoAccount[];
  }
}

/** One server for all journeys; each journey signs in with its own demo account. */
export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('accounts', server.accounts);
  return server.stop;
}
