import type { CheckinCode } from '@pairing/shared';

// The server keeps only a hash of the token, so the QR code on screen cannot be fetched again.
// The tab keeps the code it opened, so a reload of the organizer's page shows the same code.
const key = (recordId: number) => `pairing.checkin.${recordId}`;

export function loadCode(recordId: number): CheckinCode | null {
  try {
    const raw = sessionStorage.getItem(key(recordId));
    return raw ? (JSON.parse(raw) as CheckinCode) : null;
  } catch {
    return null;
  }
}

export function saveCode(recordId: number, code: CheckinCode) {
  try {
    sessionStorage.setItem(key(recordId), JSON.stringify(code));
  } catch {
    // Private mode or a full storage: the code still shows until the page is left.
  }
}
