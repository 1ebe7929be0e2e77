/**
 * True when a database error (possibly wrapped by drizzle in `cause`) is a unique violation
 * (SQLSTATE 23505), optionally of the named constraint.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return !constraint || name === undefined || name === constraint;
  }
  return false;
}
