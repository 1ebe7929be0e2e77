// A reusable id → position table for the per-ledger pass. A Map or Set would do, but clearing
// and regrowing one for every ledger costs more than the rest of the pass; this table is reset
// by bumping a generation number and only grows.

export class IdIndex {
  private ids: string[] = [];
  private positions = new Int32Array(0);
  private stamps = new Int32Array(0);
  private generation = 0;
  private mask = 0;

  /** Empties the table, ready for up to `capacity` ids. */
  reset(capacity: number): void {
    this.generation++;
    if (capacity * 2 > this.mask + 1 || this.generation === 0x7fffffff) {
      let size = 64;
      while (size < capacity * 2) size *= 2;
      this.ids = new Array<string>(size).fill('');
      this.positions = new Int32Array(size);
      this.stamps = new Int32Array(size);
      this.mask = size - 1;
      this.generation = 1;
    }
  }

  /** Adds `id` at `position`; false when the id is already present. */
  add(id: string, position: number): boolean {
    let slot = hash(id) & this.mask;
    while (this.stamps[slot] === this.generation) {
      if (this.ids[slot] === id) return false;
      slot = (slot + 1) & this.mask;
    }
    this.stamps[slot] = this.generation;
    this.ids[slot] = id;
    this.positions[slot] = position;
    return true;
  }

  /** Position of `id`, or −1 when absent. */
  get(id: unknown): number {
    if (typeof id !== 'string') return -1;
    let slot = hash(id) & this.mask;
    while (this.stamps[slot] === this.generation) {
      if (this.ids[slot] === id) return this.positions[slot];
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}

// FNV-1a over UTF-16 code units; ids are short, so this is cheaper than a Map's bookkeeping.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}
