import { maskIdNumber, maskPhone, roleMay, type Role } from '@pairing/shared';

// Audit records keep what a write changed, phones included (an org's contact, an account's
// mobile). A reader who sees such numbers masked everywhere else sees them masked here too (issue
// 16 item 4); those who may export them in full (the directory's import roles) see them as kept.

const phoneKey = /phone|mobile/i;
const idNumberKey = /^idNumber$/i;

export const seesPersonalFields = (role: Role) => roleMay(role, 'directory', 'importUnits');

/** `value` with every phone or ID number under any key masked, at any depth. */
export function maskPersonalFields(value: unknown, key = '', depth = 0): unknown {
  if (typeof value === 'string') {
    if (idNumberKey.test(key)) return maskIdNumber(value);
    if (phoneKey.test(key)) return maskPhone(value);
    return value;
  }
  if (depth > 16 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskPersonalFields(item, key, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, item]) => [k, maskPersonalFields(item, k, depth + 1)]),
  );
}
