/** Account protection settings (issue: foundation §4). */
export const authSettings = {
  maxFailedAttempts: 5,
  /** The first pause of a source after `maxFailedAttempts` failures; it doubles each time. */
  lockoutMs: 15 * 60_000,
  maxLockoutMs: 24 * 60 * 60_000,
  /** Sessions a user may hold at once; a new sign-in beyond it ends the oldest. */
  maxSessions: 10,
  idleTimeoutMs: 30 * 60_000,
  absoluteLifetimeMs: 12 * 60 * 60_000,
  /** Idle time is measured to the minute; see authenticate(). */
  touchIntervalMs: 60_000,
  /**
   * How long a resolved session is reused by this process (see authenticate()). Writes to users
   * and sessions made here take effect at once; made through another process, within this time.
   */
  sessionCacheMs: 5_000,
  cookieName: 'pairing_sid',
};
