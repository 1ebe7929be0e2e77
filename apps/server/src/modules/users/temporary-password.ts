import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is read out or copied by hand to the new user.
const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
const digits = '23456789';
const alphabet = letters + digits;

/**
 * A one-time password handed to a new or reset account (12 characters, ≈70 bits); it satisfies
 * newPasswordSchema (letters and digits) and must be changed at the next sign-in.
 */
export function temporaryPassword(length = 12): string {
  const chars = Array.from({ length }, () => alphabet[randomInt(alphabet.length)]);
  // Guarantee one letter and one digit at random positions without biasing the rest.
  const letterAt = randomInt(length);
  const digitAt = (letterAt + 1 + randomInt(length - 1)) % length;
  chars[letterAt] = letters[randomInt(letters.length)];
  chars[digitAt] = digits[randomInt(digits.length)];
  return chars.join('');
}
