/**
 * Village-level rows are classified by code digits 10–12 *and* name (DOMAIN.md "Actors and
 * organizations"): 200–399 are 村委会, 001–199 居委会, ≥ 400 mixed. An explicit committee name wins
 * over the range, because the national list has 村民委员会 in 001–199 and 居民委员会 in 200–399.
 */
export function classifyVillageLevel(code: string, name: string): 'village' | 'community' {
  if (/(村民委员会|村委会)$/.test(name)) return 'village';
  if (/(居民委员会|居委会)$/.test(name)) return 'community';
  const digits = Number(code.slice(9, 12));
  if (digits >= 400) return /村$/.test(name) ? 'village' : 'community';
  return digits >= 200 ? 'village' : 'community';
}

/** Administrative codes are stored as 12 digits (GB/T 2260 + statistical village code). */
export const fullCode = (code: string) => code.padEnd(12, '0');
