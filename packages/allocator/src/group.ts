/** Counting sort of entries by an integer key: entries of key k are order[start[k] .. start[k+1]). */
export type Groups = { start: Int32Array; order: Int32Array };

export function groupBy(keys: Int32Array, keyCount: number): Groups {
  const start = new Int32Array(keyCount + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i] + 1]++;
  for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
  const next = start.slice(0, keyCount);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[next[keys[i]]++] = i;
  return { start, order };
}
