import type { DbHandle } from './db/client.ts';
import type { Clock } from './lib/clock.ts';
import type { Keyring } from './lib/personal-crypto.ts';
import type { MetricsAccess } from './lib/metrics.ts';
import type { StreamLimits } from './lib/sse.ts';

/** What every module receives: the database, the clock and the settings. */
export type AppContext = {
  dbh: DbHandle;
  clock: Clock;
  config: {
    secureCookies: boolean;
    /**
     * The reverse proxies whose `X-Forwarded-For` is believed (addresses or CIDR ranges); none by
     * default, so a client cannot choose the address that rate limits, throttles and audit see.
     */
    trustedProxies?: string[];
    webDist?: string;
    /** How often watched boards are recomputed without a change (board/hub.ts); 30 s. */
    boardRefreshMs?: number;
    /** Caps on open public board streams (lib/sse.ts `defaultStreamLimits`). */
    streams?: StreamLimits;
    /** Where evidence files are kept and how large they may be (ledger/evidence/settings.ts). */
    evidence?: { dir?: string; maxBytes?: number; maxPixels?: number };
    /** Keys that seal personal numbers (lib/personal-crypto.ts); the development key if absent. */
    personalData?: Keyring;
    /** Who may read /metrics besides loopback (lib/metrics.ts). */
    metrics?: MetricsAccess;
  };
};
