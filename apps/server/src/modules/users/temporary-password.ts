import { randomInt } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { readSecurityPolicy } from '../auth/security-policy.ts';

// No 0/O, 1/l/I: the password is read out or copied by hand to the new user.
const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
const digits = '23456789';
const alphabet = letters + digits;

const lower = letters.replace(/[A-Z]/g, '');
const upper = letters.replace(/[a-z]/g, '');

/**
 * A one-time password handed to a new or reset account: 12 characters (≈70 bits), or the security
 * policy's `minLength` when that is more. It satisfies newPasswordSchema (three classes: lower,
 * upper, digits) and must be changed at the next sign-in.
 */
export function temporaryPassword(minLength = 12): string {
  const length = Math.max(12, minLength);
  const chars = Array.from({ length }, () => alphabet[randomInt(alphabet.length)]);
  // One of each class at three distinct random positions, without biasing the rest.
  const positions = Array.from({ length }, (_, i) => i);
  for (const set of [lower, upper, digits]) {
    const at = positions.splice(randomInt(positions.length), 1)[0]!;
    chars[at] = set[randomInt(set.length)];
  }
  return chars.join('');
}

/** A one-time password no shorter than the security policy in force asks. */
export async function temporaryPasswordFor(db: Db): Promise<string> {
  return temporaryPassword((await readSecurityPolicy(db)).minPasswordLength);
}
