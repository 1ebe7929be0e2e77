import { createHash, randomBytes } from 'node:crypto';

// A check-in token is the only capability the public check-in routes take: 32 random bytes,
// base64url in the QR code; the database keeps only its SHA-256, as sessions keep theirs.

export const newCheckinToken = () => randomBytes(32).toString('base64url');

export const hashCheckinToken = (token: string) =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** The path of the public check-in page; the web prefixes its own origin for the QR code. */
export const checkinPath = (token: string) => `/checkin/${token}`;
