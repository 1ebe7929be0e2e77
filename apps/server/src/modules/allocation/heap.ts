/**
 * The `size` smallest keys seen, with a payload each: a bounded max-heap, so a key larger than
 * the current worst is rejected in O(1).
 */
export class SmallestK {
  private keys: Float64Array;
  private items: Int32Array;
  length = 0;

  constructor(readonly size: number) {
    this.keys = new Float64Array(size);
    this.items = new Int32Array(size);
  }

  push(key: number, item: number) {
    if (this.size === 0) return;
    if (this.length < this.size) {
      let i = this.length++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.keys[parent] >= key) break;
        this.keys[i] = this.keys[parent];
        this.items[i] = this.items[parent];
        i = parent;
      }
      this.keys[i] = key;
      this.items[i] = item;
      return;
    }
    if (key >= this.keys[0]) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.length) break;
      const r = l + 1;
      const big = r < this.length && this.keys[r] > this.keys[l] ? r : l;
      if (this.keys[big] <= key) break;
      this.keys[i] = this.keys[big];
      this.items[i] = this.items[big];
      i = big;
    }
    this.keys[i] = key;
    this.items[i] = item;
  }

  /** The kept items, smallest key first. */
  sorted(): number[] {
    const order = Array.from({ length: this.length }, (_, i) => i);
    order.sort((a, b) => this.keys[a] - this.keys[b]);
    return order.map((i) => this.items[i]);
  }
}
