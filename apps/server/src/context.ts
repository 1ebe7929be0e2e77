import type { DbHandle } from './db/client.ts';
import type { Clock } from './lib/clock.ts';

/** What every module receives: the database, the clock and the settings. */
export type AppContext = {
  dbh: DbHandle;
  clock: Clock;
  config: { secureCookies: boolean; webDist?: string };
};
