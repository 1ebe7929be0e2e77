import type { DbHandle } from './db/client.ts';
import type { Clock } from './lib/clock.ts';

/** What every module receives: the database, the clock and the settings. */
export type AppContext = {
  dbh: DbHandle;
  clock: Clock;
  config: {
    secureCookies: boolean;
    webDist?: string;
    /** How often watched boards are recomputed without a change (board/hub.ts); 30 s. */
    boardRefreshMs?: number;
  };
};
