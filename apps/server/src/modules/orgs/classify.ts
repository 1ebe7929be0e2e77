const utf8 = (text: string) => Buffer.from(text);
const villageCommittee = ['村民委员会', '村委会'].map(utf8);
const residentsCommittee = ['居民委员会', '居委会'].map(utf8);
const villageWord = utf8('村');

const endsWith = (name: Uint8Array, from: number, to: number, suffix: Uint8Array) => {
  if (to - from < suffix.length) return false;
  for (let i = 0, at = to - suffix.length; i < suffix.length; i += 1)
    if (name[at + i] !== suffix[i]) return false;
  return true;
};

/**
 * Village-level rows are classified by code digits 10–12 *and* name (DOMAIN.md "Actors and
 * organizations"): 200–399 are 村委会, 001–199 居委会, ≥ 400 mixed. An explicit committee name wins
 * over the range, because the national list has 村民委员会 in 001–199 and 居民委员会 in 200–399.
 * Read from the name's UTF-8 bytes (`from`–`to`) and the number of digits 10–12 (`serial`), so the
 * national import classifies 620k rows without a string for each.
 */
export function classifyVillageLevelBytes(
  serial: number,
  name: Uint8Array,
  from = 0,
  to = name.length,
): 'village' | 'community' {
  if (villageCommittee.some((suffix) => endsWith(name, from, to, suffix))) return 'village';
  if (residentsCommittee.some((suffix) => endsWith(name, from, to, suffix))) return 'community';
  if (serial >= 400) return endsWith(name, from, to, villageWord) ? 'village' : 'community';
  return serial >= 200 ? 'village' : 'community';
}

export const classifyVillageLevel = (code: string, name: string) =>
  classifyVillageLevelBytes(Number(code.slice(9, 12)), utf8(name));

/** Administrative codes are stored as 12 digits (GB/T 2260 + statistical village code). */
export const fullCode = (code: string) => code.padEnd(12, '0');
